using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cfc.Client;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// The side-by-side table (scripts/bench.sh): every figure measured in one run on this machine, each with its ratio
/// to the floor or to the peer measured in the same run. Parts: (a) the socket floor, (b) our client against our
/// router, (c) our client and autobahn-js against fox-wamp with one shared autobahn-js callee, (d) a typed call
/// against the real Crossbar.io master for our client and autobahn-python, (e) a fleet of simulated nodes on the
/// fake CFC. Usage: <c>table [--quick]</c>.
/// </summary>
internal static class TableRun
{
    public static readonly WampSerializer[] Serializers = [WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static string EchoProcedure(WampSerializer serializer) => "bench.echo." + Name(serializer);

    public static string Name(WampSerializer serializer) => serializer switch
    {
        WampSerializer.Cbor => "cbor",
        WampSerializer.MessagePack => "msgpack",
        _ => "json",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        Sizes sizes = quick ? Sizes.Quick : Sizes.Full;
        string root = RepositoryRoot();
        var rows = new List<Row>();
        Console.Error.WriteLine($"bench: {(quick ? "quick" : "full")} run on {Machine()}");

        // (a) + (b): the echo server, our router and its callees live in a second process.
        Figures floor;
        await using (ChildProcess serve = ChildProcess.StartSelf("serve"))
        {
            Dictionary<string, string> endpoints = await serve.ReadUntilReadyAsync(StartTimeout);
            Console.Error.WriteLine("bench: (a) floor");
            floor = await FloorClient.EchoAsync(new Uri(endpoints["ECHO"]), sizes);
            rows.Add(new Row("a1", "floor: WebSocket echo, ClientWebSocket <-> Kestrel, 123-byte text frame (pipelined: 100 in flight)")
            {
                Median = Row.Us(floor.MedianUs),
                P99 = Row.Us(floor.P99Us),
                Rate = Row.PerSecond(floor.PerSecond, "msg"),
                Cpu = Row.Us(floor.CpuUsPerOp),
                Alloc = Row.Bytes(floor.BytesPerOp),
            });
            (double stjNs, double stjBytes) = FloorClient.JsonWriteParse(sizes.CodecOps);
            rows.Add(new Row("a2", "floor: System.Text.Json write+parse of that CALL (Utf8JsonWriter/Utf8JsonReader)")
            {
                Median = Row.Ns(stjNs),
                Rate = Row.PerSecond(1e9 / stjNs, "op"),
                Alloc = Row.Bytes(stjBytes),
            });
            int codecRow = 3;
            foreach (WampSerializer serializer in Serializers)
            {
                (double ns, double bytes) = Codecs.WriteParse(serializer, sizes.CodecOps);
                rows.Add(new Row("a" + codecRow++, $"Cfc.Wamp {Name(serializer)} serializer: write+parse of that CALL")
                {
                    Median = Row.Ns(ns),
                    Rate = Row.PerSecond(1e9 / ns, "op"),
                    Alloc = Row.Bytes(bytes),
                    Ratios = Row.Ratio(ns, stjNs, "a2"),
                });
            }

            Uri router = new(endpoints["ROUTER"]);
            int callRow = 1;
            foreach (WampSerializer serializer in Serializers)
            {
                Console.Error.WriteLine($"bench: (b) {Name(serializer)}");
                await using WampClient caller = await WampClient.ConnectAsync(new WampClientOptions
                {
                    Url = router,
                    Realm = BenchRouter.Realm,
                    Serializers = [serializer],
                    KeepAliveInterval = TimeSpan.Zero,
                });
                string procedure = EchoProcedure(serializer);
                WampPayload payload = BenchPayloads.SmallPayload;
                Figures ours = await Measure.CallsAsync(
                    () => caller.CallAsync(procedure, payload), sizes.CallWarmUp, sizes.CallSequential, sizes.CallLoaded, sizes.InFlight);
                rows.Add(CallRow("b" + callRow++, $"Cfc.Wamp -> Cfc router -> Cfc.Wamp callee, {Name(serializer)}, call [\"hello\",42]", ours) with
                {
                    Ratios = string.Join("; ",
                        Row.Ratio(ours.MedianUs, 2 * floor.MedianUs, "median / 2 echo RTT"),
                        Row.Ratio(ours.PerSecond, floor.PerSecond, "rate / echo rate"),
                        Row.Ratio(ours.CpuUsPerOp, floor.CpuUsPerOp, "CPU / echo CPU")),
                });
            }
        }

        // Every serializer's event path is warmed before any is timed: the code they share (router, session, dispatcher)
        // would otherwise still be compiling while the first one runs, and the order would decide the ranking.
        foreach (WampSerializer serializer in Serializers)
        {
            Console.Error.WriteLine($"bench: (b) events {Name(serializer)} warm-up");
            await EventRate.InMemoryAsync(serializer, sizes.Events / 10, sizes.EventWarmUp);
        }

        int eventRow = 4;
        foreach (WampSerializer serializer in Serializers)
        {
            Console.Error.WriteLine($"bench: (b) events {Name(serializer)}");
            double rate = await EventRate.InMemoryAsync(serializer, sizes.Events, sizes.EventWarmUp);
            rows.Add(new Row("b" + eventRow++, $"events into one observer, Cfc.Wamp publisher -> Cfc router -> Cfc.Wamp subscriber, in memory, {Name(serializer)}")
            {
                Rate = Row.PerSecond(rate, "events"),
                Ratios = Row.Ratio(rate, 500_000, "target 500k/s"),
            });
        }

        rows.AddRange(await FoxAsync(root, sizes));
        rows.AddRange(await MasterAsync(root, sizes));
        rows.Add(await FleetAsync(sizes, rows.First(r => r.Id == "b1")));

        Console.WriteLine();
        Console.WriteLine($"Side by side, {(quick ? "QUICK (smoke sizes, not for comparison)" : "full")} run, {Machine()}");
        Console.WriteLine();
        Console.WriteLine(Row.Header);
        foreach (Row row in rows)
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    private static Row CallRow(string id, string scenario, Figures figures) => new(id, scenario)
    {
        Median = Row.Us(figures.MedianUs),
        P99 = Row.Us(figures.P99Us),
        Rate = Row.PerSecond(figures.PerSecond, "calls"),
        Cpu = Row.Us(figures.CpuUsPerOp),
        Alloc = Row.Bytes(figures.BytesPerOp),
    };

    /// <summary>(c): fox-wamp, one autobahn-js callee process, then our caller and the autobahn-js caller one after the other.</summary>
    private static async Task<Row[]> FoxAsync(string root, Sizes sizes)
    {
        Console.Error.WriteLine("bench: (c) fox-wamp");
        string peers = Path.Combine(root, "tests", "interop-peers", "node_modules");
        string scripts = Path.Combine(root, "bench", "side-by-side");
        if (!Directory.Exists(Path.Combine(peers, "fox-wamp")) || !Directory.Exists(Path.Combine(peers, "autobahn")))
        {
            throw new InvalidOperationException($"fox-wamp and autobahn are not installed under {peers}: run scripts/setup-test-deps.sh (scripts/bench.sh does).");
        }

        var env = new Dictionary<string, string> { ["NODE_PATH"] = peers };
        await using ChildProcess router = ChildProcess.Start("node", [Path.Combine(scripts, "fox-router.js")], env);
        string portLine = await router.ReadLineAsync(l => l.Contains("\"port\"", StringComparison.Ordinal), StartTimeout);
        int port = JsonDocument.Parse(portLine).RootElement.GetProperty("port").GetInt32();
        string url = $"ws://127.0.0.1:{port}/ws";
        await using ChildProcess callee = ChildProcess.Start("node", [Path.Combine(scripts, "autobahn-callee.js"), url, "realm1"], env);
        await callee.ReadLineAsync(l => l.Contains("\"ready\"", StringComparison.Ordinal), StartTimeout);

        Figures ours;
        await using (WampClient caller = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = new Uri(url),
            Realm = "realm1",
            Serializers = [WampSerializer.Json],
            KeepAliveInterval = TimeSpan.Zero,
        }))
        {
            WampPayload payload = BenchPayloads.SmallPayload;
            ours = await Measure.CallsAsync(() => caller.CallAsync("bench.echo", payload), sizes.CallWarmUp, sizes.CallSequential, sizes.CallLoaded, sizes.InFlight);
        }

        await using ChildProcess js = ChildProcess.Start("node",
            [Path.Combine(scripts, "autobahn-caller.js"), url, "realm1", "bench.echo", .. Counts(sizes.CallWarmUp, sizes.CallSequential, sizes.CallLoaded, sizes.InFlight)], env);
        Figures theirs = PeerFigures(await js.ReadLineAsync(l => l.StartsWith('{'), TimeSpan.FromMinutes(10)));

        return
        [
            CallRow("c1", "Cfc.Wamp -> fox-wamp 0.7.28 -> autobahn-js callee, json", ours) with
            {
                Ratios = string.Join("; ",
                    Row.Ratio(ours.MedianUs, theirs.MedianUs, "median / c2"),
                    Row.Ratio(ours.PerSecond, theirs.PerSecond, "rate / c2"),
                    Row.Ratio(ours.CpuUsPerOp, theirs.CpuUsPerOp, "CPU / c2")),
            },
            CallRow("c2", "autobahn-js 22.11.1 -> fox-wamp 0.7.28 -> the same callee, json", theirs),
        ];
    }

