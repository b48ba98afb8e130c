using BenchmarkDotNet.Attributes;
using Cfc.Wamp;

namespace Cfc.Benchmarks;

/// <summary>
/// CALL round trips caller -> router -> callee -> router -> caller through WampClient and the in-process WampRouter:
/// latency of one call at a time, and throughput with 100 calls in flight (reported per call).
/// </summary>
[MemoryDiagnoser]
public class RpcBenchmarks
{
    private const int InFlight = 100;
    private const int CallsPerBatch = 1000;

    private BenchRouter _router = null!;
    private WampClient _callee = null!;
    private WampClient _caller = null!;

    [Params(BenchTransport.InMemory, BenchTransport.WebSocket)]
    public BenchTransport Transport { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _router = await BenchRouter.StartAsync(Transport);
        _callee = await _router.ConnectAsync();
        // The callee must take more than the caller keeps in flight: a new INVOCATION can arrive before the slot of the
        // invocation just answered is freed.
        await _callee.RegisterAsync("bench.echo", static (invocation, _) => ValueTask.FromResult(invocation.Payload), BenchPayloads.EchoRegistration);
        _caller = await _router.ConnectAsync();
        await _caller.CallAsync("bench.echo", BenchPayloads.SmallPayload);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
        await _router.DisposeAsync();
    }

    /// <summary>One call, awaited: the latency of a round trip.</summary>
    [Benchmark]
    public Task<WampResult> CallLatency() => _caller.CallAsync("bench.echo", BenchPayloads.SmallPayload);

    /// <summary>1000 calls by 100 concurrent callers; the time shown is per call.</summary>
    [Benchmark(OperationsPerInvoke = CallsPerBatch)]
    public Task CallThroughput100InFlight() => Load.RunAsync(_caller, "bench.echo", BenchPayloads.SmallPayload, CallsPerBatch, InFlight);
}

/// <summary>Keeps a fixed number of calls in flight until a total is done.</summary>
internal static class Load
{
    public static Task RunAsync(IWampClient caller, string procedure, WampPayload payload, int total, int inFlight)
    {
        int remaining = total;
        var workers = new Task[inFlight];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Worker();
        }

        return Task.WhenAll(workers);

        async Task Worker()
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await caller.CallAsync(procedure, payload);
            }
        }
    }
}
