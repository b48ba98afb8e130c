using System.Diagnostics;
using Cfc.Wamp.Reconnect;
using Cfc.Wamp.Session;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Wamp;

/// <summary>
/// A WAMP v2 client: caller, callee, publisher and subscriber on one realm. Create it with
/// <see cref="ConnectAsync"/> (or <see cref="Create"/> now and <see cref="StartAsync"/> later). Thread-safe. Handlers never run on the socket reader: events are delivered
/// per subscription, in order, on a task of their own; invocations run on the thread pool.
/// </summary>
/// <remarks>
/// The client keeps what outlives a connection (options, state, the registry of subscriptions and
/// registrations); each connection is an internal session object. With <see cref="WampConnectionOptions.Reconnect"/>
/// set, a lost connection is re-established and everything restored before queued work goes on (see
/// docs/connection-resilience.md). <see cref="StateChanges"/> does not replay: an observer sees the changes after
/// it subscribed.
/// </remarks>
public sealed partial class WampClient : IWampClient
{
    // Not readonly: dispose swaps the authenticator out so that no secret stays reachable from a disposed client.
    private WampClientOptions _options;
    private readonly ILogger _logger;
    private readonly StateSubject _states;

    private WampClient(WampClientOptions options)
    {
        _options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cfc.Wamp.WampClient");
        _states = new StateSubject(_logger);
        _pipeline = options.Reconnect is { } reconnect ? ReconnectPipeline.Build(reconnect, options.TimeProvider) : null;
    }

    /// <inheritdoc />
    public WampConnectionState State => Now.State;

    /// <inheritdoc />
    public IObservable<WampConnectionState> StateChanges => _states;

    /// <inheritdoc />
    public long? SessionId => Now.Ready?.SessionId;

    /// <inheritdoc />
    public WampSessionDetails? SessionDetails => Now.Ready?.Details;

    /// <summary>
    /// Why the client last lost its session or failed to get one, or <see langword="null"/> when that never
    /// happened. Kept after a successful reconnect (it then tells why the last outage began), so after
    /// <see cref="WampConnectionState.Failed"/> or an unplanned <see cref="WampConnectionState.Disconnected"/> it
    /// says why: a <see cref="WampAuthenticationException"/> (re-join refused), a <see cref="WampException"/> whose
    /// <see cref="WampException.ErrorUri"/> is the router's GOODBYE or ABORT reason, a
    /// <see cref="WampConnectionLostException"/> or the last failed attempt's error when retries ran out.
    /// </summary>
    public Exception? LastError => Now.LastError;

    /// <summary>The number of the connect attempt under way while <see cref="WampConnectionState.Reconnecting"/> (from 1); 0 when connected.</summary>
    public int ReconnectAttempt => Now.Attempt;

    /// <summary>
    /// Raised when a subscription or registration could not be restored on a new session (the router refused
    /// it). The item's <c>Completion</c> has faulted already. Raised on the reconnect task, before queued work
    /// goes on: keep handlers short; exceptions they throw are logged and ignored.
    /// </summary>
    public event EventHandler<WampRestoreFailedEventArgs>? RestoreFailed;

    internal ClientRegistry Registry { get; } = new();

    internal WampClientOptions Options => _options;

    /// <summary>Requests of the current session that are still in the pending table (tests: nothing leaks).</summary>
    internal int PendingRequestCount => Now.Ready?.Pending.Count ?? 0;

    /// <summary>The session in use, or <see langword="null"/> (tests hold old ones weakly to prove they are let go).</summary>
    internal WampSession? CurrentSession => Now.Ready;

