using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// A request waiting for the router's reply. Its outcome is decided once: either by a reply (completed) or
/// by the local side giving up (abandoned: cancelled or timed out). An abandoned request stays in the
/// pending table as a tombstone so that the router's late reply is recognised and dropped quietly instead
/// of being taken for a reply to an unknown request (a protocol violation). Every kind of request gives up the same
/// way: its deadline in the session's <see cref="RequestDeadlines"/> and a registration on the caller's token, both
/// set by <see cref="Arm"/> before the request is queued for writing.
/// </summary>
internal abstract class PendingRequest
{
    private const int Waiting = 0;
    private const int Completed = 1;
    private const int Abandoned = 2;

    private int _state;
    private int _armed;
    private CancellationTokenRegistration _cancellation;

    protected PendingRequest(long requestId) => RequestId = requestId;

    public long RequestId { get; }

    // Properties, not fields: a pending call knows its codes without storing them (one request object per call).

    /// <summary>The request's own code (what an ERROR must name).</summary>
    public abstract WampMessageType RequestType { get; }

    /// <summary>The code of the success reply (RESULT, SUBSCRIBED, ...).</summary>
    public abstract WampMessageType ReplyType { get; }

    public bool IsAbandoned => Volatile.Read(ref _state) == Abandoned;

    public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

    /// <summary>How long the request may wait for its reply (set by <see cref="Arm"/>).</summary>
    protected TimeSpan TimeoutLength { get; private set; }

    /// <summary>
    /// Starts the request's deadline (<see cref="Timeout.InfiniteTimeSpan"/>: none) and watches the caller's token. Called
    /// before the request is queued: a write the peer never takes must not hold the waiter beyond either.
    /// </summary>
    public void Arm(TimeSpan timeout, RequestDeadlines deadlines, CancellationToken cancellationToken)
    {
        TimeoutLength = timeout;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (s, token) => ((PendingRequest)s!).Cancel(token), this);
        }

        // From here the registration is only read: whoever ends the request releases it.
        Volatile.Write(ref _armed, 1);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadlines.Add(this, timeout);
        }

        // A reply (or the session end) may have come before the registration existed.
        if (!IsWaiting)
        {
            ReleaseCancellation();
        }
    }

    /// <summary>The request's deadline passed (called by <see cref="RequestDeadlines"/>).</summary>
    public void Expire()
    {
        if (TryAbandon())
        {
            ReleaseCancellation();
            OnExpired();
        }
    }

    /// <summary>The request is on the wire (called by the session's writer).</summary>
    public virtual void OnWritten()
    {
    }

    /// <summary>Claims the outcome for a reply. False when the request was abandoned (or already completed).</summary>
    protected bool TryComplete()
    {
        if (Interlocked.CompareExchange(ref _state, Completed, Waiting) != Waiting)
        {
            return false;
        }

        ReleaseCancellation();
        return true;
    }

    /// <summary>Claims the outcome for giving up. False when a reply won.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    /// <summary>The deadline passed first: fail the waiter with a timeout (the outcome is already claimed).</summary>
    protected abstract void OnExpired();

    /// <summary>The caller's token fired first: cancel the waiter (the outcome is already claimed).</summary>
    protected abstract void OnCanceled(CancellationToken cancellationToken);

    /// <summary>Handles the success reply on the reader loop. Returns true when the request is finished and leaves the table.</summary>
    public abstract bool OnReply(WampMessage reply);

    /// <summary>Handles an ERROR for this request on the reader loop (always final).</summary>
    public abstract void OnError(ErrorMessage error);

    /// <summary>Fails the request because the session ended.</summary>
    public abstract void Fail(Exception exception);

    private void Cancel(CancellationToken token)
    {
        if (TryAbandon())
        {
            ReleaseCancellation();
            OnCanceled(token);
        }
    }

    // Idempotent and thread-safe (CancellationTokenRegistration.Dispose is); before Arm there is nothing to release.
    private void ReleaseCancellation()
    {
        if (Volatile.Read(ref _armed) != 0)
        {
            _cancellation.Dispose();
        }
    }
}
