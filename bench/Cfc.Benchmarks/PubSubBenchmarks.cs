using BenchmarkDotNet.Attributes;
using Cfc.Wamp;

namespace Cfc.Benchmarks;

/// <summary>
/// PUBLISH from one client until the EVENT reaches a subscriber in another: the latency of one publication, and the
/// delivery rate of a stream of unacknowledged publications into one handler (time per event).
/// </summary>
[MemoryDiagnoser]
public class PubSubBenchmarks
{
    private BenchRouter _router = null!;
    private WampClient _publisher = null!;
    private WampClient _subscriber = null!;
    private const int StreamLength = 1000;
    private const int Window = 500;

    private readonly SemaphoreSlim _window = new(Window);
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamed;

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
        await _subscriber.SubscribeAsync("bench.stream", (_, _) =>
        {
            _window.Release();
            if (Interlocked.Increment(ref _streamed) == StreamLength)
            {
                _received.TrySetResult();
            }

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

    /// <summary>1000 unacknowledged publications (at most 500 outstanding) into one subscriber; the time shown is per event.</summary>
    [Benchmark(OperationsPerInvoke = StreamLength)]
    public async Task EventStreamIntoOneHandlerAsync()
    {
        _streamed = 0;
        _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 0; i < StreamLength; i++)
        {
            await _window.WaitAsync();
            await _publisher.PublishAsync("bench.stream", BenchPayloads.EventPayload);
        }

        await _received.Task;
    }
}
