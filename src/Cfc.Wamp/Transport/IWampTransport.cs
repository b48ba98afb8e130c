using System.Buffers;

namespace Cfc.Wamp.Transport;

/// <summary>
/// One established connection that carries WAMP frames (one message each): bytes plus a text/binary flag.
/// Transports know frames, not messages, and nothing of WAMP serializers: the session holds the serializer agreed
/// when the transport was opened (<see cref="WampTransportConnection"/>). A transport allows one concurrent sender
/// and one concurrent receiver; the session serializes sends.
/// </summary>
public interface IWampTransport : IAsyncDisposable
{
    /// <summary>Sends one frame.</summary>
    /// <param name="frame">The frame's bytes.</param>
    /// <param name="kind">Text or binary (a WebSocket message type; transports without the distinction ignore it).</param>
    /// <param name="cancellationToken">Cancels the send (the transport is then unusable).</param>
    /// <returns>A task that completes when the frame is handed to the network.</returns>
    /// <exception cref="WampException">The frame exceeds the peer's or our maximum message size.</exception>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken);

    /// <summary>Receives one whole frame into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the frame's bytes are appended.</param>
    /// <param name="cancellationToken">Cancels the receive.</param>
    /// <returns><see langword="true"/> when a frame was received; <see langword="false"/> when the peer closed the connection cleanly.</returns>
    /// <exception cref="WampException">The frame exceeds the maximum message size, or the connection broke.</exception>
    ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken);

    /// <summary>Closes the connection politely (WebSocket close handshake), giving up after a short grace period.</summary>
    /// <param name="cancellationToken">Cancels the close handshake.</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    Task CloseAsync(CancellationToken cancellationToken);
}

/// <summary>Opens transports to a router: WebSocket for <c>ws://</c> and <c>wss://</c>, RawSocket for <c>rs://</c>, <c>rss://</c> and <c>tcp://</c>.</summary>
public interface IWampTransportFactory
{
    /// <summary>Connects, offering the serializers in the given order of preference.</summary>
    /// <param name="url">The router's address.</param>
    /// <param name="serializers">The serializers to offer, most preferred first.</param>
    /// <param name="settings">Size limits, keep-alive and WebSocket settings.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The open transport and the serializer agreed with the router.</returns>
    ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken);
}
