using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

/// <summary>
/// <see cref="WampEventReading.ReadEventsAsync"/>: <c>await foreach</c> over a topic subscribes when the enumeration
/// starts, yields the events in order, and unsubscribes when it ends (by cancellation or by breaking out).
/// </summary>
public sealed class EventReadingTests
{
    [Fact(Timeout = 20000)]
    public async Task Reading_a_topic_yields_its_events_in_order_and_cancellation_ends_it_with_an_unsubscribe()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            using var stop = new CancellationTokenSource();
            var seen = new List<int>();
            Task reading = Task.Run(async () =>
            {
                await foreach (WampEvent e in client.ReadEventsAsync("com.t", cancellationToken: stop.Token))
                {
                    seen.Add(e.Payload[0].GetInt32());
                    if (seen.Count == 3)
                    {
                        await stop.CancelAsync();
                    }
                }
            });

            SubscribeMessage subscribe = await router.NextAsync<SubscribeMessage>();
            Assert.Equal("com.t", subscribe.Topic);
            router.Push($"[33, {subscribe.RequestId}, 5]");
            for (int i = 1; i <= 3; i++)
            {
                router.Push($"[36, 5, {i}, {{}}, [{i}]]");
            }

            UnsubscribeMessage unsubscribe = await router.NextAsync<UnsubscribeMessage>();
            Assert.Equal(5, unsubscribe.SubscriptionId);
            router.Push($"[35, {unsubscribe.RequestId}]");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.Within());
            Assert.Equal([1, 2, 3], seen);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Reading_ends_with_the_routers_refusal()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task reading = Task.Run(async () =>
            {
                await foreach (WampEvent _ in client.ReadEventsAsync("com.t"))
                {
                }
            });

            SubscribeMessage subscribe = await router.NextAsync<SubscribeMessage>();
            router.Push($$"""[8, 32, {{subscribe.RequestId}}, {}, "wamp.error.not_authorized"]""");

            WampException e = await Assert.ThrowsAnyAsync<WampException>(() => reading.Within());
            Assert.Equal("wamp.error.not_authorized", e.ErrorUri);
        }
    }
}
