using System.Collections.Concurrent;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class SessionFixTests
{
    [Fact(Timeout = 20000)]
    public async Task A_subscribe_that_overtakes_the_last_unsubscribe_of_its_topic_is_subscribed_again()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using WampClient _ = client;
        Task<WampSubscription> subscribe1 = client.SubscribeAsync("com.app.t", (_, _) => default);
        router.Push($"[33, {(await router.NextAsync<SubscribeMessage>()).RequestId}, 10]");
        WampSubscription first = await subscribe1.Within();

        var events = new ConcurrentQueue<long>();
        Task<WampSubscription> subscribe2 = client.SubscribeAsync("com.app.t", (e, _) =>
        {
            events.Enqueue(e.PublicationId);
            return default;
        });
        SubscribeMessage second = await router.NextAsync<SubscribeMessage>();
        Task dispose = first.DisposeAsync().AsTask();
        UnsubscribeMessage unsubscribe = await router.NextAsync<UnsubscribeMessage>();
        Assert.Equal(10, unsubscribe.SubscriptionId);

        // The router handled SUBSCRIBE first (same session, same topic: the same id 10), then the UNSUBSCRIBE.
        router.Push($"[33, {second.RequestId}, 10]");
        WampSubscription survivor = await subscribe2.Within();
        router.Push($"[35, {unsubscribe.RequestId}]");
        await dispose.Within();

        // The client notices that id 10 is gone under the new subscription and subscribes again.
        SubscribeMessage again = await router.NextAsync<SubscribeMessage>();
        Assert.Equal("com.app.t", again.Topic);
        router.Push($"[33, {again.RequestId}, 11]");
        await Eventually.HoldsAsync(() => survivor.SubscriptionId == 11, ScriptedTransport.Wait);
        router.Push("""[36, 11, 99, {}]""");
        await Eventually.HoldsAsync(() => events.Contains(99), ScriptedTransport.Wait);
        Assert.False(survivor.Completion.IsCompleted);
    }

    [Fact(Timeout = 20000)]
    public async Task Cancelled_and_timed_out_calls_leave_the_pending_table_and_their_late_answers_are_dropped()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using WampClient _ = client;

        using var cts = new CancellationTokenSource();
        Task<WampResult> cancelled = client.CallAsync("com.app.slow", default, null, cts.Token);
        CallMessage call1 = await router.NextAsync<CallMessage>();
        Task<WampResult> timedOut = client.CallAsync("com.app.slow", default, new WampCallOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        CallMessage call2 = await router.NextAsync<CallMessage>();
        Assert.Equal(2, client.PendingRequestCount);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Within());
        await Assert.ThrowsAsync<WampTimeoutException>(() => timedOut.Within());
        Assert.Equal(0, client.PendingRequestCount);
        CancelMessage[] cancels = [await router.NextAsync<CancelMessage>(), await router.NextAsync<CancelMessage>()];
        Assert.Equal([call1.RequestId, call2.RequestId], cancels.Select(c => c.RequestId).Order());

        // The router answers late: a RESULT and an ERROR for ids we gave up on are no protocol violation.
        router.Push($"[50, {call1.RequestId}, {{}}, [1]]");
        router.Push($$"""[8, 48, {{call2.RequestId}}, {}, "wamp.error.canceled"]""");
        Task<WampResult> next = client.CallAsync("com.app.fast");
        CallMessage call3 = await router.NextAsync<CallMessage>();
        router.Push($"[50, {call3.RequestId}, {{}}, [3]]");
        Assert.Equal(3, (await next.Within()).Payload[0].GetInt32());
        Assert.Equal(WampConnectionState.Connected, client.State);
        Assert.Equal(0, client.PendingRequestCount);
    }
}
