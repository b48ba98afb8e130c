namespace Cfc.Wamp;

/// <summary>
/// A subscription or registration could not be restored on a new session (the router refused it). The item is
/// lost for good: it left the client's registry and its <c>Completion</c> faulted with <see cref="Error"/>.
/// </summary>
public sealed class WampRestoreFailedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="subscription">The subscription that was not restored, or <see langword="null"/>.</param>
    /// <param name="registration">The registration that was not restored, or <see langword="null"/>.</param>
    /// <param name="sessionId">The new session on which restoring failed.</param>
    /// <param name="error">Why (its <see cref="Exception.InnerException"/> is the router's ERROR).</param>
    public WampRestoreFailedEventArgs(WampSubscription? subscription, WampRegistration? registration, long sessionId, WampException error)
    {
        Subscription = subscription;
        Registration = registration;
        SessionId = sessionId;
        Error = error;
    }

    /// <summary>The subscription that was not restored, or <see langword="null"/> when it is a registration.</summary>
    public WampSubscription? Subscription { get; }

    /// <summary>The registration that was not restored, or <see langword="null"/> when it is a subscription.</summary>
    public WampRegistration? Registration { get; }

    /// <summary>The topic or procedure URI of the item.</summary>
    public string Uri => Subscription?.Topic ?? Registration!.Procedure;

    /// <summary>The new session's id.</summary>
    public long SessionId { get; }

    /// <summary>The error that ended the item's <c>Completion</c>.</summary>
    public WampException Error { get; }
}
