using Cfc.Wamp.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Wamp.Tests.Session;

/// <summary>
/// The per-subscription pump: it delivers what is queued without waiting between events and is woken only when it
/// found the queue empty. Every event is delivered once, in the order it was posted, however posts and deliveries meet.
/// </summary>
public sealed class EventDispatcherTests
{
    private static WampEvent Event(long publicationId) => new("com.t", 1, publicationId, default, WampJson.EmptyObject);

    [Fact(Timeout = 20000)]
    public async Task A_burst_of_events_reaches_the_handler_once_each_and_in_order()
    {
        const int Events = 20_000;
        var received = new List<long>(Events);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new EventDispatcher("com.t", async (e, _) =>
        {
            received.Add(e.PublicationId);
            if (e.PublicationId % 1000 == 0)
            {
                // Now and then the handler really waits, so that the pump goes idle and posts pile up meanwhile.
                await Task.Yield();
            }

            if (received.Count == Events)
            {
                all.TrySetResult();
            }
        }, maxQueuedEvents: Events, NullLogger.Instance);

        for (long i = 0; i < Events; i++)
        {
            dispatcher.Post(Event(i));
        }

        await all.Task.Within();
        dispatcher.Stop();
        await dispatcher.Completion.Within();
        Assert.Equal(0, dispatcher.Dropped);
        Assert.Equal(Enumerable.Range(0, Events).Select(i => (long)i), received);
    }

    [Fact(Timeout = 20000)]
    public async Task An_idle_pump_is_woken_by_each_new_event()
    {
        var delivered = new SemaphoreSlim(0);
        var received = new List<long>();
        var dispatcher = new EventDispatcher("com.t", (e, _) =>
        {
            received.Add(e.PublicationId);
            delivered.Release();
            return ValueTask.CompletedTask;
        }, maxQueuedEvents: 10, NullLogger.Instance);

        // One at a time: each post finds the pump waiting on an empty queue.
        for (long i = 0; i < 200; i++)
        {
            dispatcher.Post(Event(i));
            Assert.True(await delivered.WaitAsync(ScriptedTransport.Wait));
        }

        dispatcher.Stop();
        await dispatcher.Completion.Within();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), received);
    }

    [Fact(Timeout = 20000)]
    public async Task Events_posted_from_two_threads_are_each_delivered_once()
    {
        const int PerThread = 5_000;
        int count = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        var dispatcher = new EventDispatcher("com.t", (e, _) =>
        {
            Assert.True(seen.TryAdd(e.PublicationId, true));
            if (Interlocked.Increment(ref count) == 2 * PerThread)
            {
                all.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, maxQueuedEvents: 2 * PerThread, NullLogger.Instance);

        await Task.WhenAll(
            Task.Run(() => { for (long i = 0; i < PerThread; i++) { dispatcher.Post(Event(i)); } }),
            Task.Run(() => { for (long i = PerThread; i < 2 * PerThread; i++) { dispatcher.Post(Event(i)); } }));

        await all.Task.Within();
        dispatcher.Stop();
        await dispatcher.Completion.Within();
        Assert.Equal(2 * PerThread, seen.Count);
    }
}
