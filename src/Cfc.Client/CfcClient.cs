using System.Globalization;
using Cfc.Client.Api;
using Cfc.Client.Connection;
using Cfc.Client.Uris;
using Cfc.Wamp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Client;

/// <summary>
/// A typed client for Crossbar.io Fabric Center over one WAMP session: every procedure of the CFC APIs as an awaitable
/// method, every event as a <see cref="CfcEventStream{T}"/> (an <see cref="IObservable{T}"/> you can also read with <c>await foreach</c>). Thread-safe; dispose it to close the session.
/// </summary>
/// <example>
/// <code>
/// await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
/// {
///     Url = new Uri("ws://127.0.0.1:9000/ws"),
///     Authenticator = CfcAuthenticator.Cryptosign(CryptosignKey.FromSeedHex(seedHex), authId: "alice@example.com"),
/// });
/// SystemStatus status = await client.System.GetStatusAsync();
/// using IDisposable ticks = client.System.OnTick.Subscribe(new TickObserver());
/// </code>
/// </example>
public sealed partial class CfcClient : IAsyncDisposable
{
    
    private readonly CfcApiContext _context;
    private readonly ILogger _logger;
    private readonly TimeSpan _closeTimeout;
    private readonly TimeProvider _timeProvider;
    private int _disposed;
    private MappedError? _lastError;

    private CfcClient(IWampClient wamp, CfcUriScheme scheme, ILoggerFactory? loggerFactory, string? realm = null, CfcClientOptions? options = null)
    {
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cfc.Client");
        _logger = logger;
        _closeTimeout = options?.Connection.CloseTimeout ?? WampConnectionOptions.Defaults.CloseTimeout;
        _timeProvider = options?.Connection.TimeProvider ?? TimeProvider.System;
        _context = new CfcApiContext(
            wamp, scheme, logger, realm, options?.EventQueue, options?.Connection.Reconnect?.QueueTimeout, options?.Connection.TimeProvider);
        System = new FabricSystemApi(_context);
        ManagementRealms = new ManagementRealmsApi(_context);
        ManagementRealm = new ManagementRealmApi(_context);
        RemoteNode = new RemoteNodeApi(_context);
        RemoteWorker = new RemoteWorkerApi(_context);
        RemoteRouter = new RemoteRouterApi(_context);
        RemoteContainer = new RemoteContainerApi(_context);
        RemoteProxy = new RemoteProxyApi(_context);
        RemoteTracing = new RemoteTracingApi(_context);
        RemoteDocker = new RemoteDockerApi(_context);
        RemoteRouterMeta = new RemoteRouterMetaApi(_context);
        Domain = new MasterDomainApi(_context);
        Fleet = new MasterFleetApi(_context);
        StateChanges = new CfcEventStream<CfcConnectionState>(
            new MappedEventSource<WampConnectionState, CfcConnectionState>(new ObservableEventSource<WampConnectionState>(wamp.StateChanges), CfcConnectionStates.From),
            _context.Events.Readers,
            nameof(StateChanges));
    }

    /// <summary>Global API, System: service status and the tick event (global realm).</summary>
    public IFabricSystem System { get; }

    /// <summary>Global API, Management Realms: realms, roles, node pairing and their events (global realm).</summary>
    public IManagementRealms ManagementRealms { get; }

    /// <summary>The management realm's own API: status, nodes (join the management realm).</summary>
    public IManagementRealm ManagementRealm { get; }

    /// <summary>Remote Management API: Nodes (management realm).</summary>
    public IRemoteNode RemoteNode { get; }

    /// <summary>Remote Management API: Native Workers (management realm).</summary>
    public IRemoteWorker RemoteWorker { get; }

    /// <summary>Remote Management API: Router Workers (management realm).</summary>
    public IRemoteRouter RemoteRouter { get; }

    /// <summary>Remote Management API: Container Workers (management realm).</summary>
    public IRemoteContainer RemoteContainer { get; }

    /// <summary>Remote Management API: Proxy Workers (management realm).</summary>
    public IRemoteProxy RemoteProxy { get; }

    /// <summary>Remote Management API: Message Tracing (management realm).</summary>
    public IRemoteTracing RemoteTracing { get; }

    /// <summary>Remote Management API: Docker Control (management realm).</summary>
    public IRemoteDocker RemoteDocker { get; }

