using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using static Cfc.Client.Tests.Api.ApiTestHelpers;

namespace Cfc.Client.Tests.Api;

/// <summary>Events are hot observables over one reference-counted router subscription per topic.</summary>
public sealed class EventStreamTests
{
    private const string Tick = "crossbarfabriccenter.system.on_tick";
    private static readonly WampPayload TickPayload = Payload.Args("{\"now\":\"2024-01-01T00:00:00Z\",\"tick\":1}");

    [Fact]
    public async Task Observers_share_one_subscription_and_the_last_one_out_unsubscribes()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var a = new Recorder<TickEvent>();
        var b = new Recorder<TickEvent>();

        IDisposable subA = client.System.OnTick.Subscribe(a);
        IDisposable subB = client.System.OnTick.Subscribe(b);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "one subscription");
        await peer.PublishEventAsync(Tick, TickPayload);

        Assert.Single(peer.SubscribeRequests);
        Assert.Single(a.Values);
        Assert.Single(b.Values);

        subA.Dispose();
        subA.Dispose();
        Assert.Single(peer.ActiveSubscriptions);
        await peer.PublishEventAsync(Tick, TickPayload);
        Assert.Single(a.Values);
        Assert.Equal(2, b.Values.Count);

        subB.Dispose();
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 0, "unsubscribed");

        using IDisposable again = client.System.OnTick.Subscribe(new Recorder<TickEvent>());
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscribed again");
        Assert.Equal(2, peer.SubscribeRequests.Count);
    }

    [Fact]
    public async Task An_observer_that_throws_does_not_break_the_others()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var thrower = new Recorder<TickEvent> { OnNextHook = _ => throw new InvalidOperationException("observer bug") };
        var good = new Recorder<TickEvent>();
        using IDisposable s1 = client.System.OnTick.Subscribe(thrower);
        using IDisposable s2 = client.System.OnTick.Subscribe(good);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await peer.PublishEventAsync(Tick, TickPayload);
        await peer.PublishEventAsync(Tick, TickPayload);

        Assert.Equal(2, good.Values.Count);
        Assert.Equal(2, thrower.Values.Count);
        Assert.Null(good.Error);
    }

    [Fact]
    public async Task An_undecodable_payload_is_skipped_not_an_error_and_a_field_of_another_type_is_left_null()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<NodePairedEvent>();
        using IDisposable _ = client.ManagementRealms.OnNodePaired.Subscribe(recorder);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");
        const string topic = "crossbarfabriccenter.mrealm.on_node_paired";

        await peer.PublishEventAsync(topic, Payload.Args("42"));
        await peer.PublishEventAsync(topic, Payload.Args("\"r\"", "\"n\"", "[\"not an object\"]"));
        await peer.PublishEventAsync(topic, Payload.Args("\"r\"", "\"n\"", "{\"tags\":\"not a list\"}"));
        await peer.PublishEventAsync(topic, Payload.Args("\"r\"", "\"n\"", "{}"));

        Assert.Equal(2, recorder.Values.Count);
        NodePairedEvent tolerated = recorder.Values[0];
        Assert.Equal("r", tolerated.RealmName);
        Assert.Null(tolerated.Details.Tags);
        Assert.Equal("not a list", tolerated.Details.RawJson.GetProperty("tags").GetString());
        Assert.Equal("r", recorder.Values[1].RealmName);
        Assert.Null(recorder.Error);
    }

    [Fact]
    public async Task A_subscription_lost_for_good_ends_observers_with_an_error_and_a_new_observer_resubscribes()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<TickEvent>();
        using IDisposable _ = client.System.OnTick.Subscribe(recorder);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        peer.ActiveSubscriptions[0].End(new WampException("wamp.error.not_authorized", "revoked"));
        await recorder.Ended;

        var error = Assert.IsType<CfcNotAuthorizedException>(recorder.Error);
        Assert.Contains(Tick, error.Message);

        using IDisposable again = client.System.OnTick.Subscribe(new Recorder<TickEvent>());
        await WaitUntil(() => peer.SubscribeRequests.Count == 2, "resubscribe");
    }

    [Fact]
    public async Task A_failed_subscribe_is_reported_to_the_observers()
    {
        var peer = new ScriptedWampClient { SubscribeFailure = new WampException("wamp.error.not_authorized", "no subscribe for you") };
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<TickEvent>();
        using IDisposable _ = client.System.OnTick.Subscribe(recorder);

        await recorder.Ended;

        Assert.IsType<CfcNotAuthorizedException>(recorder.Error);
    }

    [Fact]
    public async Task Disposing_the_client_completes_every_stream_and_later_observers()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        var ticks = new Recorder<TickEvent>();
        var paired = new Recorder<NodePairedEvent>();
        using IDisposable s1 = client.System.OnTick.Subscribe(ticks);
        using IDisposable s2 = client.ManagementRealms.OnNodePaired.Subscribe(paired);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 2, "subscriptions");

        await client.DisposeAsync();

        Assert.True(ticks.Completed);
        Assert.True(paired.Completed);
        Assert.Empty(peer.ActiveSubscriptions);
        Assert.True(peer.Disposed);
        var late = new Recorder<TickEvent>();
        client.System.OnTick.Subscribe(late).Dispose();
        Assert.True(late.Completed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.System.GetStatusAsync());
    }

    [Fact]
    public async Task Unsubscribing_before_the_router_answered_still_unsubscribes()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);

        client.System.OnTick.Subscribe(new Recorder<TickEvent>()).Dispose();

        await WaitUntil(() => peer.AllSubscriptions.Count == 1 && peer.AllSubscriptions[0].Completion.IsCompleted, "subscribed, then released");
        Assert.Single(peer.SubscribeRequests);
    }
}
