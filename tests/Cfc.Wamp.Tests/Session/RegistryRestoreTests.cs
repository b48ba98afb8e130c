using System.Collections.Concurrent;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class RegistryRestoreTests
{
    [Fact(Timeout = 20000)]
    public async Task A_new_session_restores_subscriptions_and_registrations_with_new_router_ids()
    {
        var first = new ScriptedTransport();
        var second = new ScriptedTransport();
        var factory = new ScriptedTransportFactory(first, second);
        WampClientOptions options = TestRouter.Options(factory) with { Reconnect = new WampReconnectOptions { InitialDelay = TimeSpan.Zero, Jitter = 0 } };

        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await first.NextAsync<HelloMessage>();
        first.Push($"[2, 1, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.Within();

        var events = new ConcurrentQueue<string>();
        Task<WampSubscription> subscribe = client.SubscribeAsync("com.app", (e, _) =>
        {
            events.Enqueue(e.Topic);
            return default;
        }, new WampSubscribeOptions { Match = WampMatch.Prefix });
        first.Push($"[33, {(await first.NextAsync<SubscribeMessage>()).RequestId}, 10]");
        WampSubscription subscription = await subscribe.Within();

        Task<WampRegistration> register = client.RegisterAsync("com.add", (inv, _) => ValueTask.FromResult(TestRouter.Args(inv.Payload[0].GetInt32() + 1)),
            new WampRegisterOptions { Invoke = "roundrobin" });
        first.Push($"[65, {(await first.NextAsync<RegisterMessage>()).RequestId}, 20]");
        WampRegistration registration = await register.Within();

        // The connection drops; with reconnect configured the registry keeps everything and the client reconnects.
        first.PushClose();
        await second.NextAsync<HelloMessage>();
        Assert.Equal(WampConnectionState.Reconnecting, client.State);
        Assert.Null(subscription.SubscriptionId);
        Assert.Null(registration.RegistrationId);
        Assert.False(subscription.Completion.IsCompleted);
        second.Push($"[2, 2, {TestRouter.WelcomeDetails}]");

        SubscribeMessage resubscribe = await second.NextAsync<SubscribeMessage>();
        Assert.Equal(1, resubscribe.RequestId); // a new session counts from 1 again
        Assert.Equal("com.app", resubscribe.Topic);
        Assert.Equal("""{"match":"prefix"}""", resubscribe.Options.GetRawText());
        second.Push($"[33, {resubscribe.RequestId}, 11]");
        RegisterMessage reregister = await second.NextAsync<RegisterMessage>();
        Assert.Equal("com.add", reregister.Procedure);
        Assert.Equal("""{"invoke":"roundrobin"}""", reregister.Options.GetRawText());
        second.Push($"[65, {reregister.RequestId}, 21]");
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Connected, ScriptedTransport.Wait);

        Assert.Equal(2, client.SessionId);
        Assert.Equal(11, subscription.SubscriptionId);
        Assert.Equal(21, registration.RegistrationId);

        second.Push("""[36, 11, 5, {"topic": "com.app.x"}]""");
        await Eventually.HoldsAsync(() => events.Contains("com.app.x"), ScriptedTransport.Wait);
        second.Push("""[68, 3, 21, {}, [41]]""");
        YieldMessage yield = await second.NextAsync<YieldMessage>();
        Assert.Equal("[42]", TestRouter.Raw(yield.Payload.Arguments));
    }

    [Fact(Timeout = 20000)]
    public async Task An_entry_the_new_session_refuses_is_ended_and_dropped_from_the_registry()
    {
        var first = new ScriptedTransport();
        var second = new ScriptedTransport();
        WampClientOptions options = TestRouter.Options(new ScriptedTransportFactory(first, second)) with { Reconnect = new WampReconnectOptions { InitialDelay = TimeSpan.Zero, Jitter = 0 } };

        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await first.NextAsync<HelloMessage>();
        first.Push($"[2, 1, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.Within();

        Task<WampRegistration> register = client.RegisterAsync("com.add", (_, _) => default);
        first.Push($"[65, {(await first.NextAsync<RegisterMessage>()).RequestId}, 20]");
        WampRegistration registration = await register.Within();
        var failures = new ConcurrentQueue<WampRestoreFailedEventArgs>();
        client.RestoreFailed += (_, e) => failures.Enqueue(e);
        first.PushClose();

        await second.NextAsync<HelloMessage>();
        second.Push($"[2, 2, {TestRouter.WelcomeDetails}]");
        RegisterMessage reregister = await second.NextAsync<RegisterMessage>();
        second.Push($$"""[8, 64, {{reregister.RequestId}}, {}, "wamp.error.not_authorized"]""");
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Connected, ScriptedTransport.Wait);
        WampRestoreFailedEventArgs failure = Assert.Single(failures);
        Assert.Same(registration, failure.Registration);
        Assert.Equal("com.add", failure.Uri);
        Assert.Equal(2, failure.SessionId);

        var ex = await Assert.ThrowsAsync<WampException>(() => registration.Completion.Within());
        Assert.Contains("not_authorized", ex.Message);
        Assert.Equal(0, client.Registry.RegistrationCount);
        Assert.Equal(WampConnectionState.Connected, client.State);
    }
}
