using Cfc.Client.Connection;
using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// A client made before CFC is reachable: <see cref="Create(CfcClientOptions)"/> builds it without touching the
/// network, <see cref="StartAsync"/> connects it (the hosting package runs that in the background).
/// </summary>
public sealed partial class CfcClient
{
    private WampClient? _unstarted;
    private string? _startTarget;

    /// <summary>
    /// Makes a client without connecting it; <see cref="StartAsync"/> connects it. Until then it is
    /// <see cref="CfcConnectionState.Disconnected"/>; once started, calls made while it connects wait for the session
    /// (up to <see cref="WampReconnectOptions.QueueTimeout"/> when <c>Connection.Reconnect</c> is set).
    /// </summary>
    /// <param name="options">Where and how to connect; checked here (<see cref="CfcClientOptions.Validate"/>).</param>
    /// <returns>The client, not yet connected.</returns>
    /// <exception cref="ArgumentException">The options are incomplete or out of range (the message says what to fix), or ask for <see cref="CfcUriScheme.Auto"/>, which only <see cref="ConnectAsync(CfcClientOptions, CancellationToken)"/> can resolve.</exception>
    /// <example>
    /// <code>
    /// await using CfcClient client = CfcClient.Create(options with { Connection = options.Connection with { Reconnect = new WampReconnectOptions { RetryFirstConnect = true } } });
    /// _ = client.StartAsync(stoppingToken);   // connects and reconnects in the background
    /// </code>
    /// </example>
    public static CfcClient Create(CfcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.UriScheme == CfcUriScheme.Auto)
        {
            // Auto asks the server at connect, and the API groups of a client made here exist before any connection.
            throw new ArgumentException(
                "CfcClientOptions.UriScheme Auto needs a connection to find out the server's API, and CfcClient.Create makes the client before connecting. "
                + "Name the scheme (CrossbarMaster for a Crossbar.io master node, Fabric or Legacy), or use CfcClient.ConnectAsync with Auto.",
                nameof(options));
        }

        WampClient wamp = WampClient.Create(options.ToWampClientOptions());
        return new CfcClient(wamp, options.UriScheme, options.Connection.LoggerFactory, options.Realm, options) { _unstarted = wamp, _startTarget = $"{options.Url} (realm {options.Realm}, {options.Authenticator})" };
    }

    /// <summary>
    /// Connects a client made by <see cref="Create(CfcClientOptions)"/>. With
    /// <see cref="WampReconnectOptions.RetryFirstConnect"/> it keeps trying until CFC answers, the retries run out or
    /// <paramref name="cancellationToken"/> is cancelled; after that the client reconnects by itself.
    /// </summary>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>A task that completes when the session is ready.</returns>
    /// <exception cref="InvalidOperationException">The client was not made by <see cref="Create(CfcClientOptions)"/>, or was started already.</exception>
    /// <exception cref="CfcAuthenticationException">The router refused the session (e.g. an unknown key).</exception>
    /// <exception cref="CfcException">The connection could not be opened (<see cref="LastError"/> says why too).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        WampClient wamp = _unstarted ?? throw new InvalidOperationException(
            "This CfcClient is connected already: only a client made by CfcClient.Create(options) is started with StartAsync.");
        try
        {
            await wamp.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex)
        {
            throw CfcErrors.Map(ex, $"Connecting to {_startTarget}");
        }
    }
}
