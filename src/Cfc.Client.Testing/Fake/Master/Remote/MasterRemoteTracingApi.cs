using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.tracing.*(node_oid, worker_id, ...)</c> on router workers: <c>get_traces(include_stopped)</c>,
/// <c>get_trace</c> (<c>crossbar.error.no_such_object</c> "No trace with ID '...'"), <c>start_trace(trace_id, trace_options)</c>
/// (options completed with the node's defaults; a <c>trace_level</c> other than <c>message</c>/<c>action</c> is
/// <c>crossbar.error.invalid_configuration</c>), <c>stop_trace</c> and <c>get_trace_data(trace_id, from_seq, to_seq, limit)</c>.
/// Forwarded events with the node authid first: <c>on_trace_started</c>, <c>on_trace_stopped</c>, and one <c>on_trace_data</c>
/// batch per heartbeat for every running trace.
/// </summary>
internal sealed class MasterRemoteTracingApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("tracing", master, host)
{
    public override void Register()
    {
        Remote("get_traces", (c, a) =>
        {
            SimulatedRouterWorker router = Worker<SimulatedRouterWorker>(c, a, "get_traces").Worker;
            bool stopped = a.Bool(2, "include_stopped", false);
            return FakeJson.Result(router.Traces.Values.Where(t => stopped || t.Status == "running").Select(t => t.Id));
        });
        Remote("get_trace", (c, a) =>
        {
            (SimulatedNode node, SimulatedRouterWorker router) = Worker<SimulatedRouterWorker>(c, a, "get_trace");
            return One(TraceObject(Find(router.Traces, a.String(2, "trace_id"), "trace"), node, router.Id));
        });
        RemoteAsync("start_trace", async (c, a, _) =>
        {
            JsonElement trace;
            WampPayload started;
            lock (State.Gate)
            {
                (SimulatedNode node, SimulatedRouterWorker router) = Worker<SimulatedRouterWorker>(c, a, "start_trace");
                string id = a.OptionalString(2, "trace_id") ?? "trace" + (router.Traces.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                JsonElement options = Options(a.OptionalObject(3, "trace_options"));
                if (router.Traces.TryGetValue(id, out SimulatedTrace? existing) && existing.Status == "running")
                {
                    throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start trace: a trace with ID '{id}' is already running");
                }

                var t = new SimulatedTrace(id, options, State.Now);
                router.Traces[id] = t;
                Master.TracePeriods[t] = 0;
                trace = TraceObject(t, node, router.Id);
                started = new WampPayloadBuilder().Add(node.NodeId).Add(router.Id).Add(id).Add(trace).Build();
            }

            await PublishAsync(c.Realm, MasterUris.Remote("tracing", "on_trace_started"), started).ConfigureAwait(false);
            return One(trace);
        });
        RemoteAsync("stop_trace", async (c, a, _) =>
        {
            JsonElement trace;
            WampPayload stopped;
            lock (State.Gate)
            {
                (SimulatedNode node, SimulatedRouterWorker router) = Worker<SimulatedRouterWorker>(c, a, "stop_trace");
                SimulatedTrace t = Find(router.Traces, a.String(2, "trace_id"), "trace");
                if (t.Status != "running")
                {
                    throw MasterErrors.Error(FakeErrors.NotRunning, $"Trace '{t.Id}' is not running");
                }

                t.Status = "stopped";
                t.Ended = State.Now;
                trace = TraceObject(t, node, router.Id);
                stopped = new WampPayloadBuilder().Add(node.NodeId).Add(router.Id).Add(t.Id).Add(trace).Build();
            }

            await PublishAsync(c.Realm, MasterUris.Remote("tracing", "on_trace_stopped"), stopped).ConfigureAwait(false);
            return One(trace);
        });
        Remote("get_trace_data", (c, a) =>
        {
            SimulatedTrace trace = Find(Worker<SimulatedRouterWorker>(c, a, "get_trace_data").Worker.Traces, a.String(2, "trace_id"), "trace");
            long from = a.OptionalLong(3, "from_seq") ?? 0;
            long? to = a.OptionalLong(4, "to_seq");
            long limit = a.OptionalLong(5, "limit") ?? 100;
            if (limit > 10000)
            {
                throw MasterErrors.Error(FakeErrors.InvalidArgument, "limit must be <= 10000");
            }

            return WampPayload.FromArguments(FakeJson.Array(w =>
            {
                foreach (SimulatedTraceRecord r in trace.Records.Where(r => r.Seq >= from && (to is null || r.Seq <= to)).Take((int)Math.Max(0, limit)))
                {
                    WriteRecord(w, r);
                }
            }));
        });
    }

    /// <summary>One trace data batch of every running trace on a connected node.</summary>
    public async ValueTask TickAsync()
    {
        List<(string Realm, WampPayload Payload)> batches = [];
        lock (State.Gate)
        {
            foreach (SimulatedNode node in State.Nodes.Values.Where(n => n.IsOnline))
            {
                foreach (SimulatedRouterWorker router in node.Workers.Values.OfType<SimulatedRouterWorker>())
                {
                    foreach (SimulatedTrace trace in router.Traces.Values.Where(t => t.Status == "running"))
                    {
                        long period = Master.TracePeriods.GetValueOrDefault(trace);
                        Master.TracePeriods[trace] = period + 1;
                        JsonElement batch = FakeJson.Object(w =>
                        {
                            w.WriteNumber("finished_ts", FakeMasterState.Nanoseconds(State.Now));
                            w.WriteNumber("finished_pc", State.Time.GetTimestamp());
                            w.WriteNumber("period", period);
                            w.WriteString("period_start", FakeJson.Iso(State.Now));
                            w.WriteNull("first_seq");
                            w.WriteNull("last_seq");
                        });
                        batches.Add((node.RealmName, new WampPayloadBuilder().Add(node.NodeId).Add(router.Id).Add(trace.Id).Add(batch).Add(FakeJson.Array(_ => { })).Build()));
                    }
                }
            }
        }

        foreach ((string realm, WampPayload payload) in batches)
        {
            await PublishAsync(realm, MasterUris.Remote("tracing", "on_trace_data"), payload).ConfigureAwait(false);
        }
    }

    // The node completes the options with its defaults before it answers.
    internal static JsonElement Options(JsonElement? given)
    {
        string level = FakeJson.GetString(given, "trace_level") ?? "message";
        if (level is not ("message" or "action"))
        {
            throw MasterErrors.Error(FakeErrors.InvalidConfiguration, $"invalid tracing options: trace_level must be one of [\"message\", \"action\"], but was \"{level}\"");
        }

        JsonElement g = given ?? default;
        bool Has(string name, out JsonElement v)
        {
            v = default;
            return given is not null && g.TryGetProperty(name, out v) && v.ValueKind != JsonValueKind.Null;
        }

        return FakeJson.Object(w =>
        {
            w.WriteString("trace_level", level);
            w.WriteBoolean("trace_app_payload", Has("trace_app_payload", out JsonElement p) && p.ValueKind == JsonValueKind.True);
            w.WriteNumber("batching_period", Has("batching_period", out JsonElement b) && b.TryGetInt64(out long bp) ? bp : 200);
            w.WriteBoolean("persist", Has("persist", out JsonElement s) && s.ValueKind == JsonValueKind.True);
            w.Write("duration", Has("duration", out JsonElement d) ? d : null);
            w.WriteNumber("limit", Has("limit", out JsonElement l) && l.TryGetInt64(out long lv) ? lv : 60);
        });
    }

    internal JsonElement TraceObject(SimulatedTrace trace, SimulatedNode node, string workerId) => FakeJson.Object(w =>
    {
        w.WriteString("id", trace.Id);
        w.WriteString("node_id", node.NodeId);
        w.WriteString("worker_id", workerId);
        w.WriteNull("persistent_id");
        w.WriteString("status", trace.Status);
        w.WriteString("started", FakeJson.Iso(trace.Started));
        w.WriteTime("ended", trace.Ended);
        w.WriteFloat("runtime", Math.Max(0.000001, ((trace.Ended ?? State.Now) - trace.Started).TotalSeconds));
        w.Write("options", trace.Options);
        w.WriteNumber("next_period", Master.TracePeriods.GetValueOrDefault(trace) + 1);
        w.WriteNumber("next_seq", trace.NextSeq);
    });

    private static void WriteRecord(Utf8JsonWriter w, SimulatedTraceRecord r)
    {
        w.WriteStartObject();
        w.WriteNumber("ts", FakeMasterState.Nanoseconds(r.Timestamp));
        w.WriteNumber("pc", r.Seq * 1000);
        w.WriteNumber("seq", r.Seq);
        w.WriteString("realm", r.Realm);
        w.WriteString("direction", r.Direction);
        w.WriteNumber("session_id", r.SessionId);
        w.WriteString("authid", r.AuthId);
        w.WriteString("authrole", r.AuthRole);
        w.WriteString("msg_type", r.MessageType);
        w.WriteNull("correlation");
        w.WriteString("correlation_uri", r.CorrelationUri);
        w.WriteBoolean("correlation_is_anchor", r.MessageType is "CALL" or "PUBLISH");
        w.WriteBoolean("correlation_is_last", r.MessageType is "RESULT" or "PUBLISH");
        w.WriteNull("enc_algo");
        w.WriteNull("enc_key");
        w.WriteNull("enc_serializer");
        w.WriteStartObject("serializations");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
