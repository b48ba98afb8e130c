using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// Delivers one subscription's events to its handler, one at a time and in order, on its own task: the
/// reader loop only enqueues, so a slow handler delays neither the reader nor other subscriptions.
/// The queue is bounded (<see cref="WampSubscribeOptions.MaxQueuedEvents"/>): when it is full the oldest event is
/// dropped, so the reader never waits and memory stays bounded. Handler exceptions are logged and swallowed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stop source is only cancelled (no timer); a handler may still observe its token after the stop.")]
internal sealed class EventDispatcher
{
    // Drops are logged at the first and then every 1,000th, so an overloaded handler does not also flood the log.
    private const long DropLogInterval = 1000;

    private readonly Channel<WampEvent> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<WampEvent, CancellationToken, ValueTask> _handler;
    private readonly string _topic;
    private readonly ILogger _logger;
    private long _dropped;

    public EventDispatcher(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, int maxQueuedEvents, ILogger logger)
    {
        _queue = Channel.CreateBounded<WampEvent>(
            new BoundedChannelOptions(maxQueuedEvents) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            OnDropped);
        _topic = topic;
        _handler = handler;
        _logger = logger;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Completes when the pump has stopped.</summary>
    public Task Completion { get; }

    /// <summary>The number of events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the event; never waits (a full queue drops its oldest event).</summary>
    /// <param name="event">The event.</param>
    public void Post(WampEvent @event)
    {
        WampInstruments.EventReceived(_topic);
        _queue.Writer.TryWrite(@event);
    }

    /// <summary>Stops delivery: queued events are dropped and a running handler sees its token cancelled.</summary>
    public void Stop()
    {
        if (_queue.Writer.TryComplete())
        {
            // Asynchronously: this may run on the reader loop, and the handler's cancellation callbacks are user code.
            _ = _stop.CancelAsync();
        }
    }

    private void OnDropped(WampEvent dropped)
    {
        long count = Interlocked.Increment(ref _dropped);
        WampInstruments.EventDropped(_topic);
        if (count == 1 || count % DropLogInterval == 0)
        {
            _logger.EventQueueOverflow(_topic, count);
        }
    }

    private async Task PumpAsync()
    {
        ChannelReader<WampEvent> reader = _queue.Reader;
        CancellationToken stop = _stop.Token;
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (!stop.IsCancellationRequested && reader.TryRead(out WampEvent? @event))
                {
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
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
