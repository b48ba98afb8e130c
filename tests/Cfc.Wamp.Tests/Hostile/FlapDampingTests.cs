using Cfc.Wamp.Messages;
using Cfc.Wamp.Tests.Resilience;
using Cfc.Wamp.Tests.Session;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>A router that accepts and drops at once must not be hammered every 1.5 s forever.</summary>
[Collection(HostileCollection.Name)]
public sealed class FlapDampingTests(ITestOutputHelper output)
{
    [Fact(Timeout = 30000)]
    public async Task Sessions_that_die_right_after_joining_push_the_backoff_on_instead_of_restarting_it()
    {
        const int Flaps = 4;
        var fake = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var time = new TimerRecordingTimeProvider(fake);
        var transports = Enumerable.Range(0, Flaps + 1).Select(_ => new ScriptedTransport()).ToArray();
        var factory = new ScriptedTransportFactory(transports);
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(factory) with
        {
            TimeProvider = time,
            Reconnect = new WampReconnectOptions { Jitter = 0 },
        });

        var delays = new List<double>();
        TimeSpan expected = TimeSpan.FromSeconds(1.5);
        WampClient? client = null;
        for (int i = 0; i <= Flaps; i++)
        {
            await transports[i].NextAsync<HelloMessage>();
            transports[i].Push($"[2, {i + 1}, {TestRouter.WelcomeDetails}]");
            client ??= await connect.Within();
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Connected && client.SessionId == i + 1, "joined", Harness.Wait);
            if (i == Flaps)
            {
                break;
            }

            // The router drops the session at once; the next attempt waits longer each time (1.5, 2.25, 3.375, ...).
            transports[i].PushClose();
            TimeSpan due = TimeSpan.FromMilliseconds((long)expected.TotalMilliseconds);   // Task.Delay keeps whole milliseconds
            await time.WaitForTimerAsync(due);
            delays.Add(due.TotalSeconds);
            fake.Advance(due);
            expected *= 1.5;
        }

        output.WriteLine($"first delay after each of {Flaps} flapping sessions: {string.Join(" s, ", delays)} s (without damping: 1.5 s each)");
        Assert.Equal([1.5, 2.25, 3.375, 5.062], delays);
        await client!.DisposeAsync();
    }

    [Fact(Timeout = 30000)]
    public async Task A_session_that_lasted_past_StableAfter_starts_the_backoff_over()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var time = new TimerRecordingTimeProvider(fake);
        var transports = Enumerable.Range(0, 3).Select(_ => new ScriptedTransport()).ToArray();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transports)) with
        {
            TimeProvider = time,
            Reconnect = new WampReconnectOptions { Jitter = 0, StableAfter = TimeSpan.FromSeconds(30) },
        });
        await transports[0].NextAsync<HelloMessage>();
        transports[0].Push($"[2, 1, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.Within();
        transports[0].PushClose();
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));
        fake.Advance(TimeSpan.FromSeconds(1.5));
        await transports[1].NextAsync<HelloMessage>();
        transports[1].Push($"[2, 2, {TestRouter.WelcomeDetails}]");
        await Eventually.HoldsAsync(() => client.SessionId == 2, "joined again", Harness.Wait);

        fake.Advance(TimeSpan.FromSeconds(31));
        transports[1].PushClose();
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5), count: 2);
        Assert.Equal(0, time.Created(TimeSpan.FromSeconds(2.25)));
    }
}
