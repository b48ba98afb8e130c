using System.Text.Json;
using Cfc.Client.Testing;

namespace Cfc.Client.Tests.Master;

/// <summary>
/// Management realm traces (IMasterFleet) under CfcUriScheme.CrossbarMaster against FakeCfc: traced workers are named by
/// node id and reach the master as node oids, and the whole lifecycle (create, start, data, stop, delete) runs. crossbar
/// v22.6.1 itself refuses every create_trace (tests/Cfc.Master.Tests/TraceTests checks that and its unknown-trace answers),
/// so the lifecycle's shapes come from the master's code, which the fake follows.
/// </summary>
public sealed class MasterTracesOnFakeTests
{
    private const string User = "superuser";

    [Fact]
    public async Task A_trace_over_a_router_worker_named_by_node_id_runs_its_whole_lifecycle()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab1"] = ["owner"] });
        fake.AddNode("lab1", "node1");
        await using CfcClient lab = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = "lab1",
            Authenticator = CfcAuthenticator.Cryptosign(key, User),
            UriScheme = CfcUriScheme.CrossbarMaster,
        });
        string nodeOid = (await lab.ManagementRealm.GetNodeAsync("node1")).Oid!;
        await lab.RemoteNode.StartWorkerAsync("node1", "rw1", new Dictionary<string, object?> { ["type"] = "router" });

        await lab.Fleet.CreateTraceAsync("t1", [new TracedWorker("node1", "rw1")], new Dictionary<string, object?> { ["trace_level"] = "message" });
        JsonElement created = await lab.Fleet.GetTraceAsync("t1");
        JsonElement started = await lab.Fleet.StartTraceAsync("t1");
        JsonElement data = await lab.Fleet.GetTraceDataAsync("t1", limit: 5);
        JsonElement stopped = await lab.Fleet.StopTraceAsync("t1");
        await lab.Fleet.DeleteTraceAsync("t1");

        Assert.Equal(nodeOid, created.GetProperty("traced_workers")[0][0].GetString());
        Assert.Equal("stopped", created.GetProperty("status").GetString());
        Assert.Equal((1, 0), (started.GetProperty("started").GetArrayLength(), started.GetProperty("failed").GetArrayLength()));
        Assert.True(data.GetProperty(nodeOid).GetProperty("rw1").GetProperty("success").GetBoolean());
        Assert.Equal((1, 0), (stopped.GetProperty("stopped").GetArrayLength(), stopped.GetProperty("failed").GetArrayLength()));
        Assert.Empty(await lab.Fleet.GetTracesAsync());
    }

    [Fact]
    public async Task Trace_errors_say_what_is_wrong_and_arguments_are_checked_before_the_wire()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab1"] = ["owner"] });
        fake.AddNode("lab1", "node1");
        await using CfcClient lab = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = "lab1",
            Authenticator = CfcAuthenticator.Cryptosign(key, User),
            UriScheme = CfcUriScheme.CrossbarMaster,
        });
        await lab.Fleet.CreateTraceAsync("t1", [new TracedWorker("node1", "rw1")]);

        await Assert.ThrowsAsync<CfcAlreadyExistsException>(() => lab.Fleet.CreateTraceAsync("t1", [new TracedWorker("node1", "rw1")]));
        await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.CreateTraceAsync("t2", [new TracedWorker("no-such-node", "rw1")]));
        CfcNotFoundException unknown = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.StartTraceAsync("nope"));
        CfcException notRunning = await Assert.ThrowsAnyAsync<CfcException>(() => lab.Fleet.StopTraceAsync("t1"));
        await Assert.ThrowsAsync<ArgumentException>(() => lab.Fleet.CreateTraceAsync("t3", []));
        await Assert.ThrowsAsync<ArgumentException>(() => lab.Fleet.CreateTraceAsync("t3", [new TracedWorker("node1", " ")]));

        Assert.Contains("no trace with this id", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("stop a running one", notRunning.Message, StringComparison.Ordinal);
        Assert.Equal(["t1"], await lab.Fleet.GetTracesAsync());
    }
}
