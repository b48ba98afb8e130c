using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote node API: <c>get_status</c>, <c>shutdown</c> (the node goes offline), <c>get_workers</c>, <c>get_worker</c>,
/// <c>start_worker</c> (<c>crossbar.error.already_running</c> for a present id, <c>crossbar.error.invalid_configuration</c>
/// for an unknown type) and <c>stop_worker</c> (<c>crossbar.error.no_such_worker</c> for an unknown id; the worker is removed).
/// </summary>
internal sealed class FakeRemoteNodeApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteNode, state, host, schemes)
{
    private static readonly string[] WorkerTypes = [SimulatedWorker.RouterType, SimulatedWorker.ContainerType, SimulatedWorker.ProxyType, SimulatedWorker.GuestType];

    public override void Register()
    {
        Remote("get_status", (context, a) =>
        {
            SimulatedNode node = Node(context, a);
            return FakeJson.Result(w =>
            {
                w.WriteString("node_id", node.NodeId);
                w.WriteString("title", $"Crossbar.io node '{node.NodeId}'");
                w.WriteTime("started", node.Started);
                w.WriteNumber("controller_pid", node.ControllerPid);
                w.WriteNumber("running_workers", node.Workers.Count);
                w.WriteStartObject("workers_by_type");
                foreach (IGrouping<string, SimulatedWorker> group in node.Workers.Values.GroupBy(x => x.Type))
                {
                    w.WriteNumber(group.Key, group.Count());
                }

                w.WriteEndObject();
                w.WriteString("directory", node.Directory);
                w.WriteString("pubkey", node.PublicKey);
                w.WriteString("management_realm", node.RealmName);
                w.WriteString("management_node_id", node.NodeId);
                w.WriteBoolean("has_docker", node.HasDocker);
            });
        });
        Remote("shutdown", (context, a) =>
        {
            SimulatedNode node = Node(context, a);
            bool restart = a.Bool(1, "restart", false);
            node.IsOnline = false;
            return FakeJson.Result(w =>
            {
                w.WriteString("node_id", node.NodeId);
                w.WriteBoolean("restart", restart);
                w.WriteString("mode", a.OptionalString(2, "mode"));
                w.WriteString("who", context.AuthId);
                w.WriteTime("when", State.Now);
                w.WriteBoolean("was_clean", true);
            });
        });
        Remote("get_workers", (context, a) => FakeJson.Result(Node(context, a).Workers.Keys));
        Remote("get_worker", (context, a) => FakeJson.Result(WorkerObject(Worker(context, a), State.Now)));
        Remote("start_worker", (context, a) =>
        {
            SimulatedNode node = Node(context, a);
            string workerId = a.String(1, "worker_id");
            (string type, JsonElement? options) = WorkerTypeAndOptions(a);
            if (node.Workers.ContainsKey(workerId))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"a worker '{workerId}' is already running on node '{node.NodeId}'");
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
            return FakeJson.Result(w =>
            {
                w.WriteString("id", workerId);
                w.WriteString("type", type);
                w.WriteString("status", worker.Status);
                w.WriteTime("started", now);
                w.WriteString("who", context.AuthId);
                w.WriteNumber("pid", pid);
                w.WriteNumber("startup_time", 0.25);
            });
        });
        Remote("stop_worker", (context, a) => FakeJson.Result(StopWorker(context, Node(context, a), a.String(1, "worker_id"), a.Bool(2, "kill", false), State.Now)));
    }

    /// <summary>Removes a worker (<c>stop_worker</c>, <c>worker.shutdown</c>) and describes the stop.</summary>
    internal static JsonElement StopWorker(FakeCallContext context, SimulatedNode node, string workerId, bool kill, DateTimeOffset now)
    {
        if (!node.Workers.Remove(workerId, out SimulatedWorker? worker))
        {
            throw FakeErrors.Error(FakeErrors.NoSuchWorker, $"no worker '{workerId}' on node '{node.NodeId}'");
        }

        return FakeJson.Object(w =>
        {
            w.WriteString("id", worker.Id);
            w.WriteString("type", worker.Type);
            w.WriteBoolean("kill", kill);
            w.WriteString("who", context.AuthId);
            w.WriteTime("when", now);
        });
    }

    /// <summary>The worker information object (<c>get_worker</c>, <c>worker.get_status</c>).</summary>
    internal static JsonElement WorkerObject(SimulatedWorker worker, DateTimeOffset now) => FakeJson.Object(w =>
    {
        w.WriteString("id", worker.Id);
        w.WriteString("type", worker.Type);
        w.WriteString("status", worker.Status);
        w.WriteNumber("pid", worker.Pid);
        w.WriteTime("created", worker.Created);
        w.WriteTime("started", worker.Started);
        w.WriteNumber("startup_time", 0.25);
        w.WriteNumber("uptime", Math.Round((now - worker.Started).TotalSeconds, 3));
    });

    // The seed passes (worker_id, config) with the type inside config; the node API passes (worker_id, worker_type, worker_options).
    private static (string Type, JsonElement? Options) WorkerTypeAndOptions(FakeArgs a)
    {
        string? type;
        JsonElement? options;
        if (a.TryGet(2, "config", out JsonElement third) && third.ValueKind == JsonValueKind.Object)
        {
            type = FakeJson.GetString(third, "type");
            options = third.TryGetProperty("options", out JsonElement o) ? o.Clone() : third.Clone();
        }
        else
        {
            type = a.OptionalString(2, "worker_type");
            options = a.OptionalObject(3, "worker_options");
        }

        return type is not null && WorkerTypes.Contains(type)
            ? (type, options)
            : throw FakeErrors.Error(FakeErrors.InvalidConfiguration, $"invalid worker type '{type}' (one of {string.Join(", ", WorkerTypes)})");
    }
}
