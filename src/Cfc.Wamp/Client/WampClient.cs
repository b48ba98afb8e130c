using Cfc.Wamp.Session;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Wamp;

/// <summary>
/// A WAMP v2 client: caller, callee, publisher and subscriber on one realm. Create it with
/// <see cref="ConnectAsync"/>. Thread-safe. Handlers never run on the socket reader: events are delivered
/// per subscription, in order, on a task of their own; invocations run on the thread pool.
/// </summary>
/// <remarks>
/// The client keeps what outlives a connection (options, state, the registry of subscriptions and
/// registrations); each connection is an internal session object. <see cref="StateChanges"/> does not replay:
/// an observer sees the changes after it subscribed.
/// </remarks>
public sealed class WampClient : IWampClient
{
    private readonly WampClientOptions _options;
    private readonly ILogger _logger;
    private readonly StateSubject _states;
    private readonly Lock _stateGate = new();
    private WampSession? _session;
    private int _state = (int)WampConnectionState.Disconnected;
    private int _disposed;

    private WampClient(WampClientOptions options)
    {
        _options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cfc.Wamp.WampClient");
        _states = new StateSubject(_logger);
    }

    /// <inheritdoc />
    public WampConnectionState State => (WampConnectionState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public IObservable<WampConnectionState> StateChanges => _states;

    /// <inheritdoc />
    public long? SessionId => Volatile.Read(ref _session)?.SessionId;

    /// <inheritdoc />
    public WampSessionDetails? SessionDetails => Volatile.Read(ref _session)?.Details;

    internal ClientRegistry Registry { get; } = new();

    internal WampClientOptions Options => _options;

    /// <summary>Connects to the router and joins the realm (HELLO .. WELCOME, with CHALLENGE rounds as needed).</summary>
    /// <param name="options">Where and how to connect. Checked with <see cref="WampClientOptions.Validate"/>.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="WampAuthenticationException">The router refused the session (ABORT), or a challenge could not be answered.</exception>
    /// <exception cref="WampTimeoutException">Connecting took longer than <see cref="WampClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="WampProtocolViolationException">The router broke the protocol during the handshake.</exception>
    public static async Task<WampClient> ConnectAsync(WampClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var client = new WampClient(options);
        try
        {
            client.SetState(WampConnectionState.Connecting);
            WampSession session = await client.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            await client.AttachSessionAsync(session, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<WampResult> CallAsync(string procedure, WampPayload payload = default, WampCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        return CurrentSession().Caller.CallAsync(procedure, payload, options, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long?> PublishAsync(string topic, WampPayload payload = default, WampPublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return CurrentSession().Publisher.PublishAsync(topic, payload, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WampSubscription> SubscribeAsync(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, WampSubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        WampSession session = CurrentSession();
        var subscription = new ClientSubscription(this, topic, options?.Match ?? WampMatch.Exact, handler, _logger);
        try
        {
            await session.Subscriber.SubscribeAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            subscription.Complete();
            throw;
        }

        Registry.Add(subscription);
        return subscription;
    }

    /// <inheritdoc />
    public async Task<WampRegistration> RegisterAsync(string procedure, WampInvocationHandler handler, WampRegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        ArgumentNullException.ThrowIfNull(handler);
        WampSession session = CurrentSession();
        var registration = new ClientRegistration(this, procedure, options, handler);
        try
        {
            await session.Callee.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            registration.Complete();
            throw;
        }

        Registry.Add(registration);
        return registration;
    }

    /// <inheritdoc />
    public async Task CloseAsync(string reason = "wamp.close.normal", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (Volatile.Read(ref _session) is { } session)
        {
            await session.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the session (GOODBYE, bounded by the request timeout), ends every subscription and registration
    /// (their <c>Completion</c> completes successfully) and completes <see cref="StateChanges"/>.
    /// </summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _session) is { } session)
        {
            try
            {
                await session.CloseAsync("wamp.close.normal", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.SendFailed(Messages.WampMessageType.Goodbye, ex);
                await session.AbandonAsync("the client was disposed").ConfigureAwait(false);
            }

            await session.WaitEndedAsync().ConfigureAwait(false);
        }

        Registry.EndAll(null);
        SetState(WampConnectionState.Disconnected);
        _states.OnCompleted();
    }

    /// <summary>
    /// Opens a transport and a session (HELLO .. WELCOME), bounded by the connect timeout and the token. The
    /// session is not yet attached: a reconnect loop calls this, then <see cref="AttachSessionAsync"/>.
    /// </summary>
    internal async Task<WampSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        IWampTransportFactory factory = _options.TransportFactory ?? CreateDefaultTransportFactory();
        var settings = new WampTransportSettings
        {
            MaxMessageSize = _options.MaxMessageSize,
            KeepAliveInterval = _options.KeepAliveInterval,
            KeepAliveTimeout = _options.KeepAliveTimeout,
            ConfigureWebSocket = _options.ConfigureWebSocket,
        };

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        IWampTransport? transport = null;
        try
        {
            transport = await factory.ConnectAsync(_options.Url!, _options.Serializers, settings, linked.Token).ConfigureAwait(false);
            var session = new WampSession(_options, transport, _logger);
            await session.HandshakeAsync(linked.Token).ConfigureAwait(false);
            return session;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is not WampAuthenticationException)
        {
            await CloseQuietlyAsync(transport).ConfigureAwait(false);
            throw new WampTimeoutException(
                $"Connecting to {_options.Url} (realm '{_options.Realm}') did not complete within the connect timeout of {_options.ConnectTimeout.TotalSeconds:0.###} s " +
                (transport is null ? "(the transport did not open)." : "(the router did not answer HELLO with WELCOME)."));
        }
        catch
        {
            await CloseQuietlyAsync(transport).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="session"/> the current one: starts its reader loop, restores every subscription
    /// and registration on it (new router ids), then reports <see cref="WampConnectionState.Connected"/>.
    /// </summary>
    internal async Task AttachSessionAsync(WampSession session, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _session, session);
        session.Start(OnSessionEnded);
        await Registry.RestoreAsync(session, _logger, cancellationToken).ConfigureAwait(false);
        if (!session.IsEnded)
        {
            SetState(WampConnectionState.Connected);
        }
    }

    /// <summary>The transport factory used when the options name none.</summary>
    internal static IWampTransportFactory CreateDefaultTransportFactory() => DefaultWampTransportFactory.Instance;

    internal async ValueTask UnsubscribeAsync(ClientSubscription subscription)
    {
        Registry.Remove(subscription);
        try
        {
            if (subscription.TryGetAttachment(out WampSession session, out _))
            {
                await session.Subscriber.UnsubscribeAsync(subscription, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _logger.UnsubscribeFailed(subscription.Topic, ex);
        }
        finally
        {
            subscription.Complete();
        }
    }

    internal async ValueTask UnregisterAsync(ClientRegistration registration)
    {
        Registry.Remove(registration);
        try
        {
            if (registration.TryGetAttachment(out WampSession session, out _))
            {
                await session.Callee.UnregisterAsync(registration, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _logger.UnregisterFailed(registration.Procedure, ex);
        }
        finally
        {
            registration.Complete();
        }
    }

    // Runs once per session, after its pending requests have failed and its transport is closed.
    // Without reconnect, a session lost by anything but the client's own close ends the subscriptions and
    // registrations for good; with reconnect they stay in the registry for the next session's restore.
    private void OnSessionEnded(WampSession session, SessionEnd end)
    {
        Interlocked.CompareExchange(ref _session, null, session);
        if (_options.Reconnect is null && end.Kind != SessionEndKind.ClosedByClient && Volatile.Read(ref _disposed) == 0)
        {
            Registry.EndAll(end.Kind == SessionEndKind.ProtocolViolation
                ? new WampProtocolViolationException(end.Reason, end.Cause)
                : new WampConnectionLostException($"The session with {_options.Url} (realm '{_options.Realm}', session {session.SessionId}) ended: {end.Reason}.", end.Cause));
        }

        SetState(WampConnectionState.Disconnected);
    }

    private WampSession CurrentSession()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        WampSession? session = Volatile.Read(ref _session);
        if (session is null || session.IsEnded)
        {
            throw new WampConnectionLostException($"Not connected to {_options.Url} (realm '{_options.Realm}', state {State}).");
        }

        return session;
    }

    private void SetState(WampConnectionState state)
    {
        lock (_stateGate)
        {
            if (_state == (int)state)
            {
                return;
            }

            Volatile.Write(ref _state, (int)state);
            _states.OnNext(state);
        }
    }

    private static async Task CloseQuietlyAsync(IWampTransport? transport)
    {
        if (transport is null)
        {
            return;
        }

        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await transport.CloseAsync(grace.Token).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await transport.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: the connection is being given up anyway.
        }
    }
}
