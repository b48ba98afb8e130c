using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cfc.Wamp.Router;
using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Resilience;

// Its process-wide memory figure must not count the hostile suite's megabytes: same (non-parallel) collection.
[Collection(Hostile.HostileCollection.Name)]
public sealed class CycleTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60000)]
    public async Task A_hundred_drop_and_reconnect_cycles_leak_nothing()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        WampReconnectOptions fast = Harness.FastReconnect with { InitialDelay = TimeSpan.Zero, Jitter = 0 };
        await using WampClient client = await Harness.ConnectAsync(host, fast);
        await using WampClient publisher = await Harness.ConnectAsync(host);
        var received = new ConcurrentDictionary<long, int>();
        for (int i = 0; i < 3; i++)
        {
            await client.SubscribeAsync($"com.app.topic{i}", (e, _) =>
            {
                received.AddOrUpdate(e.Payload[0].GetInt64(), 1, (_, n) => n + 1);
                return default;
            });
        }

        await client.RegisterAsync("com.app.one", (_, _) => ValueTask.FromResult(Harness.Args(1)));
        await client.RegisterAsync("com.app.two", (_, _) => ValueTask.FromResult(Harness.Args(2)));

        var sessions = new List<WeakReference>();
        await CyclesAsync(host, client, 5, sessions); // warm up: pools, JIT, first-time allocations
        long before = GC.GetTotalMemory(forceFullCollection: true);
        await CyclesAsync(host, client, 100, sessions);
        await Eventually.HoldsAsync(() => publisher.State == WampConnectionState.Connected, "the publisher reconnected", Harness.Wait);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"GC.GetTotalMemory: before {before / 1024} KiB, after 100 cycles {after / 1024} KiB, growth {(after - before) / 1024} KiB");

        // Every old session object must be let go; only the current one may live. Background endings (transport
        // close, reader loop) may still be finishing, so collect until none is left, bounded.
        int alive = await AliveOldSessionsAsync(client, sessions);
        output.WriteLine($"Sessions: {sessions.Count} old ones held weakly, {alive} still alive after GC");
        Assert.Equal(105, sessions.Count);
        Assert.Equal(0, alive);

        Assert.Equal(3, client.Registry.SubscriptionCount);
        Assert.Equal(2, client.Registry.RegistrationCount);
        Assert.Equal(0, client.PendingRequestCount);
        Assert.Equal(2, (await publisher.CallAsync("com.app.two")).Payload[0].GetInt64());
        await publisher.PublishAsync("com.app.topic1", Harness.Args(777), new WampPublishOptions { Acknowledge = true });
        await Eventually.HoldsAsync(() => received.ContainsKey(777), "the event after the cycles", Harness.Wait);

        // One publisher's events reach a subscription in order: once a later one is in, a duplicate of 777 would be too.
        await publisher.PublishAsync("com.app.topic1", Harness.Args(778), new WampPublishOptions { Acknowledge = true });
        await Eventually.HoldsAsync(() => received.ContainsKey(778), "the marker event", Harness.Wait);
        Assert.Equal(1, received[777]);

        // The router holds exactly what the client holds: one session's worth, nothing left from old sessions.
        Assert.Equal(2, host.Router.SessionCount);
        // The weak references above are the precise leak check. This process-wide figure also counts what test classes
        // running in parallel allocate at the same moment, so its bound only catches gross growth (about 160 KB a cycle).
        Assert.True(after - before < 16 * 1024 * 1024, $"memory grew by {(after - before) / 1024} KiB over 100 cycles");
    }

    private static async Task CyclesAsync(WampRouterHost host, WampClient client, int count, List<WeakReference> sessions)
    {
        for (int i = 0; i < count; i++)
        {
            long? session = client.SessionId;
            sessions.Add(HoldWeakly(client));
            await host.Router.DropAllConnectionsAsync();
            await Harness.ReconnectedAsync(client, session);
            Assert.Equal(3, client.Registry.SubscriptionCount);
            Assert.Equal(2, client.Registry.RegistrationCount);
        }
    }

    // Not inlined, so that no strong reference to the session lingers in the caller's state machine.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference HoldWeakly(WampClient client) => new(client.CurrentSession ?? throw new InvalidOperationException("no session"));

    private static async Task<int> AliveOldSessionsAsync(WampClient client, List<WeakReference> sessions)
    {
        DateTime until = DateTime.UtcNow + Harness.Wait;
        while (true)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            int alive = CountAlive(client, sessions);
            if (alive == 0 || DateTime.UtcNow > until)
            {
                return alive;
            }

            await Task.Delay(50);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CountAlive(WampClient client, List<WeakReference> sessions)
    {
        object? current = client.CurrentSession;
        return sessions.Count(w => w.Target is { } s && !ReferenceEquals(s, current));
    }
}
