using Cfc.Wamp.Router;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class FirstConnectTests
{
    [Fact(Timeout = 20000)]
    public async Task RetryFirstConnect_keeps_trying_until_the_router_accepts()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        host.Router.RefuseNewConnections = true;
        var time = new TimerRecordingTimeProvider(new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        WampReconnectOptions retry = Harness.FastReconnect with { RetryFirstConnect = true, InitialDelay = TimeSpan.FromSeconds(1), DelayGrowth = 2, MaxDelay = TimeSpan.FromSeconds(4), Jitter = 0 };
        Task<WampClient> connect = WampClient.ConnectAsync(Harness.Options(host.Url, retry) with { TimeProvider = time });

        // Each backoff timer is made after a refused attempt; the fake clock moves only when the test moves it.
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.False(connect.IsCompleted);
        time.Fake.Advance(TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.False(connect.IsCompleted);

        host.Router.RefuseNewConnections = false;
        time.Fake.Advance(TimeSpan.FromSeconds(2));
        await using WampClient client = await connect.WaitAsync(Harness.Wait);
        Assert.Equal(WampConnectionState.Connected, client.State);
        Assert.NotNull(client.SessionId);
        Assert.Equal(0, client.ReconnectAttempt);
    }

    [Fact(Timeout = 20000)]
    public async Task Without_RetryFirstConnect_a_refused_first_connect_throws_at_once()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        host.Router.RefuseNewConnections = true;
        await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(Harness.Options(host.Url)).WaitAsync(Harness.Wait));
    }

    [Fact(Timeout = 20000)]
    public async Task RetryFirstConnect_gives_up_after_MaxAttempts_with_the_last_error_and_honours_the_token()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        host.Router.RefuseNewConnections = true;
        WampReconnectOptions bounded = Harness.FastReconnect with { RetryFirstConnect = true, MaxAttempts = 3 };
        await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(Harness.Options(host.Url, bounded)).WaitAsync(Harness.Wait));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            WampClient.ConnectAsync(Harness.Options(host.Url, Harness.FastReconnect with { RetryFirstConnect = true }), cts.Token).WaitAsync(Harness.Wait));
    }
}
