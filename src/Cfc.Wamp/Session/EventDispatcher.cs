using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// Delivers one subscription's events to its handler, one at a time and in order, on its own task: the
/// reader loop only enqueues, so a slow handler delays neither the reader nor other subscriptions.
/// The queue is bounded in count (<see cref="WampSubscribeOptions.MaxQueuedEvents"/>) and in bytes
/// (<see cref="WampSubscribeOptions.MaxQueuedEventBytes"/>, the events' JSON size): when a new event does not fit, the
/// oldest are dropped, so the reader never waits and memory stays bounded. Handler exceptions are logged and swallowed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stop source is only cancelled (no timer); a handler may still observe its token after the stop.")]
internal sealed class EventDispatcher
{
    // Drops are logged at the first and then every 1,000th, so an overloaded handler does not also flood the log.
    private const long DropLogInterval = 1000;

    private readonly Queue<(WampEvent Event, long Size)> _queue = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<WampEvent, CancellationToken, ValueTask> _handler;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly int _maxCount;
    private readonly long _maxBytes;
    private long _queuedBytes;
    private long _dropped;
    private bool _completed;

    // The pump found the queue empty and waits for the signal: only then does a post release it (once per batch of
    // events, not once per event).
    private bool _pumpWaiting;

    public EventDispatcher(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, int maxQueuedEvents, ILogger logger, long maxQueuedBytes = WampSubscribeOptions.DefaultMaxQueuedEventBytes)
    {
        _topic = topic;
        _handler = handler;
        _logger = logger;
        _maxCount = maxQueuedEvents;
        _maxBytes = maxQueuedBytes;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Completes when the pump has stopped.</summary>
    public Task Completion { get; }

    /// <summary>The number of events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The JSON size of the events waiting for the handler.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _queuedBytes;
            }
        }
    }

    /// <summary>The size an event is counted with: the UTF-8 JSON of its arguments, keyword arguments and details.</summary>
    public static long SizeOf(WampEvent @event) => @event.JsonSize;

    /// <summary>Queues the event; never waits (the oldest queued events are dropped to make room).</summary>
    /// <param name="event">The event.</param>
    public void Post(WampEvent @event)
    {
        WampInstruments.EventReceived(_topic);
        long size = SizeOf(@event);
        long dropped = 0;
        bool wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            // An event bigger than the whole byte bound still goes in when nothing else waits (bound + one event).
            while (_queue.Count > 0 && (_queue.Count >= _maxCount || _queuedBytes + size > _maxBytes))
            {
                (WampEvent _, long oldSize) = _queue.Dequeue();
                _queuedBytes -= oldSize;
                dropped++;
            }

            _queue.Enqueue((@event, size));
            _queuedBytes += size;
            wake = _pumpWaiting;
            _pumpWaiting = false;
        }

        if (dropped > 0)
        {
            OnDropped(dropped);
        }

        if (wake)
        {
            _signal.Release();
        }
    }

    /// <summary>Stops delivery: queued events are dropped and a running handler sees its token cancelled.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _queue.Clear();
            _queuedBytes = 0;
        }

        // Asynchronously: this may run on the reader loop, and the handler's cancellation callbacks are user code.
        Background.Run(_stop.CancelAsync(), _logger, $"stopping the handler of '{_topic}'");
    }

    private void OnDropped(long count)
    {
        long after = Interlocked.Add(ref _dropped, count);
        long before = after - count;
        WampInstruments.EventDropped(_topic, count);
        if (before == 0 || after / DropLogInterval != before / DropLogInterval)
        {
            _logger.EventQueueOverflow(_topic, after);
        }
    }

    private async Task PumpAsync()
    {
        CancellationToken stop = _stop.Token;
        try
        {
            while (true)
            {
                // Delivers what is queued one by one without waiting; waits for the signal only when the queue is empty.
                WampEvent? @event = null;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _pumpWaiting = true;
                    }
                    else
                    {
                        (@event, long size) = _queue.Dequeue();
                        _queuedBytes -= size;
                    }
                }

                if (@event is null)
                {
                    await _signal.WaitAsync(stop).ConfigureAwait(false);
                    continue;
                }

                System.Diagnostics.Activity? delivery = WampInstruments.StartDelivery(_topic, @event);
                try
                {
                    await _handler(@event, stop).ConfigureAwait(false);
                    WampInstruments.DeliveryEnded(delivery, null);
                }
                catch (OperationCanceledException ex) when (stop.IsCancellationRequested)
                {
                    WampInstruments.DeliveryEnded(delivery, ex);
                    return;
                }
                catch (Exception ex)
                {
                    WampInstruments.DeliveryEnded(delivery, ex);
                    _logger.EventHandlerFailed(_topic, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
