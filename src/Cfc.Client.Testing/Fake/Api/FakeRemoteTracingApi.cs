using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote message tracing API on router workers: <c>get_router_traces</c>, <c>get_router_trace</c>,
/// <c>start_router_trace</c> (a null id is assigned; a running id gives <c>crossbar.error.already_running</c>, a stopped
/// one is restarted keeping its records), <c>stop_router_trace</c> (<c>crossbar.error.not_running</c> when stopped) and
/// <c>get_router_trace_data</c>: records with <c>from_seq</c> &lt;= seq &lt;= <c>to_seq</c> (open when null), at most
/// <c>limit</c> (default 100, at most 10000, as on the node).
/// </summary>
internal sealed class FakeRemoteTracingApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteTracing, state, host, schemes)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10000;

    public override void Register()
    {
        Remote("get_router_traces", (c, a) => FakeJson.Result(Router(c, a).Traces.Keys));
        Remote("get_router_trace", (c, a) => FakeJson.Result(TraceObject(Find(Router(c, a).Traces, a.String(2, "trace_id"), "trace"), Node(c, a), a.String(1, "worker_id"))));
        Remote("start_router_trace", (c, a) =>
        {
            SimulatedRouterWorker worker = Router(c, a);
            string id = a.OptionalString(2, "trace_id") ?? NextId(worker);
            JsonElement options = a.OptionalObject(3, "trace_config") ?? FakeJson.Object(w =>
            {
                w.WriteString("trace_level", "message");
                w.WriteBoolean("trace_app_payload", false);
                w.WriteNumber("batching_period", 200);
            });
            if (worker.Traces.TryGetValue(id, out SimulatedTrace? trace))
            {
                if (trace.Status == "running")
                {
                    throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"trace '{id}' is already running");
                }

                trace.Options = options;
                trace.Started = State.Now;
            }
            else
            {
                trace = new SimulatedTrace(id, options, State.Now);
                worker.Traces.Add(id, trace);
            }

            trace.Status = "running";
            trace.Ended = null;
            return FakeJson.Result(TraceObject(trace, Node(c, a), worker.Id));
        });
        Remote("stop_router_trace", (c, a) =>
        {
            SimulatedRouterWorker worker = Router(c, a);
            SimulatedTrace trace = Find(worker.Traces, a.String(2, "trace_id"), "trace");
            if (trace.Status != "running")
            {
                throw FakeErrors.Error(FakeErrors.NotRunning, $"trace '{trace.Id}' is not running");
            }

            trace.Status = "stopped";
            trace.Ended = State.Now;
            return FakeJson.Result(TraceObject(trace, Node(c, a), worker.Id));
        });
        Remote("get_router_trace_data", (c, a) =>
        {
            SimulatedRouterWorker worker = Router(c, a);
            SimulatedTrace trace = Find(worker.Traces, a.String(2, "trace_id"), "trace");
            long from = a.OptionalLong(3, "from_seq") ?? 0;
            long? to = a.OptionalLong(4, "to_seq");
            long limit = a.OptionalLong(5, "limit") ?? DefaultLimit;
            if (limit is < 1 or > MaxLimit)
            {
                throw FakeErrors.Invalid($"limit must be between 1 and {MaxLimit}");
            }

            if (from < 0 || (to is { } t && t < from))
            {
                throw FakeErrors.Invalid("from_seq must be >= 0 and <= to_seq");
            }

            return WampPayload.FromArguments(FakeJson.Array(w =>
            {
                foreach (SimulatedTraceRecord r in trace.Records.Where(r => r.Seq >= from && (to is null || r.Seq <= to)).Take((int)limit))
                {
                    WriteRecord(w, r);
                }
            }));
        });
    }

    private SimulatedRouterWorker Router(FakeCallContext c, FakeArgs a) => Worker<SimulatedRouterWorker>(c, a, "router");

    private static string NextId(SimulatedRouterWorker worker)
    {
        for (int n = worker.Traces.Count + 1; ; n++)
        {
            string id = "trace" + n.ToString(CultureInfo.InvariantCulture);
            if (!worker.Traces.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private JsonElement TraceObject(SimulatedTrace trace, SimulatedNode node, string workerId) => FakeJson.Object(w =>
    {
        w.WriteString("id", trace.Id);
        w.WriteString("node_id", node.NodeId);
        w.WriteString("worker_id", workerId);
        w.WriteString("status", trace.Status);
        w.WriteTime("started", trace.Started);
        w.WriteTime("ended", trace.Ended);
        w.WriteNumber("runtime", Math.Round(((trace.Ended ?? State.Now) - trace.Started).TotalSeconds, 3));
        w.Write("options", trace.Options);
        w.WriteNumber("next_seq", trace.NextSeq);
        w.WriteNumber("records", trace.Records.Count);
    });

    private static void WriteRecord(Utf8JsonWriter w, SimulatedTraceRecord r)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", r.Seq);
        w.WriteNumber("ts", r.Timestamp.ToUnixTimeMilliseconds() * 1_000_000L);
        w.WriteString("realm", r.Realm);
        w.WriteString("direction", r.Direction);
        w.WriteNumber("session_id", r.SessionId);
        w.WriteString("authid", r.AuthId);
        w.WriteString("authrole", r.AuthRole);
        w.WriteString("msg_type", r.MessageType);
        w.WriteString("correlation_uri", r.CorrelationUri);
        w.WriteEndObject();
    }
}
