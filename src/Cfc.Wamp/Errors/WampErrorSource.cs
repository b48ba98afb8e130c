namespace Cfc.Wamp;

/// <summary>Who raised a <see cref="WampException"/>: stated on the exception, so callers never guess from its type.</summary>
public enum WampErrorSource
{
    /// <summary>
    /// This client raised it: a timeout, a lost connection, a violation it detected, a message it refused to send, a
    /// CHALLENGE it could not answer, or a handler of yours that threw. Nothing came from the router.
    /// </summary>
    Client,

    /// <summary>
    /// The router sent it: an ERROR to a request, an ABORT, or a GOODBYE. For a call this includes the callee's own
    /// error, which the dealer forwards (the callee is another peer of the router).
    /// </summary>
    Router,
}
