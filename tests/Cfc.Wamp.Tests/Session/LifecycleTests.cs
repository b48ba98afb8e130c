using System.Collections.Concurrent;
using Cfc.Wamp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Session;

public sealed class LifecycleTests
{
    private sealed class Recorder : IObserver<WampConnectionState>
    {
        public ConcurrentQueue<WampConnectionState> States { get; } = new();

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnCompleted() => Completed.TrySetResult();

        public void OnError(Exception error) => Completed.TrySetException(error);

        public void OnNext(WampConnectionState value) => States.Enqueue(value);
    }

    [Fact(Timeout = 20000)]
    public async Task Close_sends_goodbye_waits_for_the_reply_and_closes_the_transport()
    {
        var clock = new FakeTimeProvider();
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = clock });
        router.AutoAnswerGoodbye = false;
        await using (client)
        {
            var recorder = new Recorder();
            using IDisposable _ = client.StateChanges.Subscribe(recorder);
            Task close = client.CloseAsync("wamp.close.system_shutdown");
            GoodbyeMessage goodbye = await router.NextAsync<GoodbyeMessage>();
            Assert.Equal("wamp.close.system_shutdown", goodbye.Reason);

            // Up to a moment before the reply's bound (the close timeout, at most the request timeout) the close still waits.
            TimeSpan bound = client.Options.CloseTimeout < client.Options.RequestTimeout ? client.Options.CloseTimeout : client.Options.RequestTimeout;
            clock.Advance(bound - TimeSpan.FromMilliseconds(1));
            Assert.False(close.IsCompleted);

            router.Push("""[6, {}, "wamp.close.normal"]"""); // any reply reason is accepted
            await close.Within();
            await router.Closed.Within();
            Assert.Equal(WampConnectionState.Disconnected, client.State);
            Assert.Null(client.SessionId);
            await Eventually.HoldsAsync(() => recorder.States.Contains(WampConnectionState.Disconnected), ScriptedTransport.Wait);
            await Assert.ThrowsAsync<WampConnectionLostException>(() => client.CallAsync("com.x"));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Close_without_a_goodbye_reply_gives_up_after_the_request_timeout()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        router.AutoAnswerGoodbye = false;
        await using (client)
        {
            await client.CloseAsync().Within();
            Assert.Equal("wamp.close.normal", (await router.NextAsync<GoodbyeMessage>()).Reason);
            await router.Closed.Within();
            Assert.Equal(WampConnectionState.Disconnected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Router_goodbye_is_answered_and_pending_calls_fail_at_once()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.x");
            await router.NextAsync<CallMessage>();
            router.Push("""[6, {"message": "shutting down"}, "wamp.close.system_shutdown"]""");

            var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
            Assert.Contains("wamp.close.system_shutdown", ex.Message);
            Assert.Equal(WampConnectionEndReason.GoodbyeFromRouter, ex.EndReason);
            Assert.Equal(WampErrorUris.CloseSystemShutdown, ex.CloseReasonUri);
            GoodbyeMessage reply = await router.NextAsync<GoodbyeMessage>();
            Assert.Equal("wamp.close.goodbye_and_out", reply.Reason);
            await router.Closed.Within();
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Disconnected, ScriptedTransport.Wait);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Router_abort_after_join_disconnects_and_fails_pending_calls()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.x");
            await router.NextAsync<CallMessage>();
            router.Push("""[3, {"message": "kicked"}, "wamp.close.killed"]""");

            var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
            Assert.Contains("kicked", ex.Message);
            Assert.Equal(WampConnectionEndReason.AbortedByRouter, ex.EndReason);
            Assert.Equal("wamp.close.killed", ex.CloseReasonUri);
            await router.Closed.Within();
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Disconnected, ScriptedTransport.Wait);
            router.AssertNothingSentAfterClose(); // ABORT is never answered
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Unexpected_close_fails_pending_requests_naming_url_realm_session_and_count()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> a = client.CallAsync("com.a");
            Task<WampResult> b = client.CallAsync("com.b");
            await router.NextAsync<CallMessage>();
            await router.NextAsync<CallMessage>();
            router.PushClose();

            var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => a.Within());
            await Assert.ThrowsAsync<WampConnectionLostException>(() => b.Within());
            Assert.Contains(TestRouter.Url.ToString(), ex.Message);
            Assert.Contains("realm1", ex.Message);
            Assert.Contains(TestRouter.SessionId.ToString(), ex.Message);
            Assert.Contains("2 request(s) were pending", ex.Message);
            Assert.Equal(WampConnectionEndReason.TransportFailed, ex.EndReason);
            Assert.Equal(WampErrorSource.Client, ex.ErrorSource);
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Disconnected, ScriptedTransport.Wait);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Transport_error_fails_pending_requests_and_ends_subscriptions_without_reconnect()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => default);
            SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
            router.Push($"[33, {sent.RequestId}, 4]");
            WampSubscription subscription = await subscribe.Within();

            Task<WampResult> call = client.CallAsync("com.a");
            await router.NextAsync<CallMessage>();
            router.PushError(new IOException("connection reset by peer"));

            var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
            Assert.Contains("connection reset by peer", ex.Message);
            Assert.IsType<IOException>(ex.InnerException);
            await Assert.ThrowsAsync<WampConnectionLostException>(() => subscription.Completion.Within());
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Dispose_completes_subscriptions_registrations_and_state_changes()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        var recorder = new Recorder();
        client.StateChanges.Subscribe(recorder);

        Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => default);
        router.Push($"[33, {(await router.NextAsync<SubscribeMessage>()).RequestId}, 4]");
        WampSubscription subscription = await subscribe.Within();
        Task<WampRegistration> register = client.RegisterAsync("com.p", (_, _) => default);
        router.Push($"[65, {(await router.NextAsync<RegisterMessage>()).RequestId}, 5]");
        WampRegistration registration = await register.Within();

        await client.DisposeAsync().AsTask().Within();
        Assert.IsType<GoodbyeMessage>(await router.NextAsync());
        await subscription.Completion.Within();
        await registration.Completion.Within();
        await recorder.Completed.Task.Within();
        Assert.Equal([WampConnectionState.Disconnected], recorder.States);
        Assert.Equal(WampConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CallAsync("com.x"));

        // A late observer is completed at once.
        var late = new Recorder();
        client.StateChanges.Subscribe(late);
        await late.Completed.Task.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Pending_requests_fail_when_the_client_closes()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        Task<WampResult> call = client.CallAsync("com.a");
        await router.NextAsync<CallMessage>();
        await client.DisposeAsync().AsTask().Within();
        await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
    }
}
