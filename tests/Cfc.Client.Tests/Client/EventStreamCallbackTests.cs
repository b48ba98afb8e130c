using Cfc.Client.Testing;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using static Cfc.Client.Tests.Api.ApiTestHelpers;

namespace Cfc.Client.Tests.Client;

/// <summary>
/// Subscribing to a <see cref="CfcEventStream{T}"/> with callbacks: the lambda <c>Subscribe</c> (returns at once) and
/// the awaitable <c>SubscribeAsync</c> (returns once the router subscription is in place).
/// </summary>
public sealed class EventStreamCallbackTests
{
    private const string Tick = "crossbarfabriccenter.system.on_tick";
    private static readonly WampPayload TickPayload = Payload.Args("{\"now\":\"2024-01-01T00:00:00Z\",\"tick\":7}");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Lambda_subscribe_gets_events_and_the_error_that_ends_the_stream()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var ticks = new List<long>();
        var error = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);

        using IDisposable subscription = client.System.OnTick.Subscribe(t => ticks.Add(t.Tick!.Value), error.SetResult);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");
        await peer.PublishEventAsync(Tick, TickPayload);
        Assert.Equal([7L], ticks);

        peer.ActiveSubscriptions[0].End(new WampException("wamp.error.not_authorized", "revoked"));
        Exception e = await error.Task.WaitAsync(Wait);
        Assert.IsType<CfcNotAuthorizedException>(e);
    }

    [Fact]
    public async Task Lambda_subscribe_ends_when_its_token_is_cancelled()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        using var stop = new CancellationTokenSource();
        var ticks = new List<long>();

        using IDisposable subscription = client.System.OnTick.Subscribe(t => ticks.Add(t.Tick!.Value), cancellationToken: stop.Token);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");
        await stop.CancelAsync();
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 0, "unsubscribe after the token was cancelled");
        Assert.Empty(ticks);
    }

    [Fact]
    public async Task Lambda_subscribe_gets_completion_when_the_client_is_disposed()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = client.System.OnTick.Subscribe(_ => { }, onCompleted: completed.SetResult);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await client.DisposeAsync();
        await completed.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task Lambda_subscribe_without_error_and_completion_handlers_ignores_the_end_of_the_stream()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        var ticks = new List<long>();
        using IDisposable subscription = client.System.OnTick.Subscribe(t => ticks.Add(t.Tick!.Value));
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");
        await peer.PublishEventAsync(Tick, TickPayload);

        Assert.Null(await Record.ExceptionAsync(async () => await client.DisposeAsync()));
        Assert.Equal([7L], ticks);
    }

    [Fact]
    public async Task Lambda_subscribe_with_onNext_and_onCompleted_has_the_shape_of_rx()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = client.System.OnTick.Subscribe(_ => { }, () => completed.SetResult());
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await client.DisposeAsync();
        await completed.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task SubscribeAsync_completes_only_when_the_router_subscription_exists()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<TickEvent>();

        using IDisposable subscription = await client.System.OnTick.SubscribeAsync(recorder).WaitAsync(Wait);

        Assert.Single(peer.ActiveSubscriptions);
        await peer.PublishEventAsync(Tick, TickPayload);
        Assert.Single(recorder.Values);

        // A second observer joins the subscription in place: completes at once, no second SUBSCRIBE.
        using IDisposable second = await client.System.OnTick.SubscribeAsync(_ => { }).WaitAsync(Wait);
        Assert.Single(peer.SubscribeRequests);
    }

    [Fact]
    public async Task SubscribeAsync_faults_with_the_mapped_error_when_the_router_refuses()
    {
        var peer = new ScriptedWampClient { SubscribeFailure = new WampException("wamp.error.not_authorized", "no") };
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<TickEvent>();

        CfcNotAuthorizedException e = await Assert.ThrowsAsync<CfcNotAuthorizedException>(() => client.System.OnTick.SubscribeAsync(recorder).WaitAsync(Wait));
        Assert.Equal("wamp.error.not_authorized", e.ErrorUri);
        await recorder.Ended;
        Assert.IsType<CfcNotAuthorizedException>(recorder.Error);

        // The stream is not broken: once the router accepts, a later SubscribeAsync succeeds.
        peer.SubscribeFailure = null;
        using IDisposable ok = await client.System.OnTick.SubscribeAsync(_ => { }).WaitAsync(Wait);
        Assert.Single(peer.ActiveSubscriptions);
    }

    [Fact]
    public async Task SubscribeAsync_with_a_cancelled_token_throws_and_leaves_nothing_subscribed()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.System.OnTick.SubscribeAsync(_ => { }, cancelled.Token));
        Assert.Empty(peer.ActiveSubscriptions);
    }

    [Fact]
    public async Task SubscribeAsync_on_a_disposed_client_completes_the_observer()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        await client.DisposeAsync();
        var completed = false;
        using IDisposable subscription = await client.System.OnTick.SubscribeAsync(_ => { }, null, () => completed = true).WaitAsync(Wait);
        Assert.True(completed);
    }

    [Fact]
    public async Task An_event_right_after_SubscribeAsync_is_never_missed()
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

        for (int i = 0; i < 20; i++)
        {
            string realm = $"race-{i}";
            var created = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

            // Each round starts a new router subscription (the previous round's observer left), then acts at once.
            using (IDisposable subscription = await client.ManagementRealms.OnRealmCreated.SubscribeAsync(e => created.TrySetResult(e.RealmName)).WaitAsync(Wait))
            {
                await client.ManagementRealms.CreateRealmAsync(realm);
                Assert.Equal(realm, await created.Task.WaitAsync(Wait));
            }
        }
    }
}