    /// <summary>(d): the kit's master (setup.sh + start.sh), our typed System.GetStatusAsync and autobahn-python's get_status.</summary>
    private static async Task<Row[]> MasterAsync(string root, Sizes sizes)
    {
        Console.Error.WriteLine("bench: (d) crossbar master (setup + start)");
        await using var kit = new CrossbarMasterKit();
        await kit.InitializeAsync();
        int warmUp = Math.Max(5, sizes.MasterSequential / 10);

        Figures ours;
        using (CryptosignKey key = CryptosignKey.Load(kit.SuperuserKeyFile))
        await using (CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = kit.MasterUrl,
            Realm = CfcRealms.Global,
            Authenticator = CfcAuthenticator.Cryptosign(key, kit.SuperuserAuthId),
            UriScheme = CfcUriScheme.CrossbarMaster,
            Connection = new() { KeepAliveInterval = TimeSpan.Zero },
        }))
        {
            ours = await Measure.CallsAsync(() => client.System.GetStatusAsync(), warmUp, sizes.MasterSequential, sizes.MasterLoaded, sizes.InFlight);
        }

        await using ChildProcess python = ChildProcess.Start("/usr/bin/python3",
        [
            Path.Combine(root, "bench", "side-by-side", "autobahn-python-master.py"), kit.MasterUrl.ToString(), kit.SuperuserKeyFile, CfcRealms.Global,
            .. Counts(warmUp, sizes.MasterSequential, sizes.MasterLoaded, sizes.InFlight),
        ]);
        Figures theirs = PeerFigures(await python.ReadLineAsync(l => l.StartsWith('{'), TimeSpan.FromMinutes(10)));

        return
        [
            CallRow("d1", "Cfc.Client System.GetStatusAsync (typed, CrossbarMaster scheme) -> crossbar master v22.6.1, json", ours) with
            {
                Ratios = string.Join("; ",
                    Row.Ratio(ours.MedianUs, theirs.MedianUs, "median / d2"),
                    Row.Ratio(ours.PerSecond, theirs.PerSecond, "rate / d2"),
                    Row.Ratio(ours.CpuUsPerOp, theirs.CpuUsPerOp, "CPU / d2")),
            },
            CallRow("d2", "autobahn-python 22.7.1 domain.get_status -> the same master, json", theirs),
        ];
    }

    /// <summary>(e): the fleet, in its own process.</summary>
    private static async Task<Row> FleetAsync(Sizes sizes, Row sequential)
    {
        Console.Error.WriteLine($"bench: (e) fleet of {sizes.FleetNodes}");
        await using ChildProcess fleet = ChildProcess.StartSelf("fleet", sizes.FleetNodes.ToString(CultureInfo.InvariantCulture), sizes.FleetConcurrency.ToString(CultureInfo.InvariantCulture));
        string[] parts = (await fleet.ReadLineAsync(l => l.StartsWith("FLEET ", StringComparison.Ordinal), TimeSpan.FromMinutes(10))).Split(' ');
        double seconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
        double peakWorkingSet = double.Parse(parts[2], CultureInfo.InvariantCulture);
        double peakManaged = double.Parse(parts[3], CultureInfo.InvariantCulture);
        double rate = sizes.FleetNodes / seconds;
        return new Row("e1", Row.F("fleet: {0} simulated nodes on the fake CFC, one typed RemoteNode.GetStatusAsync each, {1} in flight", sizes.FleetNodes, sizes.FleetConcurrency))
        {
            Median = Row.F("total {0:F2} s", seconds),
            Rate = Row.PerSecond(rate, "nodes"),
            Alloc = Row.F("peak {0:F0} MB process, {1:F0} MB managed heap", peakWorkingSet / (1024 * 1024), peakManaged / (1024 * 1024)),
            Ratios = Row.F("per node {0:F0} µs wall", 1e6 / rate) + "; " + Row.F("b1 median {0}", sequential.Median),
        };
    }

    private static string[] Counts(params int[] counts) => [.. counts.Select(c => c.ToString(CultureInfo.InvariantCulture))];

    private static Figures PeerFigures(string json)
    {
        JsonElement e = JsonDocument.Parse(json).RootElement;
        return new Figures(e.GetProperty("medianUs").GetDouble(), e.GetProperty("p99Us").GetDouble(), e.GetProperty("perSecond").GetDouble(), e.GetProperty("cpuUsPerOp").GetDouble(), double.NaN);
    }

    private static string Machine()
    {
        string cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The folder holding Cfc.Client.sln, found by walking up from the program.</summary>
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Cfc.Client.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Cfc.Client.sln not found above " + AppContext.BaseDirectory + ": run the benchmark from the repository.");
    }
}
