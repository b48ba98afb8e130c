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
    private const int WarmUpRound = 2_000;

    /// <summary>Measures <paramref name="events"/> events after publishing for <paramref name="warmUp"/> (in rounds of 2,000).</summary>
    public static async Task<double> InMemoryAsync(WampSerializer serializer, int events, TimeSpan warmUp)
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

        async Task RoundAsync(int count)
        {
            Volatile.Write(ref received, 0);
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref target, count);
            await RunAsync(publisher, window, count);
            await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }

        // Warmed by time, not by count: the rate of a path still at tier 0 says nothing about the stack. Each round waits
        // for its last event without spinning (a spinning waiter takes one of two cores from the JIT and the pipeline).
        long warmUpStart = Stopwatch.GetTimestamp();
        do
        {
            await RoundAsync(WarmUpRound);
        }
        while (Stopwatch.GetElapsedTime(warmUpStart) < warmUp);

        long start = Stopwatch.GetTimestamp();
        await RoundAsync(events);
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
