using System.Buffers;
using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Transport;

/// <summary>
/// WAMP over RawSocket: a 4-octet handshake, then frames with a 4-octet header (message, PING, PONG).
/// PINGs from the peer are answered; our own PINGs (when keep-alive is on) detect a dead peer. One writer per connection:
/// after the handshake only the write loop writes the stream, fed by one queue (the session's messages, the PONGs the
/// reader owes, the keep-alive's PINGs), so there is no lock and a frame is never cut in half.
/// Use <see cref="ConnectAsync"/> on the client side and <see cref="AcceptAsync(Stream, Func{int, bool}, int, TimeProvider, CancellationToken)"/> on the server side.
/// </summary>
public sealed class RawSocketTransport : IWampTransport
{
    private const int SmallFrame = 8 * 1024;
    private const int ReadChunk = 64 * 1024;
    private const int WriteChunk = 64 * 1024;

    // PONGs waiting to be written. A peer that keeps sending PINGs while we cannot write gets its later ones unanswered
    // (it may, as WebSocket allows, answer only the latest); they do not pile up.
    private const int MaxQueuedPongs = 4;

    private readonly Stream _stream;
    private readonly Socket? _socket;
    private readonly int _maxReceive;
    private readonly int _maxSend;
    private readonly Channel<OutgoingFrame> _frames = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly MessageSent _messageSent;
    private readonly Task _writer;
    private readonly byte[] _receiveHeader = new byte[RawSocketProtocol.HeaderLength];
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _keepAlive;

    private readonly TimeProvider _timeProvider;
    private TaskCompletionSource? _pendingPong;
    private long _lastWriteProgress;
    private long _pingSequence;
    private long _pingWritten;
    private int _queuedPongs;
    private volatile bool _closeRequested;
    private volatile WampConnectionLostException? _failure;
    private int _disposed;

    private RawSocketTransport(Stream stream, Socket? socket, byte serializerId, int maxReceive, int maxSend, TimeSpan keepAliveInterval, TimeSpan keepAliveTimeout, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _lastWriteProgress = _timeProvider.GetTimestamp();
        _stream = stream;
        _socket = socket ?? (stream as NetworkStream)?.Socket;
        SerializerId = serializerId;
        _maxReceive = maxReceive;
        _maxSend = maxSend;
        _messageSent = new MessageSent(this);
        _writer = Task.Run(WriteLoopAsync);
        _keepAlive = keepAliveInterval > TimeSpan.Zero
            ? Task.Run(() => KeepAliveAsync(keepAliveInterval, keepAliveTimeout, _lifetime.Token))
            : Task.CompletedTask;
    }

    /// <summary>The serializer id agreed in the RawSocket handshake (1 JSON, 2 MessagePack, 3 CBOR: see <see cref="WampSerializerIds"/>).</summary>
    public byte SerializerId { get; }

    /// <summary>The largest message the peer accepts (its announced size, capped by ours).</summary>
    public int MaxSendSize => _maxSend;

    /// <summary>Performs the client handshake on a connected stream, offering one serializer id.</summary>
    /// <param name="stream">The connected stream (TCP or TLS); the transport owns it from now on.</param>
    /// <param name="serializerId">The RawSocket serializer id to ask for (see <see cref="WampSerializerIds.RawSocketId"/>).</param>
    /// <param name="settings">Size limit and keep-alive.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The transport.</returns>
    /// <exception cref="WampException">The router refused (error codes 1-4) or did not speak RawSocket.</exception>
    public static ValueTask<RawSocketTransport> ConnectAsync(Stream stream, byte serializerId, WampTransportSettings settings, CancellationToken cancellationToken) =>
        ConnectCoreAsync(stream, null, serializerId, settings, cancellationToken);

    /// <summary>Performs the server handshake on an accepted stream.</summary>
    /// <param name="stream">The accepted stream; the transport owns it from now on.</param>
    /// <param name="supportsSerializer">Whether the client's serializer id is supported (otherwise the client gets error 1); the agreed id is then <see cref="SerializerId"/>.</param>
    /// <param name="maxMessageSize">The largest message accepted or sent, in bytes.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The transport.</returns>
    /// <exception cref="WampException">The client did not speak RawSocket or was refused (after its error reply was sent).</exception>
    public static ValueTask<RawSocketTransport> AcceptAsync(Stream stream, Func<int, bool> supportsSerializer, int maxMessageSize, CancellationToken cancellationToken) =>
        AcceptAsync(stream, supportsSerializer, maxMessageSize, TimeProvider.System, cancellationToken);

