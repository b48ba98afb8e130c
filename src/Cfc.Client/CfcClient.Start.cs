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
    private CfcClientOptions? _startOptions;
    private string? _startTarget;

    /// <summary>
    /// Makes a client without connecting it; <see cref="StartAsync"/> connects it. Until then it is
    /// <see cref="CfcConnectionState.Disconnected"/>; once started, calls made while it connects wait for the session
    /// (up to <see cref="WampReconnectOptions.QueueTimeout"/> when <c>Connection.Reconnect</c> is set).
    /// </summary>
    /// <param name="options">Where and how to connect; checked here (<see cref="CfcClientOptions.Validate"/>).</param>
    /// <returns>The client, not yet connected.</returns>
    /// <remarks>
    /// With <see cref="CfcUriScheme.Auto"/> (the default) the client finds out the server's API when
    /// <see cref="StartAsync"/> first connects (one round of probe calls); until then <see cref="UriScheme"/> is
    /// <see cref="CfcUriScheme.Auto"/>. Event streams may be subscribed before that: they subscribe on the router once the
    /// API is known. A call made before <see cref="StartAsync"/> throws <see cref="InvalidOperationException"/>; a call made
    /// while it connects waits for the API (up to <see cref="WampReconnectOptions.QueueTimeout"/> when
    /// <c>Connection.Reconnect</c> is set) and then goes ahead; when connecting fails for good, it fails with why.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are incomplete or out of range (the message says what to fix).</exception>
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
        WampClient wamp = WampClient.Create(options.ToWampClientOptions());
        return new CfcClient(wamp, options.UriScheme, options.Connection.LoggerFactory, options.Realm, options)
        {
            _unstarted = wamp,
            _startOptions = options,
            _startTarget = $"{options.Url} (realm {options.Realm}, {options.Authenticator})",
        };
    }

    /// <summary>
    /// Connects a client made by <see cref="Create(CfcClientOptions)"/>. With
    /// <see cref="WampReconnectOptions.RetryFirstConnect"/> it keeps trying until CFC answers, the retries run out or
    /// <paramref name="cancellationToken"/> is cancelled; after that the client reconnects by itself.
    /// </summary>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>A task that completes when the session is ready (and, under <see cref="CfcUriScheme.Auto"/>, the server's API known).</returns>
    /// <exception cref="InvalidOperationException">The client was not made by <see cref="Create(CfcClientOptions)"/>, or was started already.</exception>
    /// <exception cref="CfcAuthenticationException">The router refused the session (e.g. an unknown key).</exception>
    /// <exception cref="CfcException">The connection could not be opened (<see cref="LastError"/> says why too).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        WampClient wamp = _unstarted ?? throw new InvalidOperationException(
            "This CfcClient is connected already: only a client made by CfcClient.Create(options) is started with StartAsync.");
        _context.MarkStarted();
        try
        {
            await wamp.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            CfcException? mapped = ex is WampException wampError ? CfcErrors.Map(wampError, $"Connecting to {_startTarget}") : null;
            _context.FailScheme(ex is OperationCanceledException ? StartCancelled() : mapped ?? ex);

            if (mapped is not null)
            {
                throw mapped;
            }

            throw;
        }

        if (_context.Binding is null && _startOptions is { } options)
        {
            // CfcUriScheme.Auto: found out once, on the first session; a reconnect keeps it (the same server).
            try
            {
                _context.BindScheme(await DetectSchemeAsync(wamp, options, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                _context.FailScheme(ex is OperationCanceledException ? StartCancelled() : ex);
                throw;
            }
        }
    }

    private InvalidOperationException StartCancelled() => new(
        $"CfcClient.StartAsync was cancelled before the client connected to {_startTarget} and found out its API (CfcUriScheme.Auto); " +
        "a client starts once: make a new one with CfcClient.Create and start it again.");
}
