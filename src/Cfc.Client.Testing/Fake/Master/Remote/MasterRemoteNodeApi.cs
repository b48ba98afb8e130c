using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.node.*(node_oid, ...)</c>: the node controller of a simulated node, with the reply shapes of a
/// crossbar v22.6.1 edge node: <c>get_status</c>, <c>get_system_stats</c>, <c>get_cpu_count</c>, <c>get_process_info</c>,
/// <c>shutdown</c> (the node goes offline; answered with <c>wamp.error.canceled</c>, as the real master does), <c>get_workers</c> (sorted ids), <c>get_worker</c>, <c>start_worker(worker_id,
/// worker_type, worker_options)</c>, <c>stop_worker(worker_id, kill)</c> and <c>get_worker_log(worker_id, limit)</c>
/// (<c>crossbar.error.no_such_worker</c> "No worker with ID '...'" for an unknown worker). Worker lifecycle events are not
/// published: the real master does not forward them for actions it started (FACTS.md).
/// </summary>
internal sealed class MasterRemoteNodeApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("node", master, host)
{
    private static readonly string[] WorkerTypes = [SimulatedWorker.RouterType, SimulatedWorker.ContainerType, SimulatedWorker.GuestType, SimulatedWorker.ProxyType, "websocket-testee"];

