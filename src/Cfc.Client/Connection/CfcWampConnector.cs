using Cfc.Wamp;

namespace Cfc.Client.Connection;

/// <summary>Opens the real WAMP session for <see cref="CfcClient.ConnectAsync(CfcClientOptions, CancellationToken)"/>.</summary>
internal static class CfcWampConnector
{
    /// <summary>Connects a <see cref="WampClient"/>.</summary>
    /// <param name="options">The WAMP options.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected session.</returns>
    public static async Task<IWampClient> ConnectAsync(WampClientOptions options, CancellationToken cancellationToken)
    {
        return await WampClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
