namespace Cfc.Wamp;

/// <summary>
/// The exceptions every transport raises the same way, so the session sees one shape whatever the wire: the transport
/// part of the error factory (<see cref="WampErrors"/> holds the session's). A broken or refused connection is a
/// <see cref="WampConnectionLostException"/> with <see cref="WampConnectionEndReason.TransportFailed"/>.
/// </summary>
internal static class TransportErrors
{
    public const string PayloadSizeExceeded = WampErrorUris.PayloadSizeExceeded;

    /// <summary>The router or client refused the RawSocket handshake (error codes 1-4).</summary>
    public const string HandshakeRefused = WampErrorUris.RawSocketRefused;

    /// <summary>How long a transport's polite close (WebSocket close handshake, TLS shutdown, a frame being sent) may take
    /// before the connection is cut; measured on the transport's <see cref="TimeProvider"/>.</summary>
    public static readonly TimeSpan CloseGracePeriod = TimeSpan.FromSeconds(2);

    public static WampException OutgoingTooLarge(int size, int limit) =>
        new(PayloadSizeExceeded, $"The message is {size} bytes, more than the limit of {limit} bytes; it was not sent and the connection stays open.");

    public static WampException IncomingTooLarge(long size, int limit) =>
        new(PayloadSizeExceeded, $"The peer sent a message of {(size > limit ? $"{size}" : $"more than {limit}")} bytes, more than the limit of {limit} bytes; the connection was closed.");

    /// <summary>The peer broke the framing or the handshake of the transport (the connection is closed).</summary>
    public static WampProtocolViolationException Violation(string message, Exception? cause = null) => new(message, cause);

    /// <summary>A frame that is not a WAMP message of the serializer in use.</summary>
    public static WampProtocolViolationException Malformed(string what, Exception? cause = null) => new($"Malformed WAMP message: {what}.", cause);

    /// <summary>The RawSocket handshake was refused (error codes 1-4).</summary>
    public static WampException RawSocketRefused(string message) => new(HandshakeRefused, message);

    /// <summary>The router answered the WebSocket upgrade with a subprotocol the client did not offer.</summary>
    public static WampException SubprotocolRefused(Uri router, string answer, IEnumerable<string> offered) =>
        new(WampErrorUris.ProtocolViolation, $"The router at {router} answered with {answer}, but the client offered the WebSocket subprotocols {string.Join(", ", offered)}.");

    /// <summary>A message of the session is over <see cref="WampConnectionOptions.MaxMessageSize"/>; it was not sent.</summary>
    public static WampException MessageTooLarge(string messageType, int size, int limit) =>
        new(PayloadSizeExceeded, $"The {messageType} message is {size} bytes, over the limit of {limit} bytes (WampClientOptions.MaxMessageSize); it was not sent.");

    public static WampConnectionLostException Lost(string what, Exception? inner = null) =>
        inner is WampConnectionLostException lost
            ? new($"{what}: {inner.Message}", lost.EndReason, lost.CloseReasonUri, inner)
            : new(inner is null ? what : $"{what}: {inner.Message}", WampConnectionEndReason.TransportFailed, null, inner);

    /// <summary>
    /// A connection that never opened. The .NET exceptions nest the real cause (refused, TLS failure, name not found)
    /// two or three levels deep, so every distinct message of the chain is named, followed by what to check.
    /// </summary>
    public static WampConnectionLostException CouldNotConnect(Uri url, Exception inner)
    {
        var reasons = new List<string>();
        for (Exception? e = inner; e is not null; e = e.InnerException)
        {
            string text = e.Message.TrimEnd('.');
            if (text.Length > 0 && !reasons.Exists(r => r.Contains(text, StringComparison.Ordinal)))
            {
                reasons.Add(text);
            }
        }

        string hint = url.Scheme is "wss" or "rss"
            ? "check the host and port, and that the router speaks TLS there (use ws:// or rs:// for a plain listener)"
            : "check the host and port, that a WAMP router is listening there, and whether it needs TLS (wss:// or rss://)";
        return new($"Could not connect to {url}: {string.Join(": ", reasons)}. {char.ToUpperInvariant(hint[0])}{hint[1..]}.",
            WampConnectionEndReason.TransportFailed, null, inner);
    }
}