    public override void Register()
    {
        Remote("get_status", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "get_status");
            return MasterJson.Result(w =>
            {
                w.WriteString("title", "Crossbar.io 22.6.1");
                w.WriteString("started", FakeJson.Iso(node.Started));
                w.WriteNumber("controller_pid", node.ControllerPid);
                w.WriteNumber("running_workers", node.Workers.Count);
                w.WriteStartObject("workers_by_type");
                foreach (IGrouping<string, SimulatedWorker> group in node.Workers.Values.GroupBy(x => x.Type))
                {
                    w.WriteNumber(group.Key, group.Count());
                }

                w.WriteEndObject();
                w.WriteString("directory", node.Directory);
                w.WriteString("ethadr", "0x" + node.PublicKey.PadRight(40, '0')[..40]);
                w.WriteString("pubkey", node.PublicKey);
                w.WriteString("management_realm", node.RealmName);
                w.WriteString("management_node_id", node.NodeId);
                w.WriteNumber("management_session_id", Who(node));
                w.WriteStartObject("management_node_extra");
                w.WriteString("x_cb_node", "center1");
                w.WriteString("x_cb_worker", "cfrouter1");
                w.WriteString("x_cb_peer", "tcp4:127.0.0.1:35452");
                w.WriteNumber("x_cb_pid", 4242);
                w.WriteEndObject();
                w.WriteBoolean("has_docker", node.HasDocker);
            });
        });
        Remote("get_cpu_count", (c, a) =>
        {
            _ = Node(c, a, "get_cpu_count");
            return FakeJson.Result(Environment.ProcessorCount);
        });
        Remote("get_system_stats", (c, a) => MasterJson.Result(w => WriteSystemStats(w, Node(c, a, "get_system_stats"), State.Now)));
        Remote("get_process_info", (c, a) => MasterJson.Result(w => WriteProcessInfo(w, Node(c, a, "get_process_info").ControllerPid, "controller")));
        Remote("shutdown", (c, a) =>
        {
            // The real edge closes its management uplink before it answers: the master cancels the call.
            SimulatedNode node = Node(c, a, "shutdown");
            node.IsOnline = false;
            throw MasterErrors.Error(MasterErrors.CanceledUri, "callee disconnected from in-flight request");
        });
        Remote("get_workers", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "get_workers");
            HashSet<string>? types = a.TryGet(1, "filter_types", out JsonElement f) && f.ValueKind == JsonValueKind.Array && f.GetArrayLength() > 0
                ? [.. f.EnumerateArray().Select(t => t.GetString() ?? string.Empty)]
                : null;
            return FakeJson.Result(node.Workers.Values.Where(x => types is null || types.Contains(x.Type)).Select(x => x.Id).Order(StringComparer.Ordinal));
        });
        Remote("get_worker", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "get_worker");
            SimulatedWorker worker = NodeWorker(node, a.String(1, "worker_id"));
            return One(WorkerObject(worker, State.Now));
        });
        Remote("start_worker", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "start_worker");
            string workerId = a.String(1, "worker_id");
            string type = a.String(2, "worker_type");
            JsonElement? options = a.OptionalObject(3, "worker_options");
            if (node.Workers.ContainsKey(workerId))
            {
                throw MasterErrors.Error(MasterErrors.WorkerAlreadyRunningUri, $"Could not start worker: a worker with ID '{workerId}' is already running (or starting)");
            }

            if (!WorkerTypes.Contains(type))
            {
                throw MasterErrors.Runtime($"invalid worker type \"{type}\"");
            }

            DateTimeOffset now = State.Now;
            int pid = State.Random.Next(2000, 60000);
            SimulatedWorker worker = type switch
            {
                SimulatedWorker.RouterType => new SimulatedRouterWorker(workerId, now, pid),
                SimulatedWorker.ContainerType => new SimulatedContainerWorker(workerId, now, pid),
                SimulatedWorker.ProxyType => new SimulatedProxyWorker(workerId, now, pid),
                _ => new SimulatedWorker(workerId, type, now, pid),
            };
            worker.Options = options;
            worker.Log.Add($"{type} worker '{workerId}' started");
            node.Workers.Add(workerId, worker);
            return MasterJson.Result(w =>
            {
                w.WriteString("id", workerId);
                w.WriteString("status", worker.Status);
                w.WriteString("started", FakeJson.Iso(now));
                w.WriteNumber("who", Who(node));
                w.WriteNumber("pid", pid);
                w.WriteFloat("startup_time", 0.5);
            });
        });
        Remote("stop_worker", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "stop_worker");
            string workerId = a.String(1, "worker_id");
            bool kill = a.Bool(2, "kill", false);
            SimulatedWorker worker = NodeWorker(node, workerId);
            node.Workers.Remove(workerId);
            return MasterJson.Result(w =>
            {
                w.WriteString("id", worker.Id);
                w.WriteString("type", worker.Type);
                w.WriteBoolean("kill", kill);
                w.WriteNumber("who", Who(node));
                w.WriteString("when", FakeJson.Iso(State.Now));
            });
        });
        Remote("get_worker_log", (c, a) =>
        {
            SimulatedNode node = Node(c, a, "get_worker_log");
            SimulatedWorker worker = NodeWorker(node, a.String(1, "worker_id"));
            long limit = a.OptionalLong(2, "limit") ?? 100;
            return FakeJson.Result(worker.Log.Skip(Math.Max(0, worker.Log.Count - (int)Math.Clamp(limit, 0, int.MaxValue))));
        });
    }

    private static SimulatedWorker NodeWorker(SimulatedNode node, string workerId) =>
        node.Workers.GetValueOrDefault(workerId) ?? throw MasterErrors.Error(FakeErrors.NoSuchWorker, $"No worker with ID '{workerId}'");

    /// <summary>A worker as the node controller's <c>get_worker</c> describes it.</summary>
    internal static JsonElement WorkerObject(SimulatedWorker worker, DateTimeOffset now) => FakeJson.Object(w =>
    {
        w.WriteString("id", worker.Id);
        w.WriteNumber("pid", worker.Pid);
        w.WriteString("type", worker.Type);
        w.WriteString("status", worker.Status);
        w.WriteString("created", FakeJson.Iso(worker.Created));
        w.WriteString("started", FakeJson.Iso(worker.Started));
        w.WriteFloat("startup_time", 0.5);
        w.WriteFloat("uptime", Math.Max(0.001, (now - worker.Started).TotalSeconds));
    });

    /// <summary>psutil's process information as crossbar's <c>get_process_info</c> reports it (node controller or worker).</summary>
    internal static void WriteProcessInfo(Utf8JsonWriter w, int pid, string type)
    {
        w.WriteNumber("pid", pid);
        w.WriteString("type", type);
        w.WriteString("exe", "/usr/bin/python3.11");
        w.WriteStrings("cmdline", ["/usr/bin/python3", "-m", "crossbar", type]);
        w.WriteString("status", "sleeping");
        w.WriteNumber("num_threads", 4);
        w.WriteNumber("num_fds", 24);
        w.WriteFloat("cpu_percent", 0.5);
        w.WriteFloat("memory_percent", 0.3);
    }

    /// <summary>The node host's statistics (psutil), with the keys and JSON types the real node sends.</summary>
    internal static void WriteSystemStats(Utf8JsonWriter w, SimulatedNode node, DateTimeOffset now)
    {
        w.WriteNumber("uptime", (now - node.Started).Ticks * 100);
        w.WriteStartObject("network");
        foreach (string name in new[] { "bytes_sent", "bytes_recv", "packets_sent", "packets_recv", "errin", "errout", "dropin", "dropout" })
        {
            w.WriteNumber(name, name.StartsWith("bytes", StringComparison.Ordinal) ? 1_048_576 : name.StartsWith("packets", StringComparison.Ordinal) ? 4096 : 0);
        }

        w.WriteStartObject("connection");
        w.WriteNumber("AF_INET", 12);
        w.WriteNumber("AF_UNIX", 8);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("disk");
        foreach (string name in new[] { "read_count", "write_count", "read_bytes", "write_bytes", "read_time", "write_time", "read_merged_count", "write_merged_count", "busy_time" })
        {
            w.WriteNumber(name, 1000);
        }

        w.WriteEndObject();
        w.WriteStartObject("cpu");
        foreach ((string name, double value) in new[] { ("user", 12.5), ("nice", 0.0), ("system", 3.5), ("idle", 83.5), ("iowait", 0.3), ("irq", 0.0), ("softirq", 0.1), ("steal", 0.1), ("guest", 0.0), ("guest_nice", 0.0) })
        {
            w.WriteFloat(name, value);
        }

        w.WriteNumber("freq", 2600);
        w.WriteNumber("ctx_switches", 1_000_000);
        w.WriteNumber("interrupts", 500_000);
        w.WriteNumber("soft_interrupts", 250_000);
        w.WriteEndObject();
        w.WriteStartObject("memory");
        w.WriteNumber("total", 8_589_934_592);
        w.WriteNumber("available", 6_442_450_944);
        w.WriteFloat("percent", 25.0);
        foreach (string name in new[] { "used", "free", "active", "inactive", "buffers", "cached", "shared", "slab" })
        {
            w.WriteNumber(name, 1_073_741_824);
        }

        w.WriteEndObject();
        w.WriteNumber("elapsed", 1_000_000);
    }
}