    /// <summary>Performs the server handshake on an accepted stream, with the server's clock for the transport's waits.</summary>
    /// <param name="stream">The accepted stream; the transport owns it from now on.</param>
    /// <param name="supportsSerializer">Whether the client's serializer id is supported (otherwise the client gets error 1); the agreed id is then <see cref="SerializerId"/>.</param>
    /// <param name="maxMessageSize">The largest message accepted or sent, in bytes.</param>
    /// <param name="timeProvider">The clock for the transport's waits (its close grace period).</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The transport.</returns>
    /// <exception cref="WampException">The client did not speak RawSocket or was refused (after its error reply was sent).</exception>
    public static async ValueTask<RawSocketTransport> AcceptAsync(Stream stream, Func<int, bool> supportsSerializer, int maxMessageSize, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(supportsSerializer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, RawSocketProtocol.SizeFor(0));

        byte[] request = new byte[RawSocketProtocol.HeaderLength];
        await ReadHandshakeAsync(stream, request, "client", cancellationToken).ConfigureAwait(false);
        if (request[0] != RawSocketProtocol.Magic)
        {
            throw TransportErrors.Violation($"The client did not start a RawSocket handshake (first octet 0x{request[0]:X2} instead of 0x7F).");
        }

        int serializerId = request[1] & 0x0F;
        int clientExponent = request[1] >> 4;
        if (request[2] != 0 || request[3] != 0)
        {
            await RefuseAsync(stream, 3, cancellationToken).ConfigureAwait(false);
            throw Refused($"The client used reserved bits in the RawSocket handshake (0x{request[2]:X2}{request[3]:X2}); it got error 3.");
        }

        if (serializerId == 0 || !supportsSerializer(serializerId))
        {
            await RefuseAsync(stream, 1, cancellationToken).ConfigureAwait(false);
            throw Refused($"The client asked for the unsupported RawSocket serializer {serializerId}; it got error 1.");
        }

        byte[] reply = new byte[RawSocketProtocol.HeaderLength];
        RawSocketProtocol.WriteHandshake(reply, RawSocketProtocol.LengthExponent(maxMessageSize), serializerId);
        await WriteHandshakeAsync(stream, reply, cancellationToken).ConfigureAwait(false);

        int maxSend = Math.Min(maxMessageSize, RawSocketProtocol.SizeFor(clientExponent));
        return new RawSocketTransport(stream, null, (byte)serializerId, maxMessageSize, maxSend, TimeSpan.Zero, TimeSpan.Zero, timeProvider);
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken)
    {
        if (frame.Length > _maxSend)
        {
            throw TransportErrors.OutgoingTooLarge(frame.Length, _maxSend);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        // One sender at a time (the IWampTransport contract), so one reusable completion serves every send.
        short token = _messageSent.Prepare(cancellationToken);
        if (!_frames.Writer.TryWrite(new OutgoingFrame(RawSocketProtocol.MessageFrame, frame, null, token)))
        {
            _messageSent.TryFail(token, Closed());
        }

        return new ValueTask(_messageSent, token);
    }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            while (true)
            {
                if (!await ReadFrameHeaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                if (!RawSocketProtocol.TryReadFrameHeader(_receiveHeader, out byte frameType, out int length))
                {
                    throw Violation($"The peer sent an invalid RawSocket frame header 0x{Convert.ToHexString(_receiveHeader)} (reserved bits or length over 16 MiB).");
                }

                if (length > _maxReceive)
                {
                    Cut();
                    throw TransportErrors.IncomingTooLarge(length, _maxReceive);
                }

                switch (frameType)
                {
                    case RawSocketProtocol.MessageFrame:
                        await ReadPayloadAsync(destination, length, cancellationToken).ConfigureAwait(false);
                        return true;
                    case RawSocketProtocol.PingFrame:
                        await AnswerPingAsync(length, cancellationToken).ConfigureAwait(false);
                        break;
                    case RawSocketProtocol.PongFrame:
                        await ReadPongAsync(length, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        throw Violation($"The peer sent the unknown RawSocket frame type {frameType} (0 message, 1 PING, 2 PONG).");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (_failure is { } failure)
            {
                throw failure;
            }

            // A read cut short by our own close is our clean close.
            if (_closeRequested)
            {
                return false;
            }

            throw TransportErrors.Lost("The RawSocket connection broke", ex);
        }
    }

    /// <summary>Shuts our sending side down (the peer reads a clean end of stream), then releases the connection.</summary>
    /// <param name="cancellationToken">Cancels the wait for a frame being sent.</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closeRequested = true;
        _frames.Writer.TryComplete();
        using var timer = new CancellationTokenSource(TransportErrors.CloseGracePeriod, _timeProvider);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            // Never cut a frame in half: let the writer finish what is queued, but not forever.
            await _writer.WaitAsync(grace.Token).ConfigureAwait(false);
            if (_stream is SslStream ssl)
            {
                await ssl.ShutdownAsync().WaitAsync(grace.Token).ConfigureAwait(false);
            }

            _socket?.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is already gone or too slow to close politely; disposing below cuts it.
        }
        finally
        {
            // Stops keep-alive and a write still stuck after the grace period.
            await _lifetime.CancelAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        await _writer.ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        _lifetime.Dispose();
    }

    internal static async ValueTask<RawSocketTransport> ConnectCoreAsync(Stream stream, Socket? socket, byte serializer, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(settings);
        int exponent = RawSocketProtocol.LengthExponent(settings.MaxMessageSize);
        byte[] buffer = new byte[RawSocketProtocol.HeaderLength];
        RawSocketProtocol.WriteHandshake(buffer, exponent, serializer);
        await WriteHandshakeAsync(stream, buffer, cancellationToken).ConfigureAwait(false);
        await ReadHandshakeAsync(stream, buffer, "router", cancellationToken).ConfigureAwait(false);

        if (buffer[0] != RawSocketProtocol.Magic)
        {
            throw TransportErrors.Violation($"The peer did not answer the RawSocket handshake (first octet 0x{buffer[0]:X2} instead of 0x7F); is it a RawSocket endpoint?");
        }

        int serializerId = buffer[1] & 0x0F;
        int routerExponent = buffer[1] >> 4;
        if (serializerId == 0)
        {
            throw Refused($"The router refused the RawSocket handshake (error {routerExponent}): {RawSocketProtocol.DescribeError(routerExponent, serializer, RawSocketProtocol.SizeFor(exponent))}.");
        }

        if (serializerId != serializer)
        {
            throw TransportErrors.Violation($"The router answered the RawSocket handshake with serializer {serializerId}, but the client asked for {serializer}.");
        }

        int maxSend = Math.Min(settings.MaxMessageSize, RawSocketProtocol.SizeFor(routerExponent));
        return new RawSocketTransport(stream, socket, serializer, settings.MaxMessageSize, maxSend, settings.KeepAliveInterval, settings.KeepAliveTimeout, settings.TimeProvider);
    }

    private static async Task ReadHandshakeAsync(Stream stream, byte[] buffer, string peer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw TransportErrors.Lost($"The {peer} closed the connection during the RawSocket handshake", ex);
        }
    }

    private static async Task WriteHandshakeAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw TransportErrors.Lost("The connection broke during the RawSocket handshake", ex);
        }
    }

    private static async Task RefuseAsync(Stream stream, int errorCode, CancellationToken cancellationToken)
    {
        byte[] reply = new byte[RawSocketProtocol.HeaderLength];
        RawSocketProtocol.WriteError(reply, errorCode);
        await WriteHandshakeAsync(stream, reply, cancellationToken).ConfigureAwait(false);
    }

    private static WampException Refused(string message) => TransportErrors.RawSocketRefused(message);

    private WampProtocolViolationException Violation(string message)
    {
        Cut();
        return TransportErrors.Violation(message);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadFrameHeaderAsync(CancellationToken cancellationToken)
    {
        // End of stream before a header's first octet is the peer's clean close; anywhere else it is a break.
        int read = await _stream.ReadAsync(_receiveHeader, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return false;
        }

        await _stream.ReadExactlyAsync(_receiveHeader.AsMemory(read), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadPayloadAsync(IBufferWriter<byte> destination, int length, CancellationToken cancellationToken)
    {
        int remaining = length;
        while (remaining > 0)
        {
            Memory<byte> memory = destination.GetMemory(Math.Min(remaining, ReadChunk));
            int count = Math.Min(memory.Length, remaining);
            await _stream.ReadExactlyAsync(memory[..count], cancellationToken).ConfigureAwait(false);
            destination.Advance(count);
            remaining -= count;
        }
    }

    // Reads the PING and queues its PONG for the writer; the reader does not wait for the write.
    private async ValueTask AnswerPingAsync(int length, CancellationToken cancellationToken)
    {
        byte[] payload = ArrayPool<byte>.Shared.Rent(Math.Max(length, 16));
        bool queued = false;
        try
        {
            await _stream.ReadExactlyAsync(payload.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            if (Interlocked.Increment(ref _queuedPongs) <= MaxQueuedPongs)
            {
                queued = _frames.Writer.TryWrite(new OutgoingFrame(RawSocketProtocol.PongFrame, payload.AsMemory(0, length), payload, 0));
            }

            if (!queued)
            {
                Interlocked.Decrement(ref _queuedPongs);
            }
        }
        finally
        {
            if (!queued)
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
    }

    private async ValueTask ReadPongAsync(int length, CancellationToken cancellationToken)
    {
        using var payload = new PooledBufferWriter(Math.Max(length, 16));
        await ReadPayloadAsync(payload, length, cancellationToken).ConfigureAwait(false);

        // Only the answer to our latest PING counts; unsolicited PONGs are allowed and ignored.
        if (payload.WrittenCount == sizeof(long) && BinaryPrimitives.ReadInt64BigEndian(payload.WrittenSpan) == Interlocked.Read(ref _pingSequence))
        {
            Volatile.Read(ref _pendingPong)?.TrySetResult();
        }
    }

    // The one writer: writes the queued frames in order until the queue is completed (close) or a write fails; then
    // fails whatever is still queued.
    private async Task WriteLoopAsync()
    {
        ChannelReader<OutgoingFrame> reader = _frames.Reader;
        Exception? failure = null;
        try
        {
            while (failure is null && await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (failure is null && reader.TryRead(out OutgoingFrame frame))
                {
                    if (frame.Type == RawSocketProtocol.MessageFrame && !_messageSent.TryStartWriting(frame.Token))
                    {
                        continue; // cancelled while it waited: dropped from the queue, never on the wire
                    }

                    try
                    {
                        if (_failure is { } cut)
                        {
                            throw cut;
                        }

                        await WriteFrameAsync(frame.Type, frame.Payload, _lifetime.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or WampException)
                    {
                        failure = _failure ?? ex as WampException ?? TransportErrors.Lost("The RawSocket connection failed while sending", ex);
                    }

                    Finished(frame, failure);
                }
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
            while (reader.TryRead(out OutgoingFrame left))
            {
                Finished(left, failure ?? Closed());
            }
        }
    }

    private void Finished(OutgoingFrame frame, Exception? failure)
    {
        switch (frame.Type)
        {
            case RawSocketProtocol.MessageFrame:
                _messageSent.Finish(frame.Token, failure);
                return;
            case RawSocketProtocol.PongFrame:
                Interlocked.Decrement(ref _queuedPongs);
                break;
            case RawSocketProtocol.PingFrame when failure is null:
                Volatile.Write(ref _pingWritten, BinaryPrimitives.ReadInt64BigEndian(frame.Payload.Span));
                break;
        }

        ArrayPool<byte>.Shared.Return(frame.Owned!);
    }

    private WampConnectionLostException Closed() =>
        _failure ?? TransportErrors.Lost("The RawSocket connection is closed; the frame was not sent");

    private async ValueTask WriteFrameAsync(byte frameType, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length <= SmallFrame)
        {
            // Header and payload in one write: one segment on the wire for the common small message.
            byte[] buffer = ArrayPool<byte>.Shared.Rent(RawSocketProtocol.HeaderLength + payload.Length);
            try
            {
                RawSocketProtocol.WriteFrameHeader(buffer, frameType, payload.Length);
                payload.Span.CopyTo(buffer.AsSpan(RawSocketProtocol.HeaderLength));
                await _stream.WriteAsync(buffer.AsMemory(0, RawSocketProtocol.HeaderLength + payload.Length), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else
        {
            byte[] header = new byte[RawSocketProtocol.HeaderLength];
            RawSocketProtocol.WriteFrameHeader(header, frameType, payload.Length);
            await _stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);

            // In chunks, each one stamped: keep-alive tells a slow write that moves from one the peer never takes.
            for (int offset = 0; offset < payload.Length; offset += WriteChunk)
            {
                await _stream.WriteAsync(payload.Slice(offset, Math.Min(WriteChunk, payload.Length - offset)), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _lastWriteProgress, _timeProvider.GetTimestamp());
            }
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _lastWriteProgress, _timeProvider.GetTimestamp());
    }

    // Every interval a PING must be answered within the timeout. The PING may have to wait for a write in progress (a
    // frame is never cut in half); that wait counts against the timeout too, unless the write is still moving (a chunk
    // went out less than the timeout ago). So a peer that stopped reading (a stuck write) or stopped answering is found
    // dead within interval + timeout, whatever the write side does.
    private async Task KeepAliveAsync(TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(false);
                var pong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _pendingPong, pong);
                long sequence = Interlocked.Increment(ref _pingSequence);
                byte[] payload = ArrayPool<byte>.Shared.Rent(sizeof(long));
                BinaryPrimitives.WriteInt64BigEndian(payload, sequence);
                long due = _timeProvider.GetTimestamp();
                if (!_frames.Writer.TryWrite(new OutgoingFrame(RawSocketProtocol.PingFrame, payload.AsMemory(0, sizeof(long)), payload, 0)))
                {
                    ArrayPool<byte>.Shared.Return(payload);
                    return; // closing: keep-alive ends with the connection
                }

                while (!pong.Task.IsCompleted)
                {
                    bool pingSent = Interlocked.Read(ref _pingWritten) >= sequence;
                    long reference = due;
                    if (!pingSent)
                    {
                        reference = Math.Max(reference, Volatile.Read(ref _lastWriteProgress));
                    }

                    TimeSpan left = timeout - _timeProvider.GetElapsedTime(reference);
                    if (left <= TimeSpan.Zero)
                    {
                        _failure = WampErrors.KeepAliveTimedOut(timeout, pingSent);
                        Cut();
                        return;
                    }

                    try
                    {
                        await pong.Task.WaitAsync(left, _timeProvider, cancellationToken).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        // Look again: the reference may have moved (the write in front of the PING made progress).
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closed: keep-alive ends with the connection.
        }
    }

    // Fails the connection at once: pending reads and writes end with an exception.
    private void Cut()
    {
        try
        {
            _frames.Writer.TryComplete();
            _lifetime.Cancel();
            _socket?.Dispose();
            _stream.Dispose();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Already broken or disposed; nothing more to release.
        }
    }

    /// <summary>A frame for the writer: a session message (its completion is <see cref="MessageSent"/>, <paramref name="Token"/>
    /// its version) or a control frame whose payload was rented for it (<paramref name="Owned"/>, returned once written).</summary>
    private readonly record struct OutgoingFrame(byte Type, ReadOnlyMemory<byte> Payload, byte[]? Owned, short Token);

    /// <summary>
    /// The completion of the one session message in flight, reused for every send (no allocation per message). A send
    /// cancelled while it waits in the queue is dropped from it; one cancelled while its frame is being written cuts the
    /// connection (a frame is never left half written on a connection that goes on).
    /// </summary>
    private sealed class MessageSent(RawSocketTransport owner) : IValueTaskSource
    {
        private const int Queued = 0;
        private const int Writing = 1;
        private const int Done = 2;

        private ManualResetValueTaskSourceCore<bool> _core;

        // The send's version and its phase in one int, so that a claim or a cancellation meant for an earlier send can
        // never move the current one.
        private int _state = Pack(0, Done);
        private CancellationTokenRegistration _cancellation;

        public short Prepare(CancellationToken cancellationToken)
        {
            _core.Reset();

            // The writer completes inline: the sender's continuation (the session's writer queuing its next message) runs
            // on the write loop without a thread hop.
            _core.RunContinuationsAsynchronously = false;
            short version = _core.Version;
            Volatile.Write(ref _state, Pack(version, Queued));
            _cancellation = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static (s, token) => ((MessageSent)s!).OnCanceled(token), this)
                : default;
            return version;
        }

        /// <summary>The writer claims the frame; false when it was cancelled while it waited (or is not the current one).</summary>
        public bool TryStartWriting(short token) =>
            Interlocked.CompareExchange(ref _state, Pack(token, Writing), Pack(token, Queued)) == Pack(token, Queued);

        /// <summary>The writer is done with the frame (written, or not writable).</summary>
        public void Finish(short token, Exception? failure)
        {
            if (!TryMove(token, Writing, Done) && !TryMove(token, Queued, Done))
            {
                return;
            }

            _cancellation.Dispose();
            if (failure is null)
            {
                _core.SetResult(true);
            }
            else
            {
                _core.SetException(failure);
            }
        }

        /// <summary>Fails a frame that never reached the queue (the connection is closed).</summary>
        public void TryFail(short token, Exception failure) => Finish(token, failure);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);

        public void GetResult(short token) => _core.GetResult(token);

        private static int Pack(short version, int phase) => ((ushort)version << 2) | phase;

        private bool TryMove(short token, int from, int to) =>
            Interlocked.CompareExchange(ref _state, Pack(token, to), Pack(token, from)) == Pack(token, from);

        // The registration belongs to the send in flight (Finish disposes it before completing), so the current version is its.
        private void OnCanceled(CancellationToken token)
        {
            short version = _core.Version;
            if (TryMove(version, Queued, Done))
            {
                // Never run the sender's continuation inside whoever called Cancel.
                _core.RunContinuationsAsynchronously = true;
                _core.SetException(new OperationCanceledException(token));
            }
            else if (Volatile.Read(ref _state) == Pack(version, Writing))
            {
                owner.Cut();
            }
        }
    }
}
