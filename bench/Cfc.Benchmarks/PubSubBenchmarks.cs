using BenchmarkDotNet.Attributes;
using Cfc.Wamp;

namespace Cfc.Benchmarks;

/// <summary>PUBLISH from one client until the EVENT reaches a subscriber in another: the latency of one publication.</summary>
[MemoryDiagnoser]
public class PubSubBenchmarks
{
    private BenchRouter _router = null!;
    private WampClient _publisher = null!;
    private WampClient _subscriber = null!;
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Params(BenchTransport.InMemory, BenchTransport.WebSocket)]
    public BenchTransport Transport { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = await BenchRouter.StartAsync(Transport);
        _subscriber = await _router.ConnectAsync();
        await _subscriber.SubscribeAsync("bench.tick", (_, _) =>
        {
            _received.TrySetResult();
            return ValueTask.CompletedTask;
        });
        _publisher = await _router.ConnectAsync();
        await PublishToEventAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _publisher.DisposeAsync();
        await _subscriber.DisposeAsync();
        await _router.DisposeAsync();
    }

    [Benchmark]
    public async Task PublishToEventAsync()
    {
        _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _publisher.PublishAsync("bench.tick", BenchPayloads.EventPayload);
        await _received.Task;
    }
}
