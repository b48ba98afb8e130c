using System.Buffers;
using System.Net.WebSockets;
using Cfc.Wamp;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Client.Testing.Router;

/// <summary>The router's side of a WAMP-over-WebSocket connection: one WAMP message per WebSocket message.</summary>
internal sealed class RouterWebSocketConnection(WebSocket socket, IWampMessageSerializer serializer, int maxMessageSize) : IWampTransport
{
    public IWampMessageSerializer Serializer { get; } = serializer;

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, Serializer.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        int total = 0;
        while (true)
        {
            Memory<byte> memory = destination.GetMemory(8192);
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            destination.Advance(result.Count);
            total += result.Count;
            if (total > maxMessageSize)
            {
                throw new WampException("wamp.error.payload_size_exceeded", $"A message exceeds {maxMessageSize} bytes.");
            }

            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        // Send our close frame and return: waiting for the peer's echo would stall shutdown on clients that stopped reading.
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        // Dispose aborts a socket that is still open: exactly the abrupt close fault injection wants.
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