    /// <summary>Connects to the router and joins the realm (HELLO .. WELCOME, with CHALLENGE rounds as needed).</summary>
    /// <param name="options">Where and how to connect. Checked with <see cref="WampClientOptions.Validate"/>.</param>
    /// <param name="cancellationToken">Cancels connecting (also the retries of <see cref="WampReconnectOptions.RetryFirstConnect"/>).</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="WampAuthenticationException">The router refused the session (ABORT), or a challenge could not be answered.</exception>
    /// <exception cref="WampTimeoutException">Connecting took longer than <see cref="WampConnectionOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="WampProtocolViolationException">The router broke the protocol during the handshake.</exception>
    /// <exception cref="WampConnectionLostException">The router could not be reached.</exception>
    public static async Task<WampClient> ConnectAsync(WampClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var client = new WampClient(options) { _started = 1 };
        try
        {
            await client.ConnectFirstAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>While reconnecting the call waits for the new session (up to <see cref="WampReconnectOptions.QueueTimeout"/>).
    /// A call in flight when the connection drops fails at once with <see cref="WampConnectionLostException"/> and is never replayed.</remarks>
    public Task<WampResult> CallAsync(string procedure, WampPayload payload = default, WampCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        if (WampInstruments.CallsObserved)
        {
            return CallObservedAsync(procedure, payload, options, cancellationToken);
        }

        return TryGetReadySession(out WampSession? session)
            ? session.Caller.CallAsync(procedure, payload, options, cancellationToken)
            : CallQueuedAsync(procedure, payload, options, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long?> PublishAsync(string topic, WampPayload payload = default, WampPublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (WampInstruments.PublishObserved)
        {
            return PublishObservedAsync(topic, payload, options, cancellationToken);
        }

        return TryGetReadySession(out WampSession? session)
            ? session.Publisher.PublishAsync(topic, payload, options, cancellationToken)
            : PublishQueuedAsync(topic, payload, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WampSubscription> SubscribeAsync(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, WampSubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        WampSession session = await GetSessionAsync($"SUBSCRIBE to '{topic}'", cancellationToken).ConfigureAwait(false);
        var subscription = new ClientSubscription(this, topic, options?.Match ?? WampMatch.Exact, handler, options?.MaxQueuedEvents ?? WampSubscribeOptions.DefaultMaxQueuedEvents, options?.MaxQueuedEventBytes ?? WampSubscribeOptions.DefaultMaxQueuedEventBytes, _logger);
        await PlaceAndKeepAsync(subscription, session, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <inheritdoc />
    public async Task<WampRegistration> RegisterAsync(string procedure, WampInvocationHandler handler, WampRegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        ArgumentNullException.ThrowIfNull(handler);
        WampSession session = await GetSessionAsync($"REGISTER of '{procedure}'", cancellationToken).ConfigureAwait(false);
        var registration = new ClientRegistration(this, procedure, options, handler);
        await PlaceAndKeepAsync(registration, session, cancellationToken).ConfigureAwait(false);
        return registration;
    }

    /// <summary>
    /// Subscribes or registers <paramref name="entry"/> on <paramref name="session"/>, then keeps it in the registry
    /// (restored on every new session). A failed placement ends the entry.
    /// </summary>
    private async Task PlaceAndKeepAsync(IClientEntry entry, WampSession session, CancellationToken cancellationToken)
    {
        try
        {
            await entry.PlaceAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            entry.Complete();
            throw;
        }

        if (Registry.Add(entry, session) is { } missed)
        {
            // The session ended after SUBSCRIBED/REGISTERED and the next one restored without this entry.
            await ClientRegistry.RestoreAsync(missed, entry, _logger, OnRestoreFailed, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Stops reconnecting too: the client ends in <see cref="WampConnectionState.Disconnected"/> for good.</remarks>
    public async Task CloseAsync(string reason = WampErrorUris.CloseNormal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        if (Now.Ready is { } session)
        {
            await session.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        }

        SetState(WampConnectionState.Disconnected);
    }

    /// <summary>
    /// Stops reconnecting, closes the session (GOODBYE), ends every subscription and registration (their
    /// <c>Completion</c> completes successfully) and completes <see cref="StateChanges"/>. Returns within
    /// <see cref="WampConnectionOptions.CloseTimeout"/> (2 seconds by default) whatever the connection does; when that runs
    /// out, the session is abandoned and its transport is closed in the background.
    /// </summary>
    /// <returns>A task that completes when the client has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Task closing = CloseForDisposeAsync();
        bool closed = true;
        try
        {
            await closing.WaitAsync(_options.CloseTimeout, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            closed = false;
            _logger.CloseTimedOut(_options.CloseTimeout);
            if (Now.Ready is { } session)
            {
                Background.Run(session.AbandonAsync("the client was disposed and the close timeout ran out"), _logger, "abandoning the session");
            }

            // Whatever the close still does happens in the background; its failures are expected and only logged.
            Background.Run(closing, _logger, "closing the session after the close timeout");
        }

        Registry.EndAll(null);
        FailWaiters(new ObjectDisposedException(nameof(WampClient), "The client was disposed while waiting for a session."));
        SetState(WampConnectionState.Disconnected);
        _states.OnCompleted();
        if (closed)
        {
            // Left alone when the close is still running in the background (it may still observe the token).
            _stopping.Dispose();
        }

        // The ticket, WAMP-CRA secret or signing key lives in the authenticator: a disposed client lets go of it.
        _options = _options with { Authenticator = WampAuthenticator.Anonymous };
    }

    // The session ended (or is closing) under the request: the router forgets the subscription or registration with it.
    private bool EndedWithSession(Exception ex) =>
        Volatile.Read(ref _disposed) != 0 || ex is WampConnectionLostException or ObjectDisposedException || State != WampConnectionState.Connected;

    // Stops the reconnect loop, says GOODBYE and waits for the session to end. DisposeAsync bounds it.
    private async Task CloseForDisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Now.Ready is { } session)
        {
            try
            {
                await session.CloseAsync(WampErrorUris.CloseNormal, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.SendFailed(Messages.WampMessageType.Goodbye, ex);
                await session.AbandonAsync("the client was disposed").ConfigureAwait(false);
            }

            await session.WaitEndedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The transport factory used when the options name none.</summary>
    internal static IWampTransportFactory CreateDefaultTransportFactory() => DefaultWampTransportFactory.Instance;

    /// <summary>Ends a subscription or registration the application disposed: out of the registry, off the router.</summary>
    internal async ValueTask RemoveAsync(IClientEntry entry)
    {
        Registry.Remove(entry);
        try
        {
            if (entry.TryGetAttachment(out WampSession session, out _))
            {
                await entry.RemoveAsync(session, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (EndedWithSession(ex))
        {
            // Disposing a subscription or registration while the client closes (the ordinary `using` order) is not a problem.
            entry.LogRemoveFailed(_logger, ex, endedWithSession: true);
        }
        catch (Exception ex)
        {
            entry.LogRemoveFailed(_logger, ex, endedWithSession: false);
        }
        finally
        {
            entry.Complete();
        }
    }

    private async Task<WampResult> CallQueuedAsync(string procedure, WampPayload payload, WampCallOptions? options, CancellationToken cancellationToken)
    {
        WampSession session = await GetSessionAsync($"the call to '{procedure}'", cancellationToken).ConfigureAwait(false);
        return await session.Caller.CallAsync(procedure, payload, options, cancellationToken).ConfigureAwait(false);
    }

    // The call with a span and metrics around it; taken only while someone listens (see WampInstruments).
    private async Task<WampResult> CallObservedAsync(string procedure, WampPayload payload, WampCallOptions? options, CancellationToken cancellationToken)
    {
        Activity? activity = WampInstruments.StartCall(procedure, _options.Realm);
        bool countedPending = WampInstruments.CallStarted(procedure);
        long started = _options.TimeProvider.GetTimestamp();
        Exception? error = null;
        try
        {
            return await (TryGetReadySession(out WampSession? session)
                ? session.Caller.CallAsync(procedure, payload, options, cancellationToken)
                : CallQueuedAsync(procedure, payload, options, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            WampInstruments.CallEnded(activity, procedure, _options.TimeProvider.GetElapsedTime(started), error, countedPending);
        }
    }

    private async Task<long?> PublishObservedAsync(string topic, WampPayload payload, WampPublishOptions? options, CancellationToken cancellationToken)
    {
        Activity? activity = WampInstruments.StartPublish(topic, _options.Realm);
        long? publicationId = null;
        Exception? error = null;
        try
        {
            publicationId = await (TryGetReadySession(out WampSession? session)
                ? session.Publisher.PublishAsync(topic, payload, options, cancellationToken)
                : PublishQueuedAsync(topic, payload, options, cancellationToken)).ConfigureAwait(false);
            return publicationId;
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            WampInstruments.PublishEnded(activity, publicationId, error);
        }
    }

    private async Task<long?> PublishQueuedAsync(string topic, WampPayload payload, WampPublishOptions? options, CancellationToken cancellationToken)
    {
        WampSession session = await GetSessionAsync($"PUBLISH to '{topic}'", cancellationToken).ConfigureAwait(false);
        return await session.Publisher.PublishAsync(topic, payload, options, cancellationToken).ConfigureAwait(false);
    }

    private void OnRestoreFailed(WampRestoreFailedEventArgs args)
    {
        try
        {
            RestoreFailed?.Invoke(this, args);
        }
        catch (Exception ex)
        {
            _logger.RestoreFailedHandlerFailed(ex);
        }
    }
}
