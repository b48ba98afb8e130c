namespace Cfc.Interop.Tests.Harness;

/// <summary>Bounds for every wait in the interop tests: generous for a shared 2-core machine, yet no test can hang.</summary>
internal static class Timeouts
{
    /// <summary>The whole-test bound for <c>[Fact(Timeout = ...)]</c>.</summary>
    public const int TestMilliseconds = 60_000;

    /// <summary>How long the router may take to print its ports.</summary>
    public static readonly TimeSpan RouterStart = TimeSpan.FromSeconds(20);

    /// <summary>How long one peer line (ready, result, event) may take.</summary>
    public static readonly TimeSpan PeerLine = TimeSpan.FromSeconds(20);

    /// <summary>How long a single client operation may take.</summary>
    public static readonly TimeSpan Operation = TimeSpan.FromSeconds(15);
}
