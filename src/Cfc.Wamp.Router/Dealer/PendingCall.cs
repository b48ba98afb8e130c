namespace Cfc.Wamp.Router;

/// <summary>A call routed to a callee and not answered yet.</summary>
internal sealed class PendingCall(RouterSession caller, long callRequestId, RouterSession callee, long invocationId, bool receiveProgress)
{
    public RouterSession Caller { get; } = caller;

    public long CallRequestId { get; } = callRequestId;

    public RouterSession Callee { get; } = callee;

    public long InvocationId { get; } = invocationId;

    public bool ReceiveProgress { get; } = receiveProgress;

    /// <summary>The CALL timeout timer, when the caller asked for one.</summary>
    public ITimer? Timer { get; set; }
}
