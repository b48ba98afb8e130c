using System.Text.Json;
using System.Threading.Channels;
using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>Publish and subscribe between our client and autobahn-js (publisher.js, subscriber.js) through fox-wamp.</summary>
[Collection(FoxWampCollection.Name)]
public sealed class PubSubInteropTests(FoxWampRouterFixture router)
{
    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Autobahn_js_receives_what_we_publish()
    {
        string topic = router.NewPrefix() + "news";
        await using PeerProcess subscriber = router.StartPeer("subscriber.js", "--topic", topic);
        await subscriber.ExpectAsync("ready");
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        long? id = await client.PublishAsync(topic, Json.Payload("""["first",{"n":[1,2]}]""", """{"flag":true}"""), new WampPublishOptions { Acknowledge = true }, cts.Token);
        await client.PublishAsync(topic, Json.Payload("""["second",2]"""), new WampPublishOptions { Acknowledge = true }, cts.Token);

        Assert.NotNull(id);
        JsonElement first = await subscriber.ExpectAsync("event");
        Json.Equal("""["first",{"n":[1,2]}]""", first.GetProperty("args"));
        Json.Equal("""{"flag":true}""", first.GetProperty("kwargs"));
        Assert.Equal(topic, first.GetProperty("topic").GetString());
        Json.Equal("""["second",2]""", (await subscriber.ExpectAsync("event")).GetProperty("args"));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task We_receive_what_autobahn_js_publishes_in_order()
    {
        string topic = router.NewPrefix() + "ticks";
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        var events = Channel.CreateUnbounded<WampEvent>();
        await using WampSubscription subscription = await client.SubscribeAsync(
            topic,
            (e, _) =>
            {
                events.Writer.TryWrite(e);
                return ValueTask.CompletedTask;
            },
            cancellationToken: cts.Token);

        await using PeerProcess publisher = router.StartPeer("publisher.js", "--topic", topic, "--args", """["tick"]""", "--kwargs", """{"src":"js"}""", "--count", "5");
        Assert.Equal(5, (await publisher.ExpectAsync("published")).GetInt32());

        for (int i = 0; i < 5; i++)
        {
            WampEvent e = await events.Reader.ReadAsync(cts.Token);
            Assert.Equal(topic, e.Topic);
            Assert.Equal(subscription.SubscriptionId, e.SubscriptionId);
            Json.Equal($"""["tick",{i}]""", e.Payload.Arguments);
            Json.Equal("""{"src":"js"}""", e.Payload.ArgumentsKeywords);
        }
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Event_without_payload_arrives_despite_fox_wamps_nulls()
    {
        string prefix = router.NewPrefix();
        string topic = prefix + "bare";
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        var events = Channel.CreateUnbounded<WampEvent>();
        await using WampSubscription subscription = await client.SubscribeAsync(
            topic,
            (e, _) =>
            {
                events.Writer.TryWrite(e);
                return ValueTask.CompletedTask;
            },
            cancellationToken: cts.Token);

        // The autobahn-js callee publishes [] / {} on our request; fox-wamp forwards it as EVENT [..., null, null].
        await client.CallAsync(prefix + "publish", Json.Payload($$"""["{{topic}}",[],{}]"""), cancellationToken: cts.Token);

        WampEvent bare = await events.Reader.ReadAsync(cts.Token);
        Assert.Equal(0, bare.Payload.Count);
        Assert.True(Json.IsEmptyObject(bare.Payload.ArgumentsKeywords), bare.Payload.ToString());
    }
}
