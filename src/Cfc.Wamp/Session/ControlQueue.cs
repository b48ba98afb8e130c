using System.Threading.Channels;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The messages a session sends without anybody waiting for them (CANCEL, ERROR answers to INVOCATIONs, cleanup
/// UNSUBSCRIBE/UNREGISTER), sent one after the other by a single pump. What the router can trigger on its own
/// (ERROR for an unknown registration or a refused INVOCATION) is bounded by
/// <see cref="WampConnectionOptions.MaxQueuedControlMessages"/>: when that many wait (the router does not read), more are
/// dropped, counted (<see cref="Dropped"/>) and logged. What the application caused (one CANCEL per call it made) is
/// never dropped. Before, every such message was a task of its own holding its serialized buffer: a router that sent
/// 300,000 INVOCATIONs without reading made the client hold 466 MB.
/// </summary>
internal sealed class ControlQueue
{
    private const long DropLogInterval = 1000;

    private readonly WampSession _session;
    private readonly Channel<(WampMessage Message, bool Droppable)> _queue = Channel.CreateUnbounded<(WampMessage, bool)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity;
    private int _droppableQueued;
    private long _dropped;
    private long _sent;
    private int _started;

    public ControlQueue(WampSession session, int capacity)
    {
        _session = session;
        _capacity = capacity;
    }

    /// <summary>How many router-triggered messages were dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many messages were written.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>How many router-triggered messages wait to be written right now.</summary>
    public int QueuedDroppable => Volatile.Read(ref _droppableQueued);

    /// <summary>Queues a message; a <paramref name="droppable"/> one is dropped (counted, logged) when the bound is reached.</summary>
    public void Post(WampMessage message, bool droppable)
    {
        if (droppable)
        {
            if (Interlocked.Increment(ref _droppableQueued) > _capacity)
            {
                Interlocked.Decrement(ref _droppableQueued);
                long dropped = Interlocked.Increment(ref _dropped);
                if (dropped == 1 || dropped % DropLogInterval == 0)
                {
                    _session.Logger.ControlMessageDropped(_capacity, message.Type, dropped);
                }

                return;
            }
        }

        if (!_queue.Writer.TryWrite((message, droppable)))
        {
            return;
        }

        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(PumpAsync);
        }
    }

    /// <summary>The session ended: what is still queued is let go.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        ChannelReader<(WampMessage Message, bool Droppable)> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out (WampMessage Message, bool Droppable) item))
            {
                WampMessage message = item.Message;
                if (item.Droppable)
                {
                    Interlocked.Decrement(ref _droppableQueued);
                }

                if (_session.IsEnded)
                {
                    continue;
                }

                try
                {
                    await _session.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref _sent);
                }
                catch (Exception ex)
                {
                    _session.Logger.SendFailed(message.Type, ex);
                }
            }
        }
    }
}
