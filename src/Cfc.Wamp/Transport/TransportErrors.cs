namespace Cfc.Wamp.Transport;

/// <summary>The exceptions every transport raises the same way, so the session sees one shape whatever the wire.</summary>
internal static class TransportErrors
{
    public const string PayloadSizeExceeded = "wamp.error.payload_size_exceeded";

    /// <summary>The router or client refused the RawSocket handshake (error codes 1-4).</summary>
    public const string HandshakeRefused = "cfc.wamp.error.rawsocket_refused";

    /// <summary>How long a polite close may take before the connection is cut.</summary>
    public static readonly TimeSpan CloseGracePeriod = TimeSpan.FromSeconds(2);

    public static WampException OutgoingTooLarge(int size, int limit) =>
        new(PayloadSizeExceeded, $"The message is {size} bytes, more than the limit of {limit} bytes; it was not sent and the connection stays open.");

    public static WampException IncomingTooLarge(long size, int limit) =>
        new(PayloadSizeExceeded, $"The peer sent a message of {(size > limit ? $"{size}" : $"more than {limit}")} bytes, more than the limit of {limit} bytes; the connection was closed.");

    public static WampConnectionLostException Lost(string what, Exception? inner = null) =>
        new(inner is null ? what : $"{what}: {inner.Message}", inner);
}
