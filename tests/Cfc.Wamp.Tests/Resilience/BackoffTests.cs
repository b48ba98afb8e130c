using Cfc.Wamp.Messages;
using Cfc.Wamp.Reconnect;
using Cfc.Wamp.Tests.Session;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class BackoffTests
{
    [Fact]
    public void The_defaults_are_autobahns()
    {
        var defaults = new WampReconnectOptions();
        Assert.Equal(TimeSpan.FromSeconds(1.5), defaults.InitialDelay);
        Assert.Equal(1.5, defaults.DelayGrowth);
        Assert.Equal(TimeSpan.FromSeconds(300), defaults.MaxDelay);
        Assert.Equal(0.1, defaults.Jitter);
        Assert.Null(defaults.MaxAttempts);
        Assert.Null(defaults.Pipeline);

        WampReconnectOptions exact = defaults with { Jitter = 0 };
        Assert.Equal(TimeSpan.FromSeconds(1.5), ReconnectBackoff.Delay(exact, 0, Random.Shared));
        Assert.Equal(TimeSpan.FromSeconds(2.25), ReconnectBackoff.Delay(exact, 1, Random.Shared));
        Assert.Equal(TimeSpan.FromSeconds(300), ReconnectBackoff.Delay(exact, 40, Random.Shared));
        Assert.Equal(TimeSpan.FromSeconds(300), ReconnectBackoff.Delay(exact, int.MaxValue, Random.Shared));

        var random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            TimeSpan d = ReconnectBackoff.Delay(defaults, 2, random);
            Assert.InRange(d.TotalSeconds, 0, 300);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Attempts_follow_the_backoff_on_the_options_clock_and_stop_at_MaxAttempts()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var time = new TimerRecordingTimeProvider(fake);
        var first = new ScriptedTransport();
        var factory = new ScriptedTransportFactory(first); // every later connect fails
        WampClientOptions options = TestRouter.Options(factory) with
        {
            TimeProvider = time,
            Reconnect = new WampReconnectOptions { Jitter = 0, MaxAttempts = 3 },
        };
        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await first.NextAsync<HelloMessage>();
        first.Push($"[2, 1, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.WaitAsync(Harness.Wait);

        first.PushClose();
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Reconnecting, "Reconnecting", Harness.Wait);

        // 1.5 s to the first attempt, then 2.25 s, then 3.375 s (growth 1.5) ... but MaxAttempts is 3.
        // Each step waits until the backoff timer it is about to fire exists: the clock never moves before it.
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, factory.Connects);
        fake.Advance(TimeSpan.FromSeconds(1.4));
        Assert.Equal(1, factory.Connects);
        fake.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.HoldsAsync(() => factory.Connects == 2, "attempt 1 at 1.5 s", Harness.Wait);

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2.25));
        fake.Advance(TimeSpan.FromSeconds(2.2));
        Assert.Equal(2, factory.Connects);
        fake.Advance(TimeSpan.FromSeconds(0.05));
        await Eventually.HoldsAsync(() => factory.Connects == 3, "attempt 2 after 2.25 s more", Harness.Wait);

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(3.375));
        fake.Advance(TimeSpan.FromSeconds(3.375));
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Failed, "Failed after 3 attempts", Harness.Wait);
        Assert.Equal(4, factory.Connects);
        Assert.IsType<IOException>(client.LastError);
    }
}
