using System.Collections.Concurrent;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Session;

/// <summary>
/// The one writer of a session: every outgoing message (requests, answers, CANCELs, the handshake, the last words)
/// goes through one bounded queue, and one drainer at a time serializes each into one reused buffer and hands it to
/// the transport. There is no lock and no linked token source per send. A send that is cancelled (or a request that
/// was abandoned) while it waits in the queue is dropped from it: the drainer skips it and the router never sees it. A
/// message over <see cref="WampConnectionOptions.MaxMessageSize"/> fails only the send or request it belongs to.
/// </summary>
/// <remarks>
/// <para>
/// Who drains: the thread that queues a message when nobody else is writing (the drain flag is free). It writes what
/// is queued, in order, as long as each write completes at once (an in-memory or socket write with room in its
/// buffer); a write that has to wait continues on its own asynchronously and the queuing thread returns at once, and
/// after <see cref="InlineBudget"/> messages the rest is handed to the thread pool, so that no caller writes others'
/// messages for long. So a CALL or PUBLISH on an idle session goes out on the caller's thread without a thread hop, and
/// an awaited send that is written at once completes without a completion object. Whoever releases the flag looks at
/// the queue again, so that nothing queued meanwhile is left behind.
/// </para>
/// <para>
/// The queue holds at most <see cref="WampConnectionOptions.MaxQueuedMessages"/> messages. When it is full, a request or
/// an awaited send waits for room (its timeout and token still run); a CANCEL or cleanup request (at most one per
/// request the application made) waits too and is never dropped; a message the router provoked on its own (an ERROR
/// for an INVOCATION it should not have sent) is dropped, counted and logged, and at most
/// <see cref="WampConnectionOptions.MaxQueuedControlMessages"/> of those wait at any time.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The buffer goes back to the pool when the drainer finds the writer completed (the session ended); using it after that rents a new array.")]
internal sealed class SessionWriter : IThreadPoolWorkItem
{
    public const string PayloadSizeExceeded = WampErrorUris.PayloadSizeExceeded;

    /// <summary>How many messages a queuing thread writes before it hands the rest of the queue to the thread pool.</summary>
    public const int InlineBudget = 64;

    private const long DropLogInterval = 1000;

    private readonly WampSession _session;
    private readonly IWampTransport _transport;
    private readonly IWampMessageSerializer _serializer;
    private readonly WampFrameKind _frameKind;
    private readonly int _maxMessageSize;
    private readonly int _droppableCapacity;
    private readonly int _capacity;
    private readonly CancellationToken _lifetime;
    private readonly ConcurrentQueue<Outgoing> _queue = new();
    private readonly PooledBufferWriter _buffer = new(1024);
    private int _queued;
    private TaskCompletionSource? _room;
    private int _droppableQueued;
    private long _dropped;
    private long _sent;

    // 1 while one thread drains the queue (the one writer); only that thread touches _buffer and the transport's send.
    private int _draining;
    private volatile bool _completed;

    // lifetime ends with the session; a network write is only ever cancelled by it (a cancelled write breaks the transport).
    public SessionWriter(WampSession session, IWampTransport transport, IWampMessageSerializer serializer, CancellationToken lifetime)
    {
        _session = session;
        _transport = transport;
        _serializer = serializer;
        _frameKind = WampSerializerIds.FrameKind(serializer.Kind);
        _maxMessageSize = session.Options.MaxMessageSize;
        _droppableCapacity = session.Options.MaxQueuedControlMessages;
        _lifetime = lifetime;
        _capacity = session.Options.MaxQueuedMessages;
    }

    /// <summary>How many router-provoked messages were dropped because their bound was reached.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many messages were written.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>How many router-provoked messages wait to be written right now.</summary>
    public int QueuedDroppable => Volatile.Read(ref _droppableQueued);

    /// <summary>
    /// Queues <paramref name="message"/> and waits until it is written. The token drops it from the queue (the task is
    /// cancelled, the message never written); once the write has begun, only the session's end stops it.
    /// </summary>
    public Task SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // Nothing queued and nobody writing: write it here, in order (the queue is empty), without a completion object.
        if (!_completed && _queue.IsEmpty && TryTakeDrain())
        {
            if (_queue.IsEmpty)
            {
                ValueTask<Exception?> write = WriteMessageAsync(message, _buffer);
                if (!write.IsCompletedSuccessfully)
                {
                    return FinishDirectSendAsync(write);
                }

#pragma warning disable VSTHRD103 // Completed (checked above): reading the result does not block.
                Exception? failed = write.Result;
#pragma warning restore VSTHRD103
                DrainHeld();
                return failed is null ? Task.CompletedTask : Task.FromException(failed);
            }

            DrainHeld();
        }