    /// <summary>Remote Meta API: the WAMP meta API of a node's router realm (management realm).</summary>
    public IRemoteRouterMeta RemoteRouterMeta { get; }

    /// <summary>
    /// The Crossbar.io master's domain API (global realm): versions and license. Only under <see cref="CfcUriScheme.CrossbarMaster"/>;
    /// under the other schemes its members throw <see cref="CfcNotSupportedException"/>.
    /// </summary>
    public IMasterDomain Domain { get; }

    /// <summary>
    /// The Crossbar.io master's fleet API (management realm): node liveness and its events, the realm heartbeat, traces, node
    /// system statistics. Only under <see cref="CfcUriScheme.CrossbarMaster"/>; under the other schemes its members throw
    /// <see cref="CfcNotSupportedException"/>.
    /// </summary>
    public IMasterFleet Fleet { get; }

    /// <summary>The underlying WAMP session, for raw calls, publications and subscriptions the typed API lacks.</summary>
    public IWampClient Wamp => _context.Wamp;

    /// <summary>
    /// The URI scheme in use: the configured one, or with <see cref="CfcUriScheme.Auto"/> the one found at connect. Only a
    /// client made by <see cref="Create(CfcClientOptions)"/> with <see cref="CfcUriScheme.Auto"/> says
    /// <see cref="CfcUriScheme.Auto"/>, until <see cref="StartAsync"/> has connected it.
    /// </summary>
    public CfcUriScheme UriScheme => _context.Scheme;

    /// <summary>The current connection state.</summary>
    public CfcConnectionState State => CfcConnectionStates.From(_context.Wamp.State);

    /// <summary>
    /// Every connection state change, in order; completes when the client is disposed. A local stream: its
    /// <c>SubscribeAsync</c> is in place at once, and a new observer sees the changes after it subscribed (read
    /// <see cref="State"/> for the current one).
    /// </summary>
    public CfcEventStream<CfcConnectionState> StateChanges { get; }

    /// <summary>The current WAMP session id, or <see langword="null"/> while no session is open; changes on every reconnect.</summary>
    public long? SessionId => _context.Wamp.SessionId;

    /// <summary>
    /// Why the client last lost its session or failed to get one, as a <see cref="CfcException"/> (mapped like every
    /// other failure; the WAMP error is its inner exception), or <see langword="null"/> when that never happened.
    /// Read it when <see cref="StateChanges"/> reports <see cref="CfcConnectionState.Failed"/> (or an unplanned
    /// <see cref="CfcConnectionState.Disconnected"/>): a <see cref="CfcAuthenticationException"/> means the router refused
    /// to let the client back in (e.g. its key was removed). Kept after a successful reconnect (it then tells why the
    /// last outage began).
    /// </summary>
    public CfcException? LastError
    {
        get
        {
            Exception? error = _context.Wamp.LastError;
            if (error is null)
            {
                return null;
            }

            // Mapped once per underlying error, so that repeated reads give the same object.
            MappedError? known = Volatile.Read(ref _lastError);
            if (known is not null && ReferenceEquals(known.Source, error))
            {
                return known.Mapped;
            }

            CfcException mapped = CfcErrors.Map(
                error as WampException ?? new WampConnectionLostException(error.Message, error),
                $"The connection to CFC (session {_context.Wamp.SessionId?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
            Volatile.Write(ref _lastError, new MappedError(error, mapped));
            return mapped;
        }
    }

    /// <summary>Connects to CFC and joins the realm in <paramref name="options"/>.</summary>
    /// <param name="options">Where and how to connect.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="ArgumentException">The options are incomplete or out of range (the message says what to fix).</exception>
    /// <exception cref="CfcAuthenticationException">The router refused the session (e.g. an unknown key).</exception>
    /// <exception cref="CfcException">The connection could not be opened.</exception>
    public static Task<CfcClient> ConnectAsync(CfcClientOptions options, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, CfcWampConnector.ConnectAsync, cancellationToken);

    /// <summary>
    /// Wraps an existing WAMP session (any <see cref="IWampClient"/>: a <see cref="WampClient"/>, a test double, an
    /// in-process peer). The client takes ownership: disposing it disposes <paramref name="wamp"/>.
    /// </summary>
    /// <param name="wamp">The WAMP session.</param>
    /// <param name="scheme">The URI scheme the server speaks.</param>
    /// <param name="loggerFactory">Where logs go, or <see langword="null"/> for nowhere.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wamp"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not defined, or is <see cref="CfcUriScheme.Auto"/> (a wrapped session is not connected by the client, so it cannot find out the API then: name the scheme).</exception>
    public static CfcClient Create(IWampClient wamp, CfcUriScheme scheme = CfcUriScheme.Fabric, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(wamp);
        if (scheme == CfcUriScheme.Auto)
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme,
                "CfcUriScheme.Auto finds out the server's API when the client connects, and a wrapped session is connected by its owner: " +
                "name the scheme (CrossbarMaster for a Crossbar.io master node, Fabric or Legacy), or let CfcClient.ConnectAsync or CfcClient.Create(options) connect.");
        }

