namespace Cfc.Wamp.Tests.Transport;

/// <summary>Every wait in the transport tests is bounded by these.</summary>
internal static class Timeouts
{
    public const int TestMilliseconds = 30_000;

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static CancellationTokenSource Token() => new(Wait);
}
