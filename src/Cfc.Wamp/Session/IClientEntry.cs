using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// What the client keeps across sessions, a subscription or a registration: placed on a session (SUBSCRIBE or
/// REGISTER), placed again on every new session by <see cref="ClientRegistry"/>, ended with the client. One shape for
/// both, so that adding, restoring and ending are written once.
/// </summary>
internal interface IClientEntry
{
    /// <summary>The topic or procedure (for logs).</summary>
    string Uri { get; }

    /// <summary>What it is, for messages: "the subscription to 'x'" or "the registration of 'x'".</summary>
    string Description { get; }

    /// <summary>Whether it ended (disposed, revoked, faulted); an ended entry is not placed again.</summary>
    bool IsEnded { get; }

    /// <summary>Subscribes or registers it on <paramref name="session"/>.</summary>
    Task PlaceAsync(WampSession session, CancellationToken cancellationToken);

    /// <summary>Unsubscribes or unregisters it from <paramref name="session"/> (the router is told when it was the last one there).</summary>
    Task RemoveAsync(WampSession session, CancellationToken cancellationToken);

    /// <summary>Logs that removing it failed; <paramref name="endedWithSession"/> when the session ended under the request (Debug).</summary>
    void LogRemoveFailed(ILogger logger, Exception exception, bool endedWithSession);

    /// <summary>Ties it to router id <paramref name="routerId"/> on <paramref name="session"/>.</summary>
    void Attach(WampSession session, long routerId);

    /// <summary>Forgets the router id if it belongs to <paramref name="session"/>.</summary>
    void Detach(WampSession session);

    /// <summary>The session it is placed on and its router id there; false while not placed.</summary>
    bool TryGetAttachment(out WampSession session, out long routerId);

    /// <summary>The event arguments reporting that placing it again on session <paramref name="sessionId"/> failed.</summary>
    WampRestoreFailedEventArgs RestoreFailed(long sessionId, WampException error);

    /// <summary>The router refused it for good: it leaves the registry and its completion faults.</summary>
    void Revoke(Exception exception);

    /// <summary>Ends it successfully (the client was disposed).</summary>
    void Complete();

    /// <summary>Ends it with <paramref name="exception"/> (lost for good).</summary>
    void Fault(Exception exception);
}
