using Cfc.Wamp.Messages;
using Cfc.Wamp.Tests.Hostile;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Session;

/// <summary>
/// Issue 8, item 5: DisposeAsync returns within WampClientOptions.CloseTimeout (2 s by default) whatever the
/// connection does, on a fake clock: a router that never answers GOODBYE, a connection that drops during it, a peer
/// that stopped reading. Disposing subscriptions and then the client, in the ordinary order, logs nothing above Debug.
/// </summary>
public sealed class DisposeBoundTests
{
    private static readonly TimeSpan CloseTimeout = new WampClientOptions().CloseTimeout;

    [Fact]
    public void The_close_timeout_is_short_by_default_and_must_be_positive()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), CloseTimeout);
        var options = new WampClientOptions { Url = TestRouter.Url, Realm = "realm1", CloseTimeout = TimeSpan.Zero };
        Assert.Contains("CloseTimeout", Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact(Timeout = 20000)]
    public async Task A_router_that_never_answers_goodbye_holds_dispose_for_the_close_timeout_not_the_request_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = time, RequestTimeout = TimeSpan.FromSeconds(30) });
        router.AutoAnswerGoodbye = false;

        Task dispose = client.DisposeAsync().AsTask();
        await router.NextAsync<GoodbyeMessage>();
        Assert.False(dispose.IsCompleted);

        time.Advance(CloseTimeout);
        await dispose.Within();
        Assert.Equal(WampConnectionState.Disconnected, client.State);
    }

    [Fact(Timeout = 20000)]
    public async Task A_connection_that_drops_during_goodbye_ends_dispose_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = time, RequestTimeout = TimeSpan.FromSeconds(30) });
        router.AutoAnswerGoodbye = false;

        Task dispose = client.DisposeAsync().AsTask();
        await router.NextAsync<GoodbyeMessage>();
        router.PushClose();

        // No time passes on the clock: the dropped connection itself ends the wait for the GOODBYE reply.
        await dispose.Within();
        Assert.Equal(WampConnectionState.Disconnected, client.State);
    }

    [Fact(Timeout = 20000)]
    public async Task A_peer_that_stopped_reading_holds_dispose_for_the_close_timeout_only()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = time, RequestTimeout = TimeSpan.FromSeconds(30) });
        router.BlockSends();

        Task dispose = client.DisposeAsync().AsTask();
        await Eventually.HoldsAsync(() => router.BlockedSends == 1, ScriptedTransport.Wait);
        Assert.False(dispose.IsCompleted);

        time.Advance(CloseTimeout);
        await dispose.Within();
        Assert.Equal(WampConnectionState.Disconnected, client.State);
        router.ReleaseSends();
    }

    [Fact(Timeout = 20000)]
    public async Task Disposing_subscriptions_and_registrations_then_the_client_logs_nothing_above_debug()
    {
        var logs = new LogCapture();
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { LoggerFactory = logs });
        Task<WampSubscription> subscribing = client.SubscribeAsync("com.topic", static (_, _) => ValueTask.CompletedTask);
        long subscribeId = (await router.NextAsync<SubscribeMessage>()).RequestId;
        router.Push($"[33, {subscribeId}, 77]");
        WampSubscription subscription = await subscribing.Within();
        Task<WampRegistration> registering = client.RegisterAsync("com.proc", static (_, _) => default);
        long registerId = (await router.NextAsync<RegisterMessage>()).RequestId;
        router.Push($"[65, {registerId}, 88]");
        WampRegistration registration = await registering.Within();
        int before = logs.Lines.Count;

        // What a synchronous `using` of an event stream does (the typed client's observers): the UNSUBSCRIBE and
        // UNREGISTER are on their way when the client closes, and the GOODBYE ends them with the session.
        ValueTask unsubscribed = subscription.DisposeAsync();
        ValueTask unregistered = registration.DisposeAsync();
        await client.DisposeAsync();
        await unsubscribed;
        await unregistered;

        Assert.True(router.IsClosed);
        Assert.True(subscription.Completion.IsCompletedSuccessfully);
        Assert.DoesNotContain(logs.Lines.Skip(before), l => l.Level > LogLevel.Debug);
    }
}
