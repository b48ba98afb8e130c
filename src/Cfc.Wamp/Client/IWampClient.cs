namespace Cfc.Wamp;

/// <summary>
/// A WAMP v2 client: caller, callee, publisher and subscriber on one realm. The client outlives any one
/// WAMP session: subscriptions and registrations are kept in a client-side registry so that they can be
/// restored on a new session. All members are thread-safe.
/// </summary>
public interface IWampClient : IAsyncDisposable
{
    /// <summary>The current connection state.</summary>
    WampConnectionState State { get; }

    /// <summary>Every state change, in order. Completes when the client is disposed.</summary>
    IObservable<WampConnectionState> StateChanges { get; }

    /// <summary>The current WAMP session id, or <see langword="null"/> while no session is open. Changes with every new session.</summary>
    long? SessionId { get; }

    /// <summary>What the router said about the current session (authid, authrole, router roles), or <see langword="null"/>.</summary>
    WampSessionDetails? SessionDetails { get; }

    /// <summary>
    /// Why the client last lost its session or failed to get one, or <see langword="null"/> when that never happened.
    /// Kept after a successful reconnect; after <see cref="WampConnectionState.Failed"/> it says why (e.g. a
    /// <see cref="WampAuthenticationException"/> when re-joining was refused).
    /// </summary>
    Exception? LastError { get; }

    /// <summary>
    /// Raised when a subscription or registration could not be restored on a new session (the router refused it);
    /// the item's <c>Completion</c> has faulted already.
    /// </summary>
    event EventHandler<WampRestoreFailedEventArgs>? RestoreFailed;

    /// <summary>Calls a procedure.</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="options">Per-call options (timeout, progress, cancel mode), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call: a CANCEL is sent and the task ends at once with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The final result.</returns>
    /// <exception cref="WampException">The callee or router returned an error (its URI is in <see cref="WampException.ErrorUri"/>).</exception>
    /// <exception cref="WampTimeoutException">No result came within the call timeout.</exception>
    /// <exception cref="WampConnectionLostException">The connection was lost while the call was pending.</exception>
    Task<WampResult> CallAsync(string procedure, WampPayload payload = default, WampCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes an event.</summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="options">Publish options (acknowledge, exclude_me, ...), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    /// <returns>The publication id when <see cref="WampPublishOptions.Acknowledge"/> is set, else <see langword="null"/>.</returns>
    Task<long?> PublishAsync(string topic, WampPayload payload = default, WampPublishOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to a topic. The handler runs off the reader loop, one event at a time per subscription, in order.</summary>
    /// <param name="topic">The topic URI or pattern.</param>
    /// <param name="handler">Called for every event; exceptions it throws are logged and do not end the subscription.</param>
    /// <param name="options">Subscribe options (match), or <see langword="null"/> for an exact match.</param>
    /// <param name="cancellationToken">Cancels the subscribe request.</param>
    /// <returns>The subscription; dispose it to unsubscribe.</returns>
    Task<WampSubscription> SubscribeAsync(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, WampSubscribeOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Registers a procedure. The handler runs off the reader loop; several invocations may run at once.</summary>
    /// <param name="procedure">The procedure URI or pattern.</param>
    /// <param name="handler">Runs each invocation. Throw <see cref="WampException"/> to return a specific error URI.</param>
    /// <param name="options">Register options (match, invoke policy), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the register request.</param>
    /// <returns>The registration; dispose it to unregister.</returns>
    Task<WampRegistration> RegisterAsync(string procedure, WampInvocationHandler handler, WampRegisterOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Closes the session with GOODBYE and waits for the router's reply (bounded by the close timeout).</summary>
    /// <param name="reason">The GOODBYE reason URI. Default: <c>wamp.close.normal</c>.</param>
    /// <param name="cancellationToken">Cancels waiting for the reply.</param>
    /// <returns>A task that completes when the session is closed.</returns>
    Task CloseAsync(string reason = WampErrorUris.CloseNormal, CancellationToken cancellationToken = default);
}

/// <summary>Runs one invocation of a registered procedure.</summary>
/// <param name="invocation">The invocation: arguments, details and a way to send progressive results.</param>
/// <param name="cancellationToken">Cancelled when the caller cancels (INTERRUPT) or the session ends.</param>
/// <returns>The final result's payload.</returns>
public delegate ValueTask<WampPayload> WampInvocationHandler(WampInvocation invocation, CancellationToken cancellationToken);
