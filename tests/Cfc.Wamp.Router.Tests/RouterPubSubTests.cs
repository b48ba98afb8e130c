using System.Text.Json;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterPubSubTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Publish_reaches_subscribers_but_not_the_publisher_by_default(bool webSocket)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        long subscription = await subscriber.SubscribeAsync("com.example.topic");
        await publisher.SubscribeAsync("com.example.topic");

        await publisher.SendAsync("""[16,10,{},"com.example.topic",["hello"],{"n":1}]""");

        JsonElement ev = await subscriber.ExpectAsync(36);
        Assert.Equal(subscription, ev[1].GetInt64());
        Assert.InRange(ev[2].GetInt64(), 1, 9007199254740992L);
        Assert.False(ev[3].TryGetProperty("topic", out _));
        Assert.Equal("hello", ev[4][0].GetString());
        Assert.Equal(1, ev[5].GetProperty("n").GetInt32());
        await publisher.ExpectNothingAsync();
    }

    [Fact]
    public async Task Exclude_me_false_delivers_to_the_publisher_too()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer peer = await bed.JoinAsync();
        await peer.SubscribeAsync("com.example.topic");

        await peer.SendAsync("""[16,10,{"exclude_me":false},"com.example.topic"]""");

        await peer.ExpectAsync(36);
    }

    [Fact]
    public async Task Acknowledge_returns_published_with_the_events_publication_id()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        await subscriber.SubscribeAsync("com.example.topic");

        await publisher.SendAsync("""[16,10,{"acknowledge":true},"com.example.topic"]""");

        JsonElement published = await publisher.ExpectAsync(17);
        Assert.Equal(10, published[1].GetInt64());
        Assert.Equal(published[2].GetInt64(), (await subscriber.ExpectAsync(36))[2].GetInt64());

        await publisher.SendAsync("""[16,11,{"acknowledge":true},"bad topic"]""");
        JsonElement error = await publisher.ExpectAsync(8);
        Assert.Equal(16, error[1].GetInt32());
        Assert.Equal("wamp.error.invalid_uri", error[4].GetString());
        await publisher.SendAsync("""[16,12,{"acknowledge":true},"wamp.session.on_join"]""");
        Assert.Equal("wamp.error.invalid_uri", (await publisher.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Subscribers_of_the_same_topic_share_one_subscription_id()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();

        long sa = await a.SubscribeAsync("com.example.topic");
        long sb = await b.SubscribeAsync("com.example.topic");
        long prefix = await b.SubscribeAsync("com.example.topic", """{"match":"prefix"}""");

        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, prefix);
    }

    [Fact]
    public async Task Prefix_and_wildcard_subscriptions_get_the_concrete_topic_once_each()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        long exact = await subscriber.SubscribeAsync("com.example.a.event");
        long prefix = await subscriber.SubscribeAsync("com.example.a", """{"match":"prefix"}""");
        long wildcard = await subscriber.SubscribeAsync("com.example..event", """{"match":"wildcard"}""");

        await publisher.SendAsync("""[16,1,{},"com.example.a.event"]""");

        var seen = new Dictionary<long, JsonElement>();
        for (int i = 0; i < 3; i++)
        {
            JsonElement ev = await subscriber.ExpectAsync(36);
            seen[ev[1].GetInt64()] = ev;
        }

        Assert.Equal(3, seen.Count);
        Assert.False(seen[exact][3].TryGetProperty("topic", out _));
        Assert.Equal("com.example.a.event", seen[prefix][3].GetProperty("topic").GetString());
        Assert.Equal("com.example.a.event", seen[wildcard][3].GetProperty("topic").GetString());
        Assert.Single(seen.Values.Select(e => e[2].GetInt64()).Distinct());

        await publisher.SendAsync("""[16,2,{},"com.example.b.x.event"]""");
        await publisher.SyncAsync();
        await subscriber.ExpectNothingAsync();
        await publisher.SendAsync("""[16,3,{},"com.example.ab"]""");
        Assert.Equal(prefix, (await subscriber.ExpectAsync(36))[1].GetInt64());
    }

    [Fact]
    public async Task Exclude_and_eligible_lists_filter_receivers()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();
        await a.SubscribeAsync("com.example.topic");
        await b.SubscribeAsync("com.example.topic");

        await publisher.SendAsync($$"""[16,1,{"exclude":[{{a.SessionId}}]},"com.example.topic",["x"]]""");
        Assert.Equal("x", (await b.ExpectAsync(36))[4][0].GetString());
        await a.ExpectNothingAsync();

        await publisher.SendAsync($$"""[16,2,{"eligible":[{{a.SessionId}}]},"com.example.topic",["y"]]""");
        Assert.Equal("y", (await a.ExpectAsync(36))[4][0].GetString());
        await b.ExpectNothingAsync();

        await publisher.SendAsync("""[16,3,{"exclude_authrole":["anonymous"]},"com.example.topic"]""");
        await publisher.SyncAsync();
        await a.ExpectNothingAsync();
        await b.ExpectNothingAsync();
    }

    [Fact]
    public async Task Disclose_me_reveals_the_publisher()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        await subscriber.SubscribeAsync("com.example.topic");

        await publisher.SendAsync("""[16,1,{"disclose_me":true},"com.example.topic"]""");

        JsonElement details = (await subscriber.ExpectAsync(36))[3];
        Assert.Equal(publisher.SessionId, details.GetProperty("publisher").GetInt64());
        Assert.Equal("anonymous", details.GetProperty("publisher_authrole").GetString());
    }

    [Fact]
    public async Task Unsubscribe_stops_events_and_unknown_ids_fail()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        long subscription = await subscriber.SubscribeAsync("com.example.topic");

        await subscriber.SendAsync($$"""[34,50,{{subscription}}]""");
        Assert.Equal(50, (await subscriber.ExpectAsync(35))[1].GetInt64());
        await subscriber.SendAsync($$"""[34,51,{{subscription}}]""");
        JsonElement error = await subscriber.ExpectAsync(8);
        Assert.Equal(34, error[1].GetInt32());
        Assert.Equal("wamp.error.no_such_subscription", error[4].GetString());

        await publisher.SendAsync("""[16,1,{"acknowledge":true},"com.example.topic"]""");
        await publisher.ExpectAsync(17);
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Events_arrive_in_publication_order()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(true);
        RawPeer publisher = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        await subscriber.SubscribeAsync("com.example.seq");

        for (int i = 0; i < 200; i++)
        {
            await publisher.SendAsync($$"""[16,{{i + 1}},{},"com.example.seq",[{{i}}]]""");
        }

        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(i, (await subscriber.ExpectAsync(36))[4][0].GetInt32());
        }
    }

    [Fact]
    public async Task A_disconnected_subscriber_is_dropped_from_its_subscriptions()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer observer = await bed.JoinAsync();
        RawPeer subscriber = await bed.JoinAsync();
        long subscription = await subscriber.SubscribeAsync("com.example.topic");
        long metaSub = await observer.SubscribeAsync("wamp.subscription.on_delete");

        await subscriber.DisposeAsync();

        JsonElement ev = await observer.ExpectAsync(36);
        Assert.Equal(metaSub, ev[1].GetInt64());
        Assert.Equal(subscription, ev[4][1].GetInt64());
        await observer.CallAsync("wamp.subscription.lookup", payload: """["com.example.topic"]""");
        Assert.Equal(JsonValueKind.Null, (await observer.ExpectAsync(50))[3][0].ValueKind);
    }
}
