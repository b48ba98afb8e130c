using Cfc.Wamp.Router;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Tests.Session;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class GiveUpTests
{
    [Fact(Timeout = 30000)]
    public async Task An_authentication_failure_on_reconnect_ends_in_Failed_with_the_reason_and_no_more_retries()
    {
        var credentials = new WampRouterCredentials().AddTicket("joe", "secret-1");
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(new WampRouterOptions { DefaultAuthenticator = credentials });
        // The retries run on a fake clock, so "no more retries" is checked by moving time on, not by sleeping.
        var clock = new FakeTimeProvider();
        WampClientOptions options = Harness.Options(host.Url) with { Authenticator = WampAuthenticator.Ticket("joe", "secret-1"), TimeProvider = clock };
        await using WampClient client = await WampClient.ConnectAsync(options).WaitAsync(Harness.Wait);
        WampSubscription subscription = await client.SubscribeAsync("com.app.t", (_, _) => default);
        Task<WampConnectionState> failed = NextStateAsync(client, WampConnectionState.Failed);

        credentials.Remove("joe");
        await host.Router.DropAllConnectionsAsync();

        await Harness.AdvanceUntilAsync(clock, () => failed.IsCompleted, "state Failed");
        Assert.Equal(WampConnectionState.Failed, await failed);
        Assert.IsType<WampAuthenticationException>(client.LastError);
        int attempts = client.ReconnectAttempt;
        clock.Advance(Harness.FastReconnect.MaxDelay * 10);
        Assert.Equal(attempts, client.ReconnectAttempt);
        Assert.Equal(WampConnectionState.Failed, client.State);
        var ended = await Assert.ThrowsAsync<WampConnectionLostException>(() => subscription.Completion.WaitAsync(Harness.Wait));
        Assert.IsType<WampAuthenticationException>(ended.InnerException);
        var call = await Assert.ThrowsAsync<WampConnectionLostException>(() => client.CallAsync("com.app.x").WaitAsync(Harness.Wait));
        Assert.Contains("Failed", call.Message);
    }

    [Theory(Timeout = 20000)]
    [InlineData("""[6, {}, "wamp.close.killed"]""", "wamp.close.killed", WampConnectionState.Disconnected)]
    [InlineData("""[3, {"message": "bye"}, "wamp.error.system_shutdown"]""", "wamp.error.system_shutdown", WampConnectionState.Failed)]
    public async Task A_router_that_ends_the_session_on_purpose_is_not_reconnected_to(string lastWord, string reason, WampConnectionState expected)
    {
        var first = new ScriptedTransport();
        var factory = new ScriptedTransportFactory(first, new ScriptedTransport());
        var clock = new FakeTimeProvider();
        WampClientOptions options = TestRouter.Options(factory) with { Reconnect = Harness.FastReconnect, TimeProvider = clock };
        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await first.NextAsync<HelloMessage>();
        first.Push($"[2, 1, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.WaitAsync(Harness.Wait);
        WampSubscription subscription = await SubscribeAsync(client, first);

        first.Push(lastWord);
        await Eventually.HoldsAsync(() => client.State == expected, $"state {expected}", Harness.Wait);
        var error = Assert.IsType<WampException>(client.LastError);
        Assert.Equal(reason, error.ErrorUri);
        clock.Advance(Harness.FastReconnect.MaxDelay * 10);
        Assert.Equal(1, factory.Connects);
        Assert.Equal(expected, client.State);
        await Assert.ThrowsAsync<WampConnectionLostException>(() => subscription.Completion.WaitAsync(Harness.Wait));
    }

    [Fact(Timeout = 20000)]
    public async Task A_pipeline_of_ones_own_replaces_the_backoff_and_its_give_up_ends_in_Failed()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        int retries = 0;
        ResiliencePipeline pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(10),
                BackoffType = DelayBackoffType.Constant,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref retries);
                    return default;
                },
            })
            .Build();
        await using WampClient client = await Harness.ConnectAsync(host, new WampReconnectOptions { Pipeline = pipeline });

        host.Router.RefuseNewConnections = true;
        await host.Router.DropAllConnectionsAsync();
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Failed, "Failed", Harness.Wait);
        Assert.Equal(2, Volatile.Read(ref retries));
        Assert.Equal(3, client.ReconnectAttempt);
        Assert.NotNull(client.LastError);
        Assert.IsNotType<WampAuthenticationException>(client.LastError);
    }

    private static async Task<WampSubscription> SubscribeAsync(WampClient client, ScriptedTransport router)
    {
        Task<WampSubscription> subscribe = client.SubscribeAsync("com.app.t", (_, _) => default);
        router.Push($"[33, {(await router.NextAsync<SubscribeMessage>()).RequestId}, 10]");
        return await subscribe.WaitAsync(Harness.Wait);
    }

    private static Task<WampConnectionState> NextStateAsync(WampClient client, WampConnectionState wanted)
    {
        var tcs = new TaskCompletionSource<WampConnectionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanges.Subscribe(new Observer(s =>
        {
            if (s == wanted)
            {
                tcs.TrySetResult(s);
            }
        }));
        return tcs.Task;
    }

    private sealed class Observer(Action<WampConnectionState> onNext) : IObserver<WampConnectionState>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(WampConnectionState value) => onNext(value);
    }
}
