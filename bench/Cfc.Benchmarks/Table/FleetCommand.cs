using System.Diagnostics;
using System.Globalization;
using Cfc.Client;
using Cfc.Client.Testing;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// Row (e), in a process of its own so that its peak memory is its own: a fake CFC with <c>nodes</c> simulated nodes
/// in management realm "lab", one typed client (the realm's owner), and one <c>RemoteNode.GetStatusAsync</c> to every
/// node with at most <c>concurrency</c> in flight. Prints one line: <c>FLEET seconds peakWorkingSetBytes peakManagedBytes</c>.
/// </summary>
internal static class FleetCommand
{
    public static async Task<int> RunAsync(int nodes, int concurrency)
    {
        await using FakeCfc fake = await FakeCfc.StartAsync();
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser("owner@example.com", key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] });
        string[] ids = new string[nodes];
        for (int i = 0; i < nodes; i++)
        {
            ids[i] = fake.AddNode("lab", "node-" + i.ToString("D4", CultureInfo.InvariantCulture)).NodeId;
        }

        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = "lab",
            Authenticator = CfcAuthenticator.Cryptosign(key, "owner@example.com"),
        });

        long peakManaged = 0;
        using var sampler = new Timer(_ => Max(ref peakManaged, GC.GetTotalMemory(false)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
        long start = Stopwatch.GetTimestamp();
        int answered = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            NodeStatus status = await client.RemoteNode.GetStatusAsync(id, ct);
            if (status.ManagementNodeId == id)
            {
                Interlocked.Increment(ref answered);
            }
        });
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Max(ref peakManaged, GC.GetTotalMemory(false));
        if (answered != nodes)
        {
            throw new InvalidOperationException($"{nodes - answered} of {nodes} nodes answered with another node's status.");
        }

        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FLEET {seconds} {self.PeakWorkingSet64} {Interlocked.Read(ref peakManaged)}"));
        return 0;
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
