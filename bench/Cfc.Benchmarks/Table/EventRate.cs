using System.Diagnostics;
using Cfc.Wamp;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// Events per second into one observer: one publisher publishes (unacknowledged) to a topic with one subscriber
/// whose handler counts; at most 1000 events are outstanding so the subscriber's queue never overflows.
/// Over the in-process router with in-memory transports, i.e. the WAMP stack without sockets.
/// </summary>
internal static class EventRate
{
    private const int Window = 1000;

    public static async Task<double> InMemoryAsync(WampSerializer serializer, int events)
    {
        await using BenchRouter router = await BenchRouter.StartAsync(BenchTransport.InMemory);
        await using WampClient subscriber = await router.ConnectAsync(serializer);
        await using WampClient publisher = await router.ConnectAsync(serializer);
        using var window = new SemaphoreSlim(Window);
        int received = 0;
        int target = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync("bench.tick", (_, _) =>
        {
            window.Release();
            if (Interlocked.Increment(ref received) == Volatile.Read(ref target))
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });

        await RunAsync(publisher, window, Math.Min(events, 2_000));
        while (Volatile.Read(ref received) < Math.Min(events, 2_000))
        {
            await Task.Yield();
        }

        Volatile.Write(ref received, 0);
        Volatile.Write(ref target, events);
        long start = Stopwatch.GetTimestamp();
        await RunAsync(publisher, window, events);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return events / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task RunAsync(WampClient publisher, SemaphoreSlim window, int count)
    {
        WampPayload payload = BenchPayloads.EventPayload;
        for (int i = 0; i < count; i++)
        {
            await window.WaitAsync();
            await publisher.PublishAsync("bench.tick", payload);
        }
    }
}
