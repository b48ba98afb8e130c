using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// Delivers one subscription's events to its handler, one at a time and in order, on its own task: the
/// reader loop only enqueues, so a slow handler delays neither the reader nor other subscriptions.
/// Handler exceptions are logged and swallowed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stop source is only cancelled (no timer); a handler may still observe its token after the stop.")]
internal sealed class EventDispatcher
{
    private readonly Channel<WampEvent> _queue = Channel.CreateUnbounded<WampEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<WampEvent, CancellationToken, ValueTask> _handler;
    private readonly string _topic;
    private readonly ILogger _logger;

    public EventDispatcher(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, ILogger logger)
    {
        _topic = topic;
        _handler = handler;
        _logger = logger;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Completes when the pump has stopped.</summary>
    public Task Completion { get; }

    public void Post(WampEvent @event) => _queue.Writer.TryWrite(@event);

    /// <summary>Stops delivery: queued events are dropped and a running handler sees its token cancelled.</summary>
    public void Stop()
    {
        if (_queue.Writer.TryComplete())
        {
            // Asynchronously: this may run on the reader loop, and the handler's cancellation callbacks are user code.
            _ = _stop.CancelAsync();
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
                    try
                    {
                        await _handler(@event, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
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
