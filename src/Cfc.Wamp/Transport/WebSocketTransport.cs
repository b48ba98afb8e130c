using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace Cfc.Wamp.Transport;

/// <summary>
/// WAMP over any open <see cref="WebSocket"/>: one WAMP message per WebSocket message, text or binary frames as the
/// sender says (<see cref="WampFrameKind"/>). Works on the client side (<see cref="ClientWebSocket"/>) and the server side alike.
/// </summary>
public sealed class WebSocketTransport : IWampTransport
{
    private const int ReceiveChunk = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;
    private readonly IDisposable? _owner;
    private volatile bool _closeRequested;

    /// <summary>Wraps an open WebSocket.</summary>
    /// <param name="webSocket">The socket, already open, with the agreed subprotocol.</param>
    /// <param name="maxMessageSize">The largest message sent or accepted, in bytes.</param>
    public WebSocketTransport(WebSocket webSocket, int maxMessageSize)
        : this(webSocket, maxMessageSize, null)
    {
    }

    // owner: what the socket runs on (the client's HTTP handler), released with it.
    internal WebSocketTransport(WebSocket webSocket, int maxMessageSize, IDisposable? owner)
    {
        _owner = owner;
        ArgumentNullException.ThrowIfNull(webSocket);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _socket = webSocket;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>The clock of the close grace period (the client's <see cref="WampTransportSettings.TimeProvider"/>).</summary>
    internal TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken)
    {
        if (frame.Length > _maxMessageSize)
        {
            throw TransportErrors.OutgoingTooLarge(frame.Length, _maxMessageSize);
        }

        try
        {
            WebSocketMessageType type = kind == WampFrameKind.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
            await _socket.SendAsync(frame, type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            throw TransportErrors.Lost("The WebSocket failed while sending", ex);
        }
    }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);

        // Received straight into the destination (the reader's own buffer): no chunk to rent and no copy per message.
        long total = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(destination.GetMemory(ReceiveChunk), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A receive cut short by our own close (grace period over, socket aborted) is still our clean close.
                if (_closeRequested)
                {
                    return false;
                }

                throw TransportErrors.Lost("The WebSocket connection broke", ex);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync().ConfigureAwait(false);
                return false;
            }

            total += result.Count;
            if (total > _maxMessageSize)
            {
                await CloseWithAsync(WebSocketCloseStatus.MessageTooBig, "message too big", CancellationToken.None).ConfigureAwait(false);
                throw TransportErrors.IncomingTooLarge(result.EndOfMessage ? total : -1, _maxMessageSize);
            }

            destination.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    public Task CloseAsync(CancellationToken cancellationToken) => CloseWithAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseWithAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        _socket.Dispose();
        _owner?.Dispose();
    }

    // The peer started the close: answer it so its close handshake completes, but never wait long for that.
    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var grace = new CancellationTokenSource(TransportErrors.CloseGracePeriod, TimeProvider);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    private async Task CloseWithAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        _closeRequested = true;
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted or WebSocketState.CloseSent))
            {
                _socket.Abort();
            }

            return;
        }

        using var timer = new CancellationTokenSource(TransportErrors.CloseGracePeriod, TimeProvider);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            // CloseAsync sends our close frame and waits for the peer's (also when a reader is pending).
            await _socket.CloseAsync(status, description, grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer did not finish the handshake in time, or the connection is already gone: cut it.
            _socket.Abort();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
