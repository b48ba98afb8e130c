using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>A management realm trace: one trace over router workers of several nodes (the master's <c>mrealm.create_trace</c>).</summary>
internal sealed class MasterMrealmTrace(string id, IReadOnlyList<(string NodeOid, string WorkerId)> workers, JsonElement options, JsonElement? eligible, JsonElement? excluded)
{
    public string Id { get; } = id;

    public IReadOnlyList<(string NodeOid, string WorkerId)> Workers { get; } = workers;

    public JsonElement Options { get; } = options;

    public JsonElement? Eligible { get; } = eligible;

    public JsonElement? Excluded { get; } = excluded;

    /// <summary><c>stopped</c> or <c>running</c> (the master passes <c>starting</c>/<c>stopping</c> between them).</summary>
    public string Status { get; set; } = "stopped";
}

/// <summary>
/// The management realm's traces, <c>crossbarfabriccenter.mrealm.get_traces|get_trace|create_trace|start_trace|stop_trace|delete_trace|get_trace_data</c>
/// (no <c>tracing.</c> segment; <c>mrealm.tracing.*</c> is not registered on the master). A trace spans router workers of the
/// realm's nodes given as <c>[[node_oid, worker_id], ...]</c>; starting it starts a node trace on each (those that fail are
/// listed under <c>failed</c>). Events <c>crossbarfabriccenter.mrealm.tracing.on_trace_created|starting|started|stopping|stopped|deleted</c>
/// carry (trace_id[, trace]). Shapes follow the master's code (cfc-server-facts.md, section 4); the recordings did not call them.
/// The errors are crossbar v22.6.1's (checked against it): a bare runtime_error for an unknown trace or a wrong status,
/// <c>crossbar.error.no_such_object</c> from <c>get_trace_data</c>. Unlike v22.6.1, whose type check refuses every
/// <c>create_trace</c>, the fake creates traces, so the rest of the lifecycle can be tried.
/// </summary>
internal sealed class MasterMrealmTracingApi(FakeMasterState master, IFakeCfcHost host, MasterRemoteTracingApi nodeTracing) : MasterApiGroup(master, host)
{
    private readonly Dictionary<(string Realm, string Trace), MasterMrealmTrace> _traces = [];

    public override void Register()
    {
        Procedure(null, MasterUris.Mrealm("get_traces"), "get_traces", (c, _) =>
            FakeJson.Result(_traces.Keys.Where(k => k.Realm == c.Realm).Select(k => k.Trace).Order(StringComparer.Ordinal)));
        Procedure(null, MasterUris.Mrealm("get_trace"), "get_trace", (c, a) =>
            _traces.TryGetValue((c.Realm, a.String(0, "trace_id")), out MasterMrealmTrace? t) ? One(TraceObject(t)) : FakeJson.Null());
        ProcedureAsync(null, MasterUris.Mrealm("create_trace"), "create_trace", async (c, a, _) =>
        {
            MasterMrealmTrace trace;
            lock (State.Gate)
            {
                string id = a.String(0, "trace_id");
                JsonElement workers = a.Required(1, "traced_workers");
                if (workers.ValueKind != JsonValueKind.Array || workers.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Array || x.GetArrayLength() != 2
                    || x[0].ValueKind != JsonValueKind.String || x[1].ValueKind != JsonValueKind.String))
                {
                    throw MasterErrors.TypeCheck("'traced_workers' expected type=list of [node_oid, worker_id] pairs");
                }

                if (_traces.ContainsKey((c.Realm, id)))
                {
                    throw MasterErrors.Runtime($"trace with ID \"{id}\" already exists (status \"{_traces[(c.Realm, id)].Status}\")");
                }

                trace = new MasterMrealmTrace(id, [.. workers.EnumerateArray().Select(x => (x[0].GetString()!, x[1].GetString()!))],
                    MasterRemoteTracingApi.Options(a.OptionalObject(2, "trace_options")), a.TryGet(3, "eligible_reader_roles", out JsonElement e) ? e.Clone() : null,
                    a.TryGet(4, "exclude_reader_roles", out JsonElement x) ? x.Clone() : null);
                _traces.Add((c.Realm, id), trace);
            }

            await PublishAsync(c.Realm, Topic("on_trace_created"), new WampPayloadBuilder().Add(trace.Id).Add(TraceObject(trace)).Build()).ConfigureAwait(false);
            return One(FakeJson.Object(_ => { }));
        });
        ProcedureAsync(null, MasterUris.Mrealm("start_trace"), "start_trace", (c, a, _) => SwitchAsync(c, a.String(0, "trace_id"), start: true));
        ProcedureAsync(null, MasterUris.Mrealm("stop_trace"), "stop_trace", (c, a, _) => SwitchAsync(c, a.String(0, "trace_id"), start: false));
        ProcedureAsync(null, MasterUris.Mrealm("delete_trace"), "delete_trace", async (c, a, _) =>
        {
            string id = a.String(0, "trace_id");
            lock (State.Gate)
            {
                MasterMrealmTrace trace = Find(c, id);
                if (trace.Status != "stopped")
                {
                    throw MasterErrors.Runtime($"cannot delete trace with ID \"{id}\" currently in status \"{trace.Status}\"");
                }

                _traces.Remove((c.Realm, id));
            }

            await PublishAsync(c.Realm, Topic("on_trace_deleted"), new WampPayloadBuilder().Add(id).Build()).ConfigureAwait(false);
            return One(FakeJson.Object(_ => { }));
        });
        Procedure(null, MasterUris.Mrealm("get_trace_data"), "get_trace_data", (c, a) =>
        {
            MasterMrealmTrace trace = _traces.GetValueOrDefault((c.Realm, a.String(0, "trace_id")))
                ?? throw MasterErrors.NoSuchObject($"No trace with ID '{a.String(0, "trace_id")}'");
            long limit = a.OptionalLong(1, "limit") ?? 100;
            return MasterJson.Result(w =>
            {
                foreach (IGrouping<string, (string NodeOid, string WorkerId)> node in trace.Workers.GroupBy(x => x.NodeOid))
                {
                    w.WriteStartObject(node.Key);
                    foreach ((_, string workerId) in node)
                    {
                        SimulatedTrace? nodeTrace = NodeTrace(c.Realm, node.Key, workerId, trace.Id, out _);
                        w.WriteStartObject(workerId);
                        w.WriteBoolean("success", nodeTrace is not null);
                        w.WriteStartArray("data");
                        foreach (SimulatedTraceRecord r in nodeTrace?.Records.Take((int)Math.Clamp(limit, 0, 10000)) ?? [])
                        {
                            w.WriteStartObject();
                            w.WriteNumber("seq", r.Seq);
                            w.WriteString("msg_type", r.MessageType);
                            w.WriteString("correlation_uri", r.CorrelationUri);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }
            });
        });
    }

    private async ValueTask<WampPayload> SwitchAsync(FakeCallContext c, string id, bool start)
    {
        MasterMrealmTrace trace;
        List<(string Topic, WampPayload Payload)> forwarded = [];
        JsonElement result;
        lock (State.Gate)
        {
            trace = Find(c, id);
            if (trace.Status != (start ? "stopped" : "running"))
            {
                throw MasterErrors.Runtime($"cannot {(start ? "start" : "stop")} trace with ID \"{id}\" currently in status \"{trace.Status}\"");
            }
        }

        await PublishAsync(c.Realm, Topic(start ? "on_trace_starting" : "on_trace_stopping"), new WampPayloadBuilder().Add(id).Build()).ConfigureAwait(false);
        lock (State.Gate)
        {
            var done = new List<JsonElement>();
            var failed = new List<JsonElement>();
            foreach ((string nodeOid, string workerId) in trace.Workers)
            {
                SimulatedTrace? nodeTrace = NodeTrace(c.Realm, nodeOid, workerId, id, out SimulatedNode? node);
                if (node is not { IsOnline: true } || node.Workers.GetValueOrDefault(workerId) is not SimulatedRouterWorker router || (!start && nodeTrace is null))
                {
                    failed.Add(FakeJson.Object(w =>
                    {
                        w.WriteString("node_id", nodeOid);
                        w.WriteString("node_status", node is { IsOnline: true } ? "online" : "offline");
                        w.WriteString("worker_id", workerId);
                        w.WriteString("error", node is { IsOnline: true } ? $"no router worker '{workerId}'" : "node is offline");
                    }));
                    continue;
                }

                if (start)
                {
                    nodeTrace = new SimulatedTrace(id, trace.Options, State.Now);
                    router.Traces[id] = nodeTrace;
                    Master.TracePeriods[nodeTrace] = 0;
                }
                else
                {
                    nodeTrace!.Status = "stopped";
                    nodeTrace.Ended = State.Now;
                }

                JsonElement info = nodeTracing.TraceObject(nodeTrace, node, workerId);
                done.Add(info);
                forwarded.Add((MasterUris.Remote("tracing", start ? "on_trace_started" : "on_trace_stopped"),
                    new WampPayloadBuilder().Add(node.NodeId).Add(workerId).Add(id).Add(info).Build()));
            }

            trace.Status = start ? "running" : "stopped";
            result = FakeJson.Object(w =>
            {
                w.WriteStartArray(start ? "started" : "stopped");
                done.ForEach(d => d.WriteTo(w));
                w.WriteEndArray();
                w.WriteStartArray("failed");
                failed.ForEach(f => f.WriteTo(w));
                w.WriteEndArray();
            });
        }

        foreach ((string topic, WampPayload payload) in forwarded)
        {
            await PublishAsync(c.Realm, topic, payload).ConfigureAwait(false);
        }

        await PublishAsync(c.Realm, Topic(start ? "on_trace_started" : "on_trace_stopped"), new WampPayloadBuilder().Add(id).Add(result).Build()).ConfigureAwait(false);
        return One(result);
    }

    private SimulatedTrace? NodeTrace(string realm, string nodeOid, string workerId, string traceId, out SimulatedNode? node)
    {
        node = State.NodesOf(realm).FirstOrDefault(n => string.Equals(n.Oid, nodeOid, StringComparison.OrdinalIgnoreCase));
        return node?.Workers.GetValueOrDefault(workerId) is SimulatedRouterWorker router ? router.Traces.GetValueOrDefault(traceId) : null;
    }

    private MasterMrealmTrace Find(FakeCallContext c, string id) =>
        _traces.GetValueOrDefault((c.Realm, id)) ?? throw MasterErrors.Runtime($"no trace with ID \"{id}\" exists");

    private static string Topic(string name) => MasterUris.Mrealm("tracing." + name);

    private static JsonElement TraceObject(MasterMrealmTrace t) => FakeJson.Object(w =>
    {
        w.WriteString("trace_id", t.Id);
        w.WriteStartArray("traced_workers");
        foreach ((string node, string worker) in t.Workers)
        {
            w.WriteStartArray();
            w.WriteStringValue(node);
            w.WriteStringValue(worker);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.Write("trace_options", t.Options);
        w.Write("eligible_reader_roles", t.Eligible);
        w.Write("exclude_reader_roles", t.Excluded);
        w.WriteString("status", t.Status);
    });
}
