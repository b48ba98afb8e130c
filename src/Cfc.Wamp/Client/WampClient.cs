namespace Cfc.Wamp;

/// <summary>Placeholder: the session implementation lands with the session work (branch `session`); on merge, take that branch's file.</summary>
public sealed partial class WampClient
{
    private WampClient()
    {
    }

    /// <summary>The connect entry point as fixed by the brief; the session branch provides the real body.</summary>
    /// <param name="options">Where and how to connect.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>Never, in this placeholder.</returns>
    public static Task<WampClient> ConnectAsync(WampClientOptions options, CancellationToken cancellationToken = default) =>
        throw new PlatformNotSupportedException("WampClient lands with the session branch; this placeholder only fixes the signature Cfc.Client compiles against.");
}
