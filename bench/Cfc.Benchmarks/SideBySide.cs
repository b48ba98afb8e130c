using System.Diagnostics;
using System.Globalization;
using Cfc.Wamp.Router;
using Cfc.Wamp;

namespace Cfc.Benchmarks;

/// <summary>
/// The side-by-side measurement (bench/side-by-side/run.sh), the same procedure as the autobahn-js baseline in
/// bench/side-by-side/autobahn-bench.js: a callee and a caller on one router; 200 warm-up calls, 1000 sequential
/// calls (median and p99 latency), then 20 000 calls with 100 in flight (throughput).
/// Usage: sidebyside [--url ws://127.0.0.1:port/ws] [--realm realm1] [--serializer json|cbor|msgpack] [--label text].
/// Without --url it starts the in-process router on a free loopback port.
/// </summary>
internal static class SideBySide
{
    private const int WarmUp = 200;
    private const int Sequential = 1000;
    private const int Loaded = 20_000;
    private const int InFlight = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = Option(args, "--url");
        string realm = Option(args, "--realm") ?? BenchRouter.Realm;
        WampSerializer serializer = (Option(args, "--serializer") ?? "json") switch
        {
            "json" => WampSerializer.Json,
            "cbor" => WampSerializer.Cbor,
            "msgpack" => WampSerializer.MessagePack,
            string other => throw new ArgumentException("unknown serializer " + other),
        };

        await using WampRouterHost? host = url is null ? await WampRouterHost.StartNewAsync() : null;
        Uri target = host?.Url ?? new Uri(url!);
        string label = Option(args, "--label") ?? (host is null ? "Cfc.Wamp -> " + target : "Cfc.Wamp -> Cfc router");
        WampClientOptions options = new() { Url = target, Realm = realm, Serializers = [serializer], KeepAliveInterval = TimeSpan.Zero };

        await using WampClient callee = await WampClient.ConnectAsync(options);
        await using WampRegistration registration = await callee.RegisterAsync("bench.echo", static (invocation, _) => ValueTask.FromResult(invocation.Payload));
        await using WampClient caller = await WampClient.ConnectAsync(options);
        WampPayload payload = BenchPayloads.SmallPayload;

        for (int i = 0; i < WarmUp; i++)
        {
            await caller.CallAsync("bench.echo", payload);
        }

        double[] micros = new double[Sequential];
        for (int i = 0; i < Sequential; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await caller.CallAsync("bench.echo", payload);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        Stopwatch loaded = Stopwatch.StartNew();
        await Load.RunAsync(caller, "bench.echo", payload, Loaded, InFlight);
        loaded.Stop();

        double median = micros[Sequential / 2];
        double p99 = micros[(int)Math.Ceiling(Sequential * 0.99) - 1];
        double throughput = Loaded / loaded.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {serializer.ToString().ToLowerInvariant()} | {median:F0} µs | {p99:F0} µs | {throughput / 1000:F1}k calls/s |"));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
