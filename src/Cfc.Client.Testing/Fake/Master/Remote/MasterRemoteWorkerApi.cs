using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.worker.*(node_oid, worker_id, ...)</c>: what every native worker of a v22.6.1 edge registers:
/// Python path, CPU affinity, profilers, process info and <c>shutdown</c>. <c>get_status</c> is forwarded by the master but no
/// worker registers it, so it always answers <c>wamp.error.no_such_procedure</c>, as on the real server.
/// </summary>
internal sealed class MasterRemoteWorkerApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("worker", master, host)
{
    public override void Register()
    {
        Remote("get_status", (c, a) =>
        {
            (SimulatedNode node, SimulatedWorker worker) = Worker<SimulatedWorker>(c, a, "get_status");
            throw MasterErrors.NoSuchProcedure(MasterUris.NodeTarget(node.NodeId, worker.Id, "get_status"));
        });
        Remote("get_pythonpath", (c, a) => FakeJson.Result(Worker<SimulatedWorker>(c, a, "get_pythonpath").Worker.PythonPath));
        Remote("add_pythonpath", (c, a) =>
        {
            SimulatedWorker worker = Worker<SimulatedWorker>(c, a, "add_pythonpath").Worker;
            JsonElement paths = a.Required(2, "paths");
            if (paths.ValueKind != JsonValueKind.Array || paths.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
            {
                throw MasterErrors.Error("crossbar.error.invalid_argument", "paths must be a list of strings");
            }

            bool prepend = a.Bool(3, "prepend", true);
            worker.PythonPath.InsertRange(prepend ? 0 : worker.PythonPath.Count, paths.EnumerateArray().Select(p => p.GetString()!));
            return FakeJson.Result(worker.PythonPath);
        });
        Remote("get_cpu_affinity", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Worker<SimulatedWorker>(c, a, "get_cpu_affinity").Worker.CpuAffinity.Select(x => (long)x))));
        Remote("set_cpu_affinity", (c, a) =>
        {
            SimulatedWorker worker = Worker<SimulatedWorker>(c, a, "set_cpu_affinity").Worker;
            JsonElement cpus = a.Required(2, "cpus");
            if (cpus.ValueKind != JsonValueKind.Array || cpus.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out int n) || n < 0))
            {
                throw MasterErrors.Runtime("cpus must be a list of CPU numbers");
            }

            worker.CpuAffinity.Clear();
            worker.CpuAffinity.AddRange(cpus.EnumerateArray().Select(x => x.GetInt32()).Distinct().Order());
            return WampPayload.FromArguments(FakeJson.LongArray(worker.CpuAffinity.Select(x => (long)x)));
        });
        Remote("get_process_info", (c, a) =>
        {
            SimulatedWorker worker = Worker<SimulatedWorker>(c, a, "get_process_info").Worker;
            return MasterJson.Result(w => MasterRemoteNodeApi.WriteProcessInfo(w, worker.Pid, worker.Type));
        });
        Remote("get_profilers", (c, a) =>
        {
            _ = Worker<SimulatedWorker>(c, a, "get_profilers");
            return WampPayload.FromArguments(FakeJson.Array(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", "vmprof");
                w.WriteString("config", "VMprof statistical profiler");
                w.WriteEndObject();
            }));
        });
        Remote("start_profiler", (c, a) =>
        {
            (SimulatedNode node, SimulatedWorker worker) = Worker<SimulatedWorker>(c, a, "start_profiler");
            string profiler = a.OptionalString(2, "profiler") ?? "vmprof";
            long runtime = a.OptionalLong(3, "runtime") ?? 10;
            if (profiler != "vmprof")
            {
                throw MasterErrors.Error("crossbar.error.invalid_argument", $"no profiler named '{profiler}'");
            }

            string id = (worker.Profiles.Count + 1).ToString(CultureInfo.InvariantCulture);
            worker.Profiles.Add(id, new SimulatedProfile(id, profiler, (int)runtime, State.Now));
            return MasterJson.Result(w =>
            {
                w.WriteNumber("id", worker.Profiles.Count);
                w.WriteNumber("who", Who(node));
                w.WriteString("profiler", profiler);
                w.WriteNumber("runtime", runtime);
                w.WriteBoolean("async", a.Bool(4, "start_async", true));
            });
        });
        Remote("get_profile", (c, a) =>
        {
            SimulatedWorker worker = Worker<SimulatedWorker>(c, a, "get_profile").Worker;
            long id = a.OptionalLong(2, "profile_id") ?? throw MasterErrors.Missing("get_profile", "profile_id");
            SimulatedProfile profile = Find(worker.Profiles, id.ToString(CultureInfo.InvariantCulture), "profile");
            return MasterJson.Result(w =>
            {
                w.WriteNumber("id", id);
                w.WriteNull("error");
                w.WriteStartArray("profile");
                w.WriteEndArray();
                _ = profile;
            });
        });
        Remote("shutdown", (c, a) =>
        {
            (SimulatedNode node, SimulatedWorker worker) = Worker<SimulatedWorker>(c, a, "shutdown");
            node.Workers.Remove(worker.Id);
            return FakeJson.Null();
        });
    }
}
