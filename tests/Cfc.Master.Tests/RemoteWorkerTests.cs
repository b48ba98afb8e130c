using System.Text.Json;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>
/// A native worker through the remote worker API: its Python search path, CPU affinity and profilers, and its orderly
/// shutdown, on a router worker of the kit's edge named by node id.
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class RemoteWorkerTests(CrossbarMasterKit kit)
{
    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_worker_extends_its_python_path_pins_its_cpus_lists_its_profilers_and_shuts_down_in_order(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string worker = $"wk-{serializer}";
        await client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("router"));
        bool shutDown = false;
        try
        {
            // "." is the node directory (relative paths resolve against it); prepended, it comes first
            JsonElement added = await client.RemoteWorker.AddPythonpathAsync(Edge, worker, ["."], prepend: true);
            JsonElement resolved = added.GetProperty("paths_added")[0];
            Assert.Equal(".", resolved.GetProperty("requested").GetString());
            string nodeDirectory = resolved.GetProperty("resolved").GetString()!;
            Assert.True(Path.IsPathRooted(nodeDirectory), nodeDirectory);
            Assert.True(added.GetProperty("prepend").GetBoolean());
            Assert.Equal(nodeDirectory, added.GetProperty("paths")[0].GetString());
            Assert.Equal(nodeDirectory, (await client.RemoteWorker.GetPythonpathAsync(Edge, worker))[0]);
            CfcInvalidArgumentException notADirectory = await Assert.ThrowsAsync<CfcInvalidArgumentException>(
                () => client.RemoteWorker.AddPythonpathAsync(Edge, worker, ["no-such-directory"]));
            Assert.Contains("is not a directory", notADirectory.Message, StringComparison.Ordinal);

            JsonElement pinned = await client.RemoteWorker.SetCpuAffinityAsync(Edge, worker, [0]);
            Assert.Equal([0], pinned.EnumerateArray().Select(c => c.GetInt32()));
            Assert.Equal([0], (await client.RemoteWorker.GetCpuAffinityAsync(Edge, worker)).EnumerateArray().Select(c => c.GetInt32()));

            // The kit's edge runs Debian's crossbar without vmprof: it has no profiler, and says so.
            JsonElement profilers = await client.RemoteWorker.GetProfilersAsync(Edge, worker);
            Assert.Equal(JsonValueKind.Array, profilers.ValueKind);
            Assert.Equal(0, profilers.GetArrayLength());
            CfcException noProfiler = await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteWorker.StartProfilerAsync(Edge, worker, "vmprof", runtime: 1));
            Assert.Equal("wamp.error.runtime_error", noProfiler.ErrorUri);
            Assert.Contains("the worker has no profiler of that name", noProfiler.Message, StringComparison.Ordinal);
            CfcNotFoundException noProfile = await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteWorker.GetProfileAsync(Edge, worker, "1"));
            Assert.Contains("no profile with ID 1", noProfile.Message, StringComparison.Ordinal);

            WorkerShutdown shutdown = await client.RemoteWorker.ShutdownAsync(Edge, worker);
            Assert.NotNull(shutdown);
            shutDown = true;
            await WaitUntilGoneAsync(client, worker);
            await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.RemoteWorker.ShutdownAsync(Edge, worker));
        }
        finally
        {
            if (!shutDown)
            {
                await client.RemoteNode.StopWorkerAsync(Edge, worker);
            }
        }
    }

    // The worker leaves right after it answered; the node drops it from its list when its process has ended.
    private async Task WaitUntilGoneAsync(CfcClient client, string worker)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        while ((await client.RemoteNode.GetWorkersAsync(Edge, timeout.Token)).Contains(worker))
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
