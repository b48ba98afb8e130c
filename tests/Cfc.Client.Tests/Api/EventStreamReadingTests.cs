using Cfc.Client.Testing;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using static Cfc.Client.Tests.Api.ApiTestHelpers;

namespace Cfc.Client.Tests.Api;

/// <summary>
/// Reading a <see cref="CfcEventStream{T}"/>: <c>SubscribeAsync()</c> returns once the router subscription is in place,
/// <c>ReadAllAsync</c> yields the events in order from a queue bounded like <see cref="CfcClientOptions.EventQueue"/>
/// (the oldest dropped when a reader falls behind), cancellation and disposal end the reading, and the last
/// subscriber to leave unsubscribes on the router.
/// </summary>
public sealed class EventStreamReadingTests
{
    private const string Tick = "crossbarfabriccenter.system.on_tick";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SubscribeAsync_returns_once_the_router_subscription_is_in_place_so_the_next_event_is_read()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync();
        using var key = CryptosignKey.Generate();
        fake.AddUser("alice@example.com", key.PublicKeyHex);
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = CfcRealms.Global,
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
        });
        using var timeout = new CancellationTokenSource(Wait);

        for (int i = 0; i < 10; i++)
        {
            // Each round makes a new router subscription (the previous round's left), then acts at once.
            string realm = $"reader-{i}";
            await using CfcEventSubscription<RealmCreatedEvent> created = await client.ManagementRealms.OnRealmCreated.SubscribeAsync(timeout.Token);
            await client.ManagementRealms.CreateRealmAsync(realm, timeout.Token);

            RealmCreatedEvent first = await FirstAsync(created.ReadAllAsync(timeout.Token));
            Assert.Equal(realm, first.RealmName);
        }
    }

    [Fact]
    public async Task SubscribeAsync_has_subscribed_on_the_router_when_it_returns()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);

        await using CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);

        Assert.Equal([Tick], peer.ActiveSubscriptions.Select(s => s.Topic));
    }

    [Fact]
    public async Task ReadAllAsync_yields_the_events_in_the_order_they_were_published()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);

        for (int i = 1; i <= 200; i++)
        {
            await peer.PublishEventAsync(Tick, TickPayload(i));
        }

        await ticks.DisposeAsync();   // reading ends after the events queued before
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), await ToListAsync(ticks.ReadAllAsync(), t => t.Tick!.Value));
        Assert.Equal(0, ticks.Dropped);
    }

    [Fact]
    public async Task A_reader_that_falls_behind_loses_the_oldest_events_first_at_the_EventQueue_count_bound()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = await ConnectAsync(peer, new WampSubscribeOptions { MaxQueuedEvents = 3 });
        CfcEventSubscription<TickEvent> slow = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);
        var fast = new Recorder<TickEvent>();
        using IDisposable observer = client.System.OnTick.Subscribe(fast);

        for (int i = 1; i <= 10; i++)
        {
            await peer.PublishEventAsync(Tick, TickPayload(i));
        }

        // The slow reader keeps the newest 3; an observer of the same stream got all 10 (a reader never holds up the others).
        await slow.DisposeAsync();
        Assert.Equal([8L, 9L, 10L], await ToListAsync(slow.ReadAllAsync(), t => t.Tick!.Value));
        Assert.Equal(7, slow.Dropped);
        Assert.Equal(10, fast.Values.Count);
    }

    [Fact]
    public async Task A_reader_that_falls_behind_loses_the_oldest_events_first_at_the_EventQueue_byte_bound()
    {
        long size = new WampEvent(Tick, 1, 2, TickPayload(1), WampJson.EmptyObject).JsonSize;
        var peer = new ScriptedWampClient();
        await using CfcClient client = await ConnectAsync(peer, new WampSubscribeOptions { MaxQueuedEventBytes = (2 * size) + (size / 2) });
        CfcEventSubscription<TickEvent> slow = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);

        for (int i = 1; i <= 5; i++)
        {
            await peer.PublishEventAsync(Tick, TickPayload(i));
        }

        await slow.DisposeAsync();
        Assert.Equal([4L, 5L], await ToListAsync(slow.ReadAllAsync(), t => t.Tick!.Value));
        Assert.Equal(3, slow.Dropped);
    }

    [Fact]
    public async Task An_event_larger_than_the_whole_byte_bound_is_still_read_when_nothing_else_waits()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = await ConnectAsync(peer, new WampSubscribeOptions { MaxQueuedEventBytes = 1 });
        CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);

        await peer.PublishEventAsync(Tick, TickPayload(1));
        Assert.Equal(1L, (await FirstAsync(ticks.ReadAllAsync())).Tick);
        await peer.PublishEventAsync(Tick, TickPayload(2));
        await peer.PublishEventAsync(Tick, TickPayload(3));

        await ticks.DisposeAsync();
        Assert.Equal([3L], await ToListAsync(ticks.ReadAllAsync(), t => t.Tick!.Value));
    }

    [Fact]
    public async Task Cancelling_the_streams_ReadAllAsync_ends_the_enumeration_and_unsubscribes()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();

        Task reading = Task.Run(async () =>
        {
            await foreach (TickEvent t in client.System.OnTick.ReadAllAsync(stop.Token))
            {
                seen.Add(t.Tick!.Value);
                if (seen.Count == 2)
                {
                    await stop.CancelAsync();
                }
            }
        });
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "the reader's router subscription");
        await peer.PublishEventAsync(Tick, TickPayload(1));
        await peer.PublishEventAsync(Tick, TickPayload(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(Wait));
        Assert.Equal([1L, 2L], seen);
        Assert.Empty(peer.ActiveSubscriptions);
    }

    [Fact]
    public async Task Cancelling_a_subscriptions_ReadAllAsync_ends_that_enumeration_but_keeps_the_subscription()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        await using CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FirstAsync(ticks.ReadAllAsync(cancelled.Token)));

        Assert.Single(peer.ActiveSubscriptions);
        await peer.PublishEventAsync(Tick, TickPayload(5));
        Assert.Equal(5L, (await FirstAsync(ticks.ReadAllAsync())).Tick);
    }

    [Fact]
    public async Task A_subscription_lost_for_good_ends_reading_with_the_mapped_error_after_the_queued_events()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        await using CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);
        await peer.PublishEventAsync(Tick, TickPayload(1));

        peer.ActiveSubscriptions[0].End(new WampException("wamp.error.not_authorized", "revoked"));

        var seen = new List<long>();
        await Assert.ThrowsAsync<CfcNotAuthorizedException>(async () =>
        {
            await foreach (TickEvent t in ticks.ReadAllAsync().WithCancellation(CancellationToken.None))
            {
                seen.Add(t.Tick!.Value);
            }
        }).WaitAsync(Wait);
        Assert.Equal([1L], seen);
    }

    [Fact]
    public async Task Disposing_the_client_ends_reading()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        CfcEventSubscription<TickEvent> ticks = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);
        Task<List<long>> reading = ToListAsync(ticks.ReadAllAsync(), t => t.Tick!.Value);

        await client.DisposeAsync();

        Assert.Empty(await reading.WaitAsync(Wait));
        await ticks.DisposeAsync();
    }

    [Fact]
    public async Task Disposal_unsubscribes_on_the_router_only_when_the_last_subscriber_of_the_topic_leaves()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        CfcEventSubscription<TickEvent> reader = await client.System.OnTick.SubscribeAsync().WaitAsync(Wait);
        CfcEventSubscription observer = await client.System.OnTick.SubscribeAsync(_ => { }).WaitAsync(Wait);
        CfcEventSubscription filtered = await client.System.OnTick.Where(t => t.Tick > 100).SubscribeAsync(_ => { }).WaitAsync(Wait);

        Assert.Equal([Tick], peer.SubscribeRequests);   // one router subscription, shared
        await reader.DisposeAsync();
        await observer.DisposeAsync();
        Assert.Single(peer.ActiveSubscriptions);

        // The last one: DisposeAsync returns when the router subscription is gone.
        await filtered.DisposeAsync();
        Assert.Empty(peer.ActiveSubscriptions);

        // Disposing again does nothing more; a new subscriber subscribes anew.
        await filtered.DisposeAsync();
        await using CfcEventSubscription again = await client.System.OnTick.SubscribeAsync(_ => { }).WaitAsync(Wait);
        Assert.Equal([Tick, Tick], peer.SubscribeRequests);
    }

    [Fact]
    public async Task Where_and_Select_keep_the_in_place_guarantee_and_share_the_topics_subscription()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        using IDisposable all = client.System.OnTick.Subscribe(_ => { });

        CfcEventStream<long> evenTicks = client.System.OnTick.Where(t => t.Tick % 2 == 0).Select(t => t.Tick!.Value);
        CfcEventSubscription<long> even = await evenTicks.SubscribeAsync().WaitAsync(Wait);
        Assert.Single(peer.ActiveSubscriptions);

        for (int i = 1; i <= 6; i++)
        {
            await peer.PublishEventAsync(Tick, TickPayload(i));
        }

        await even.DisposeAsync();
        Assert.Equal([2L, 4L, 6L], await ToListAsync(even.ReadAllAsync(), v => v));
        Assert.Equal([Tick], peer.SubscribeRequests);
    }

    [Fact]
    public async Task StateChanges_is_read_the_same_way()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        CfcEventSubscription<CfcConnectionState> states = await client.StateChanges.SubscribeAsync().WaitAsync(Wait);

        peer.SetState(WampConnectionState.Reconnecting);
        peer.SetState(WampConnectionState.Connected);

        await states.DisposeAsync();
        Assert.Equal([CfcConnectionState.Reconnecting, CfcConnectionState.Connected], await ToListAsync(states.ReadAllAsync(), s => s));
    }

    [Fact]
    public async Task An_event_the_servers_api_lacks_is_refused_by_SubscribeAsync_before_anything_is_sent()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer, CfcUriScheme.Fabric);

        await Assert.ThrowsAsync<CfcNotSupportedException>(() => client.Fleet.OnNodeReady.SubscribeAsync());
        await Assert.ThrowsAsync<CfcNotSupportedException>(() => FirstAsync(client.Fleet.OnNodeReady.ReadAllAsync()));
        Assert.Empty(peer.SubscribeRequests);
    }

    private static WampPayload TickPayload(int tick) => Payload.Args($"{{\"now\":\"2024-01-01T00:00:00Z\",\"tick\":{tick}}}");

    private static Task<CfcClient> ConnectAsync(ScriptedWampClient peer, WampSubscribeOptions eventQueue) =>
        CfcClient.ConnectAsync(
            new CfcClientOptions { Url = new Uri("ws://127.0.0.1:9000/ws"), UriScheme = CfcUriScheme.Fabric, EventQueue = eventQueue },
            (_, _) => Task.FromResult<IWampClient>(peer),
            CancellationToken.None);

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> source)
    {
        await foreach (T item in source)
        {
            return item;
        }

        throw new InvalidOperationException("The stream ended without an element.");
    }

    private static async Task<List<TResult>> ToListAsync<T, TResult>(IAsyncEnumerable<T> source, Func<T, TResult> select)
    {
        var list = new List<TResult>();
        await foreach (T item in source)
        {
            list.Add(select(item));
        }

        return list;
    }
}