        var completion = new SendCompletion(cancellationToken);
        Enqueue(new Outgoing(message, null, completion, OutgoingKind.Awaited));
        return completion.Task;
    }

    /// <summary>
    /// Queues a request's message; its waiter already waits (on the request's own deadline and token). A request that
    /// is abandoned before its turn is dropped; one that is not written leaves the pending table (the router never saw
    /// its id) and, when still waited for, fails with the reason. <see cref="PendingRequest.OnWritten"/> runs once it is on the wire.
    /// </summary>
    public void Enqueue(WampMessage message, PendingRequest request) => Enqueue(new Outgoing(message, request, null, OutgoingKind.Request));

    /// <summary>Queues a message nobody waits for; a <paramref name="droppable"/> one is dropped (counted, logged) when its bound is reached.</summary>
    public void Post(WampMessage message, bool droppable)
    {
        if (!droppable)
        {
            Enqueue(new Outgoing(message, null, null, OutgoingKind.Control));
            return;
        }

        if (Interlocked.Increment(ref _droppableQueued) > _droppableCapacity || !TryReserveAndWrite(new Outgoing(message, null, null, OutgoingKind.Droppable)))
        {
            Interlocked.Decrement(ref _droppableQueued);
            long dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % DropLogInterval == 0)
            {
                _session.Logger.ControlMessageDropped(_droppableCapacity, message.Type, dropped);
            }
        }
    }

    /// <summary>
    /// Queues a callee's answer (YIELD or ERROR) to an INVOCATION; nobody waits for it. When it is over the size limit,
    /// an ERROR <c>wamp.error.payload_size_exceeded</c> goes out in its place, so that the caller still gets an answer.
    /// </summary>
    public void PostAnswer(WampMessage answer) => Enqueue(new Outgoing(answer, null, null, OutgoingKind.Answer));

    /// <summary>The session ended: nothing more is queued; what still waits is dropped (requests and sends fail).</summary>
    public void Complete()
    {
        _completed = true;

        // Whatever still waits is drained: its writes fail on the ended session and its waiters learn why.
        Schedule();
    }

    /// <summary>Drains on the thread pool (a queuing thread used up its <see cref="InlineBudget"/>); the flag is held.</summary>
    void IThreadPoolWorkItem.Execute() => DrainHeld();

    private void Enqueue(Outgoing item)
    {
        if (!TryReserveAndWrite(item))
        {
            // Full: wait for room in the background (the waiter of a request or send waits on its own terms).
            Background.Run(WaitForRoomAsync(item), _session.Logger, "queueing an outgoing message");
        }
    }

    // Takes a place in the queue and queues the item; false when the queue is full. A completed writer (the session
    // ended) takes nothing: the item is dropped with the reason.
    private bool TryReserveAndWrite(Outgoing item)
    {
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            return false;
        }

        if (_completed)
        {
            Interlocked.Decrement(ref _queued);
            if (item.Kind == OutgoingKind.Droppable)
            {
                Interlocked.Decrement(ref _droppableQueued);
            }
            else
            {
                Drop(item, _session.ConnectionLost("the session ended before the message was queued", null));
            }

            return true;
        }

        _queue.Enqueue(item);
        Schedule();
        return true;
    }

    private async Task WaitForRoomAsync(Outgoing item)
    {
        while (true)
        {
            // The signal is published before the attempt, so that the writer's next freed place is sure to see it.
            Task room = RoomSignalAsync();
            if (TryReserveAndWrite(item))
            {
                return;
            }

            await room.ConfigureAwait(false);
        }
    }

    private Task RoomSignalAsync()
    {
        TaskCompletionSource? room = Volatile.Read(ref _room);
        if (room is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            room = Interlocked.CompareExchange(ref _room, created, null) ?? created;
        }

        return room.Task;
    }

    // The writer took an item: one place is free again; whoever waits for room tries again.
    private void Freed()
    {
        Interlocked.Decrement(ref _queued);
        if (Volatile.Read(ref _room) is { } room && Interlocked.CompareExchange(ref _room, null, room) == room)
        {
            room.TrySetResult();
        }
    }

    private bool TryTakeDrain() => Volatile.Read(ref _draining) == 0 && Interlocked.CompareExchange(ref _draining, 1, 0) == 0;

    // Drains on this thread when nobody else writes; otherwise the one who does will see the item.
    private void Schedule()
    {
        if (TryTakeDrain())
        {
            DrainHeld();
        }
    }

    // The drain flag is held: write what is queued while writes complete at once, within the inline budget.
    private void DrainHeld()
    {
        int budget = InlineBudget;
        while (true)
        {
            while (_queue.TryDequeue(out Outgoing item))
            {
                Freed();
                ValueTask write = WriteAsync(item, _buffer);
                if (!write.IsCompletedSuccessfully)
                {
                    // The transport has to wait: the rest continues when it is done, off this thread.
                    Background.Run(ContinueDrainAsync(write), _session.Logger, "writing the session's messages");
                    return;
                }

                if (--budget == 0 && !_queue.IsEmpty)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
            }

            if (_completed)
            {
                _buffer.Dispose();
            }

            // Released, then looked at again: an item queued after the last TryDequeue must not wait for the next send.
            Volatile.Write(ref _draining, 0);
            if (_queue.IsEmpty || !TryTakeDrain())
            {
                return;
            }
        }
    }

    private async Task ContinueDrainAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            DrainHeld();
        }
    }

    private async Task FinishDirectSendAsync(ValueTask<Exception?> write)
    {
        Exception? failed;
        try
        {
            failed = await write.ConfigureAwait(false);
        }
        finally
        {
            DrainHeld();
        }

        if (failed is not null)
        {
            throw failed;
        }
    }

    private async ValueTask WriteAsync(Outgoing item, PooledBufferWriter buffer)
    {
        if (item.Kind == OutgoingKind.Droppable)
        {
            Interlocked.Decrement(ref _droppableQueued);
        }

        if (IsDropped(item))
        {
            return;
        }

        Exception? failed = await WriteMessageAsync(item.Message, buffer).ConfigureAwait(false);
        if (failed is WampException { ErrorUri: PayloadSizeExceeded } tooLargeAnswer && item.Kind == OutgoingKind.Answer)
        {
            // The caller must still get an answer: an ERROR in its place.
            _session.Logger.SendFailed(item.Message.Type, tooLargeAnswer);
            long requestId = item.Message switch { YieldMessage m => m.RequestId, ErrorMessage m => m.RequestId, _ => 0 };
            var tooLarge = new ErrorMessage(WampMessageType.Invocation, requestId, WampJson.EmptyObject, PayloadSizeExceeded, new WampPayloadBuilder().Add(tooLargeAnswer.Message).Build());
            await WriteAsync(new Outgoing(tooLarge, null, null, OutgoingKind.Control), buffer).ConfigureAwait(false);
            return;
        }

        if (failed is not null)
        {
            Drop(item, failed);
            return;
        }

        item.Request?.OnWritten();
        item.Completion?.TrySetWritten();
    }

    // Serializes and writes one message; null when it is on the wire, else why not (the connection is lost, or the
    // message is over the size limit). Completes synchronously, without allocating, when the transport's write does.
    private async ValueTask<Exception?> WriteMessageAsync(WampMessage message, PooledBufferWriter buffer)
    {
        buffer.Clear();
        try
        {
            _serializer.Serialize(message, buffer);
            if (buffer.WrittenCount > _maxMessageSize)
            {
                return TransportErrors.MessageTooLarge(message.Type.ToString().ToUpperInvariant(), buffer.WrittenCount, _maxMessageSize);
            }

            await _transport.SendAsync(buffer.WrittenMemory, _frameKind, _lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            // Only the session's end cancels a write.
            return _session.ConnectionLost("the session ended while sending", ex);
        }
        catch (Exception ex) when (ex is not WampException)
        {
            return _session.ConnectionLost($"sending failed: {ex.Message}", ex);
        }
        catch (WampException ex)
        {
            return ex;
        }

        Interlocked.Increment(ref _sent);
        return null;
    }

    // Whether the item's turn came too late: its waiter gave up, or (for messages nobody waits for) the session ended.
    private bool IsDropped(Outgoing item)
    {
        switch (item.Kind)
        {
            case OutgoingKind.Request when !item.Request!.IsWaiting:
                // Nobody waits for it any more and the router has never seen it: writing it would only make work.
                _session.Pending.Remove(item.Request.RequestId);
                return true;
            case OutgoingKind.Awaited when item.Completion!.Task.IsCompleted:
                return true;
            case OutgoingKind.Control or OutgoingKind.Droppable or OutgoingKind.Answer when _session.IsEnded:
                return true;
            default:
                return false;
        }
    }

    private void Drop(Outgoing item, Exception ex)
    {
        switch (item.Kind)
        {
            case OutgoingKind.Request:
                _session.Pending.Remove(item.Request!.RequestId);
                item.Request.Fail(ex);
                break;
            case OutgoingKind.Awaited:
                item.Completion!.TrySetFailed(ex);
                break;
            default:
                _session.Logger.SendFailed(item.Message.Type, ex);
                break;
        }
    }

    private enum OutgoingKind : byte
    {
        /// <summary>A request; its <see cref="PendingRequest"/> carries the outcome.</summary>
        Request,

        /// <summary>A send whose caller awaits the write.</summary>
        Awaited,

        /// <summary>Nobody waits; never dropped (CANCEL, cleanup).</summary>
        Control,

        /// <summary>Nobody waits; provoked by the router and dropped when its bound is reached.</summary>
        Droppable,

        /// <summary>A callee's answer to an INVOCATION; nobody waits; replaced by an ERROR when over the size limit.</summary>
        Answer,
    }

    private readonly record struct Outgoing(WampMessage Message, PendingRequest? Request, SendCompletion? Completion, OutgoingKind Kind);

    /// <summary>The task of an awaited send; the caller's token cancels it at once (the writer then skips the message).</summary>
    private sealed class SendCompletion : TaskCompletionSource
    {
        private readonly CancellationTokenRegistration _cancellation;

        public SendCompletion(CancellationToken cancellationToken)
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static (s, token) => ((SendCompletion)s!).TrySetCanceled(token), this);
            }
        }

        public void TrySetWritten()
        {
            _cancellation.Dispose();
            TrySetResult();
        }

        public void TrySetFailed(Exception ex)
        {
            _cancellation.Dispose();
            TrySetException(ex);
        }
    }
}
