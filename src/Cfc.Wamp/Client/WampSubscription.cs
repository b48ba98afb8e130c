namespace Cfc.Wamp;

/// <summary>
/// A live subscription. It survives reconnects (its router id changes; the client restores it on each new
/// session). Dispose it to unsubscribe.
/// </summary>
public abstract class WampSubscription : IAsyncDisposable
{
    /// <summary>The topic URI or pattern subscribed to.</summary>
    public abstract string Topic { get; }

    /// <summary>The match policy.</summary>
    public abstract WampMatch Match { get; }

    /// <summary>The router's id for this subscription on the current session, or <see langword="null"/> while not restored.</summary>
    public abstract long? SubscriptionId { get; }

    /// <summary>
    /// Completes when the subscription ends: successfully after <see cref="DisposeAsync"/> or when the client is
    /// disposed; faulted when it is lost for good (revoked by the router, not restorable, or the client failed).
    /// </summary>
    public abstract Task Completion { get; }

    /// <summary>Unsubscribes (UNSUBSCRIBE when a session is open) and ends <see cref="Completion"/>.</summary>
    /// <returns>A task that completes when the router confirmed, or at once without a session.</returns>
    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// A live registration. It survives reconnects (restored on each new session). Dispose it to unregister.
/// </summary>
public abstract class WampRegistration : IAsyncDisposable
{
    /// <summary>The procedure URI or pattern registered.</summary>
    public abstract string Procedure { get; }

    /// <summary>The router's id for this registration on the current session, or <see langword="null"/> while not restored.</summary>
    public abstract long? RegistrationId { get; }

    /// <summary>Completes when the registration ends: successfully after <see cref="DisposeAsync"/>; faulted when it is lost for good.</summary>
    public abstract Task Completion { get; }

    /// <summary>Unregisters (UNREGISTER when a session is open) and ends <see cref="Completion"/>.</summary>
    /// <returns>A task that completes when the router confirmed, or at once without a session.</returns>
    public abstract ValueTask DisposeAsync();
}

/// <summary>One invocation of a registered procedure, as a callee sees it.</summary>
public abstract class WampInvocation
{
    /// <summary>The concrete procedure URI (from <c>details.procedure</c> for pattern registrations).</summary>
    public abstract string Procedure { get; }

    /// <summary>The call's arguments.</summary>
    public abstract WampPayload Payload { get; }

    /// <summary>The INVOCATION details (caller, receive_progress, ...).</summary>
    public abstract System.Text.Json.JsonElement Details { get; }

    /// <summary>Whether the caller asked for progressive results.</summary>
    public abstract bool ReceiveProgress { get; }

    /// <summary>Sends a progressive result (YIELD with <c>progress: true</c>). Ignored when the caller did not ask for progress.</summary>
    /// <param name="payload">The progressive result.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the YIELD is sent.</returns>
    public abstract ValueTask SendProgressAsync(WampPayload payload, CancellationToken cancellationToken = default);
}
