namespace Cfc.Wamp.Transport;

/// <summary>
/// What opening a transport yields: the transport, which moves frames, and the serializer agreed with the peer
/// during the negotiation (WebSocket subprotocol or RawSocket handshake), which the session uses for messages.
/// </summary>
/// <param name="Transport">The open transport.</param>
/// <param name="Serializer">The serializer agreed with the peer.</param>
public sealed record WampTransportConnection(IWampTransport Transport, WampSerializer Serializer);