        _ = CfcUriTables.For(scheme);
        return new CfcClient(wamp, scheme, loggerFactory);
    }

    /// <summary>Connects with a given session factory (the seam tests use instead of the network).</summary>
    /// <param name="options">Where and how to connect.</param>
    /// <param name="connect">Opens the WAMP session.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client.</returns>
    internal static async Task<CfcClient> ConnectAsync(
        CfcClientOptions options, Func<WampClientOptions, CancellationToken, Task<IWampClient>> connect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        WampClientOptions wampOptions = options.ToWampClientOptions();
        IWampClient wamp;
        try
        {
            wamp = await connect(wampOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex)
        {
            throw CfcErrors.Map(ex, $"Connecting to {options.Url} (realm {options.Realm}, {options.Authenticator})");
        }

        CfcUriScheme scheme = options.UriScheme;
        if (scheme == CfcUriScheme.Auto)
        {
            try
            {
                scheme = await DetectSchemeAsync(wamp, options, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await wamp.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return new CfcClient(wamp, scheme, options.Connection.LoggerFactory, options.Realm, options);
    }

    // CfcUriScheme.Auto: one round of probe calls (sent together) right after joining, so at most one round trip more
    // than a named scheme. When nothing answers (a plain
    // WAMP router, or a role that may call none of them) the client uses Fabric, the documents' scheme.
    private static async Task<CfcUriScheme> DetectSchemeAsync(IWampClient wamp, CfcClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            CfcUriScheme? detected = await CfcSchemeDetector.DetectAsync(wamp, options.Realm, cancellationToken).ConfigureAwait(false);
            ILogger logger = (options.Connection.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cfc.Client");
            if (logger.IsEnabled(LogLevel.Information))
            {
                string chosen = detected is { } found ? found.ToString() : "none (using Fabric)";
                CfcLog.SchemeDetected(logger, options.Url!, options.Realm, chosen);
            }
            return detected ?? CfcUriScheme.Fabric;
        }
        catch (WampException ex)
        {
            throw CfcErrors.Map(ex, $"Finding out the API of {options.Url} (CfcUriScheme.Auto)");
        }
    }

    /// <summary>
    /// Completes every event stream, unsubscribes and closes the session (GOODBYE). Returns within
    /// <see cref="WampConnectionOptions.CloseTimeout"/> of <see cref="CfcClientOptions.Connection"/> whatever the connection does: a server that
    /// never answers, a connection that drops meanwhile, a peer that stopped reading; what is left then ends in the
    /// background. Later calls fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <returns>A task that completes when the client has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _context.MarkDisposed();
        long started = _timeProvider.GetTimestamp();
        try
        {
            // Observers complete at once; the UNSUBSCRIBEs are worth a wait only while the close budget lasts (the
            // router drops the subscriptions with the session anyway).
            await _context.Events.CompleteAllAsync().WaitAsync(_closeTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CfcLog.UnsubscribeOnCloseTimedOut(_logger, _closeTimeout);
        }

        TimeSpan left = _closeTimeout - _timeProvider.GetElapsedTime(started);
        Task closing = _context.Wamp.DisposeAsync().AsTask();
        try
        {
            // A WampClient bounds itself by the same close timeout; this bounds any other IWampClient too.
            await closing.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CfcLog.CloseTimedOut(_logger, _closeTimeout);
            _ = closing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private sealed record MappedError(Exception Source, CfcException Mapped);
}
