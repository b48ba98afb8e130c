namespace Cfc.Wamp.Session;

/// <summary>Why a session ended.</summary>
internal enum SessionEndKind
{
    /// <summary>The client closed it (GOODBYE sent, or disposed).</summary>
    ClosedByClient,

    /// <summary>The router sent GOODBYE.</summary>
    RouterGoodbye,

    /// <summary>The router sent ABORT after the session was joined.</summary>
    RouterAbort,

    /// <summary>The router broke the protocol; the client sent ABORT <c>wamp.error.protocol_violation</c>.</summary>
    ProtocolViolation,

    /// <summary>The transport failed or closed without a GOODBYE.</summary>
    ConnectionLost,
}

/// <summary>
/// How a session ended: the kind, a description that goes into every pending request's exception, and for
/// GOODBYE and ABORT from the router the reason URI it gave.
/// </summary>
internal sealed record SessionEnd(SessionEndKind Kind, string Reason, Exception? Cause = null, string? ReasonUri = null)
{
    /// <summary>The public reason (<see cref="WampConnectionLostException.EndReason"/>): a transport failure caused by the keep-alive says so.</summary>
    public WampConnectionEndReason EndReason => Kind switch
    {
        SessionEndKind.ClosedByClient => WampConnectionEndReason.ClosedByClient,
        SessionEndKind.RouterGoodbye => WampConnectionEndReason.GoodbyeFromRouter,
        SessionEndKind.RouterAbort => WampConnectionEndReason.AbortedByRouter,
        SessionEndKind.ProtocolViolation => WampConnectionEndReason.ProtocolViolation,
        _ => Cause is WampConnectionLostException { EndReason: not WampConnectionEndReason.Unknown } lost ? lost.EndReason : WampConnectionEndReason.TransportFailed,
    };
}
