using System.Collections.Concurrent;
using Cfc.Wamp.Session;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Tests.Session;

public sealed class EventQueueBoundTests
{
    private static WampEvent Event(long publicationId) => new("com.t", 1, publicationId, default, WampJson.EmptyObject);

    [Fact(Timeout = 20000)]
    public async Task A_blocked_handler_keeps_only_the_newest_events_and_the_drops_are_logged()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new ConcurrentQueue<long>();
        var logger = new RecordingLogger();
        var dispatcher = new EventDispatcher("com.t", async (e, _) =>
        {
            received.Enqueue(e.PublicationId);
            if (e.PublicationId == 0)
            {
                started.TrySetResult();
                await release.Task;
            }
        }, maxQueuedEvents: 3, logger);

        dispatcher.Post(Event(0));
        await started.Task.Within();

        // The handler is blocked on event 0: 1..10 go to a queue of 3, so 1..7 are dropped, oldest first.
        for (long i = 1; i <= 10; i++)
        {
            dispatcher.Post(Event(i));
        }

        Assert.Equal(7, dispatcher.Dropped);
        release.SetResult();
        await Eventually.HoldsAsync(() => received.Count >= 4, ScriptedTransport.Wait);

        dispatcher.Stop();
        await dispatcher.Completion.Within();
        Assert.Equal([0L, 8, 9, 10], received.ToArray());

        // Logged at the first drop (then every 1,000th), with the topic and the count so far.
        (LogLevel level, string message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("com.t", message, StringComparison.Ordinal);
        Assert.Contains("1 dropped so far", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxQueuedEvents_defaults_to_ten_thousand_and_must_be_positive()
    {
        Assert.Equal(10_000, new WampSubscribeOptions().MaxQueuedEvents);
        Assert.Equal(5, new WampSubscribeOptions { MaxQueuedEvents = 5 }.MaxQueuedEvents);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WampSubscribeOptions { MaxQueuedEvents = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WampSubscribeOptions { MaxQueuedEvents = -1 });
    }

    [Fact(Timeout = 20000)]
    public async Task The_subscribe_option_bounds_the_subscription_queue()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var received = new ConcurrentQueue<long>();
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", async (e, _) =>
            {
                received.Enqueue(e.PublicationId);
                started.TrySetResult();
                await release.Task;
            }, new WampSubscribeOptions { MaxQueuedEvents = 1 });
            Messages.SubscribeMessage sent = await router.NextAsync<Messages.SubscribeMessage>();
            router.Push($"[33, {sent.RequestId}, 77]");
            await using WampSubscription subscription = await subscribe.Within();

            router.Push("[36, 77, 100, {}]");
            await started.Task.Within();
            router.Push("[36, 77, 101, {}]");
            router.Push("[36, 77, 102, {}]");
            router.Push("[36, 77, 103, {}]");

            // The reader loop is not blocked: a call made after the flood is answered while the handler still waits.
            Task<WampResult> call = client.CallAsync("com.p", default);
            Messages.CallMessage callSent = await router.NextAsync<Messages.CallMessage>();
            router.Push($"[50, {callSent.RequestId}, {{}}]");
            await call.Within();

            release.SetResult();
            await Eventually.HoldsAsync(() => received.Count >= 2, ScriptedTransport.Wait);

            // A last event after the drain: events are handled in order, so once it is in, nothing else is on its way.
            router.Push("[36, 77, 104, {}]");
            await Eventually.HoldsAsync(() => received.Count >= 3, ScriptedTransport.Wait);

            Assert.Equal([100L, 103, 104], received.ToArray());
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel, string)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
