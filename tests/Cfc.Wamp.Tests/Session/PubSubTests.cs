using System.Collections.Concurrent;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class PubSubTests
{
    private static async Task<WampSubscription> SubscribeAsync(WampClient client, ScriptedTransport router, string topic, Func<WampEvent, CancellationToken, ValueTask> handler, long subscriptionId, WampMatch match = WampMatch.Exact)
    {
        Task<WampSubscription> subscribe = client.SubscribeAsync(topic, handler, new WampSubscribeOptions { Match = match });
        SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
        router.Push($"[33, {sent.RequestId}, {subscriptionId}]");
        return await subscribe.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Publish_without_acknowledge_sends_default_options_and_returns_null()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            long? id = await client.PublishAsync("com.t", TestRouter.Args("hi")).Within();
            Assert.Null(id);
            PublishMessage sent = await router.NextAsync<PublishMessage>();
            Assert.Equal("com.t", sent.Topic);
            Assert.Equal("{}", sent.Options.GetRawText());
            Assert.Equal("""["hi"]""", TestRouter.Raw(sent.Payload.Arguments));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Publish_with_acknowledge_waits_for_published_and_sends_its_options()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<long?> publish = client.PublishAsync("com.t", default, new WampPublishOptions
            {
                Acknowledge = true,
                ExcludeMe = false,
                Exclude = [11, 12],
                Eligible = [13],
                DiscloseMe = true,
            });
            PublishMessage sent = await router.NextAsync<PublishMessage>();
            Assert.Equal("""{"acknowledge":true,"exclude_me":false,"exclude":[11,12],"eligible":[13],"disclose_me":true}""", sent.Options.GetRawText());
            Assert.False(publish.IsCompleted);
            router.Push($"[17, {sent.RequestId}, 9876]");
            Assert.Equal(9876, await publish.Within());
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Acknowledged_publish_error_fails_the_publish()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<long?> publish = client.PublishAsync("com.t", default, new WampPublishOptions { Acknowledge = true });
            PublishMessage sent = await router.NextAsync<PublishMessage>();
            Assert.Equal("""{"acknowledge":true}""", sent.Options.GetRawText());
            router.Push($$"""[8, 16, {{sent.RequestId}}, {}, "wamp.error.not_authorized"]""");
            var ex = await Assert.ThrowsAsync<WampException>(() => publish.Within());
            Assert.Equal("wamp.error.not_authorized", ex.ErrorUri);
        }
    }

    [Theory(Timeout = 20000)]
    [InlineData(WampMatch.Exact, "{}")]
    [InlineData(WampMatch.Prefix, """{"match":"prefix"}""")]
    [InlineData(WampMatch.Wildcard, """{"match":"wildcard"}""")]
    public async Task Subscribe_sends_match_only_for_patterns(WampMatch match, string options)
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => default, new WampSubscribeOptions { Match = match });
            SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
            Assert.Equal(options, sent.Options.GetRawText());
            Assert.Equal("com.t", sent.Topic);
            router.Push($"[33, {sent.RequestId}, 50]");
            WampSubscription subscription = await subscribe.Within();
            Assert.Equal(50, subscription.SubscriptionId);
            Assert.Equal(match, subscription.Match);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Events_arrive_in_order_and_a_slow_handler_does_not_block_another_subscription()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var release = new TaskCompletionSource();
            var slow = new ConcurrentQueue<int>();
            var fast = new ConcurrentQueue<int>();
            await SubscribeAsync(client, router, "com.slow", async (e, ct) =>
            {
                await release.Task.WaitAsync(ct);
                slow.Enqueue(e.Payload[0].GetInt32());
            }, 1);
            await SubscribeAsync(client, router, "com.fast", (e, _) =>
            {
                fast.Enqueue(e.Payload[0].GetInt32());
                return default;
            }, 2);

            for (int i = 0; i < 20; i++)
            {
                router.Push($"[36, 1, {1000 + i}, {{}}, [{i}]]");
                router.Push($"[36, 2, {2000 + i}, {{}}, [{i}]]");
            }

            await Eventually.HoldsAsync(() => fast.Count == 20, ScriptedTransport.Wait);
            Assert.Empty(slow);
            Assert.Equal(Enumerable.Range(0, 20), fast);

            release.SetResult();
            await Eventually.HoldsAsync(() => slow.Count == 20, ScriptedTransport.Wait);
            Assert.Equal(Enumerable.Range(0, 20), slow);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Event_fields_come_from_the_message_and_pattern_events_name_the_concrete_topic()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var events = new ConcurrentQueue<WampEvent>();
            await SubscribeAsync(client, router, "com.app", (e, _) =>
            {
                events.Enqueue(e);
                return default;
            }, 7, WampMatch.Prefix);
            router.Push("""[36, 7, 31, {"topic": "com.app.news", "publisher": 5}, ["a"], {"k": 1}]""");
            router.Push("""[36, 7, 32, {}]""");
            await Eventually.HoldsAsync(() => events.Count == 2, ScriptedTransport.Wait);

            WampEvent[] all = [.. events];
            Assert.Equal("com.app.news", all[0].Topic);
            Assert.Equal(7, all[0].SubscriptionId);
            Assert.Equal(31, all[0].PublicationId);
            Assert.Equal("a", all[0].Payload[0].GetString());
            Assert.Equal(5, all[0].Details.GetProperty("publisher").GetInt32());
            Assert.Equal("com.app", all[1].Topic);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Handler_exceptions_are_swallowed_and_later_events_still_arrive()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var seen = new ConcurrentQueue<int>();
            await SubscribeAsync(client, router, "com.t", (e, _) =>
            {
                int n = e.Payload[0].GetInt32();
                seen.Enqueue(n);
                return n == 1 ? throw new InvalidOperationException("boom") : default;
            }, 3);
            router.Push("""[36, 3, 1, {}, [1]]""");
            router.Push("""[36, 3, 2, {}, [2]]""");
            await Eventually.HoldsAsync(() => seen.Count == 2, ScriptedTransport.Wait);
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Subscriptions_sharing_a_router_id_all_get_events_and_unsubscribe_goes_out_with_the_last()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            int a = 0, b = 0;
            WampSubscription first = await SubscribeAsync(client, router, "com.t", (_, _) => { Interlocked.Increment(ref a); return default; }, 77);
            WampSubscription second = await SubscribeAsync(client, router, "com.t", (_, _) => { Interlocked.Increment(ref b); return default; }, 77);

            router.Push("""[36, 77, 1, {}]""");
            await Eventually.HoldsAsync(() => Volatile.Read(ref a) == 1 && Volatile.Read(ref b) == 1, ScriptedTransport.Wait);

            await first.DisposeAsync().AsTask().Within();
            await first.Completion.Within();
            await router.AssertNothingMoreSentAsync(client);

            router.Push("""[36, 77, 2, {}]""");
            await Eventually.HoldsAsync(() => Volatile.Read(ref b) == 2, ScriptedTransport.Wait);
            Assert.Equal(1, Volatile.Read(ref a));

            ValueTask dispose = second.DisposeAsync();
            UnsubscribeMessage unsubscribe = await router.NextAsync<UnsubscribeMessage>();
            Assert.Equal(77, unsubscribe.SubscriptionId);
            router.Push($"[35, {unsubscribe.RequestId}]");
            await dispose.AsTask().Within();
            await second.Completion.Within();
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Subscription_revocation_faults_its_completion()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            WampSubscription subscription = await SubscribeAsync(client, router, "com.t", (_, _) => default, 8);
            router.Push("""[35, 0, {"subscription": 8, "reason": "wamp.error.killed"}]""");
            var ex = await Assert.ThrowsAsync<WampException>(() => subscription.Completion.Within());
            Assert.Contains("com.t", ex.Message);
            Assert.Contains("wamp.error.killed", ex.Message);
            Assert.Null(subscription.SubscriptionId);
            await subscription.DisposeAsync();
            await router.AssertNothingMoreSentAsync(client);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Event_for_an_unknown_subscription_is_ignored()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.Push("""[36, 404, 1, {}]""");
            Task<WampResult> call = client.CallAsync("com.x");
            CallMessage sent = await router.NextAsync<CallMessage>();
            router.Push($"[50, {sent.RequestId}, {{}}]");
            await call.Within();
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Cancelled_subscribe_undoes_the_router_subscription_when_it_arrives()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            using var cts = new CancellationTokenSource();
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => default, null, cts.Token);
            SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscribe.Within());

            router.Push($"[33, {sent.RequestId}, 61]");
            UnsubscribeMessage unsubscribe = await router.NextAsync<UnsubscribeMessage>();
            Assert.Equal(61, unsubscribe.SubscriptionId);
            router.Push($"[35, {unsubscribe.RequestId}]");
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }
}
