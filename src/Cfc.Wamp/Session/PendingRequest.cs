using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// A request waiting for the router's reply. Its outcome is decided once: either by a reply (completed) or
/// by the local side giving up (abandoned: cancelled or timed out). An abandoned request stays in the
/// pending table as a tombstone so that the router's late reply is recognised and dropped quietly instead
/// of being taken for a reply to an unknown request (a protocol violation).
/// </summary>
internal abstract class PendingRequest
{
    private const int Waiting = 0;
    private const int Completed = 1;
    private const int Abandoned = 2;

    private int _state;

    protected PendingRequest(long requestId, WampMessageType requestType, WampMessageType replyType)
    {
        RequestId = requestId;
        RequestType = requestType;
        ReplyType = replyType;
    }

    public long RequestId { get; }

    /// <summary>The request's own code (what an ERROR must name).</summary>
    public WampMessageType RequestType { get; }

    /// <summary>The code of the success reply (RESULT, SUBSCRIBED, ...).</summary>
    public WampMessageType ReplyType { get; }

    public bool IsAbandoned => Volatile.Read(ref _state) == Abandoned;

    public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

    /// <summary>Claims the outcome for a reply. False when the request was abandoned (or already completed).</summary>
    protected bool TryComplete() => Interlocked.CompareExchange(ref _state, Completed, Waiting) == Waiting;

    /// <summary>Claims the outcome for giving up. False when a reply won.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    /// <summary>Handles the success reply on the reader loop. Returns true when the request is finished and leaves the table.</summary>
    public abstract bool OnReply(WampMessage reply);

    /// <summary>Handles an ERROR for this request on the reader loop (always final).</summary>
    public abstract void OnError(ErrorMessage error);

    /// <summary>Fails the request because the session ended.</summary>
    public abstract void Fail(Exception exception);
}
