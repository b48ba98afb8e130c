using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Tolerance;

/// <summary>
/// Issue 8, item 2: every reply and event the real Crossbar.io master sent (shared/crossbar-master/recordings, see
/// FACTS.md there) decodes into the closest typed model with its typed fields filled: no field the master sent is
/// left null for not fitting. A recording of a procedure or topic these tests do not map yet fails, so a new
/// recording is never silently ignored.
/// </summary>
public sealed class RecordedMasterRepliesTests
{
    private const string Prefix = "crossbarfabriccenter.";

    // Where the typed value is in a reply or event: a model, each item of a list as a model, or a plain value.
    private sealed record Reading(JsonTypeInfo TypeInfo, int ArgIndex = 0, bool EachItem = false);

    // Replies and events that have no typed model in the SDK (the seeds do not know them): read as raw JSON.
    private static readonly JsonTypeInfo Raw = CfcJsonContext.Default.JsonElement;

    private static readonly Dictionary<string, Reading> Calls = new()
    {
        ["domain.get_status"] = new(CfcJsonContext.Default.SystemStatus),
        ["domain.get_version"] = new(Raw),
        ["domain.get_license"] = new(Raw),
        ["mrealm.list_mrealms"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["mrealm.create_mrealm"] = new(CfcJsonContext.Default.ManagementRealmInfo),
        ["mrealm.get_mrealm"] = new(CfcJsonContext.Default.ManagementRealmInfo),
        ["mrealm.get_mrealm_by_name"] = new(CfcJsonContext.Default.ManagementRealmInfo),
        ["mrealm.delete_mrealm"] = new(CfcJsonContext.Default.RealmDeleted),
        ["mrealm.delete_mrealm_by_name"] = new(CfcJsonContext.Default.RealmDeleted),
        ["mrealm.pair_node"] = new(CfcJsonContext.Default.NodePaired),
        ["mrealm.unpair_node"] = new(CfcJsonContext.Default.NodeUnpaired),
        ["mrealm.unpair_node_by_pubkey"] = new(CfcJsonContext.Default.NodeUnpaired),
        ["mrealm.get_node"] = new(CfcJsonContext.Default.NodeInfo),
        ["mrealm.get_node_by_authid"] = new(CfcJsonContext.Default.NodeInfo),
        ["mrealm.get_nodes"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["mrealm.get_status"] = new(CfcJsonContext.Default.ManagementRealmStatus),
        ["remote.node.get_status"] = new(CfcJsonContext.Default.NodeStatus),
        ["remote.node.get_cpu_count"] = new(CfcJsonContext.Default.Int64),
        ["remote.node.get_system_stats"] = new(Raw),
        ["remote.node.get_workers"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["remote.node.get_worker"] = new(CfcJsonContext.Default.WorkerInfo),
        ["remote.node.start_worker"] = new(CfcJsonContext.Default.WorkerStarted),
        ["remote.node.stop_worker"] = new(CfcJsonContext.Default.WorkerStopped),
        ["remote.worker.get_pythonpath"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["remote.router.get_router_realms"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["remote.router.get_router_realm"] = new(CfcJsonContext.Default.RouterRealm),
        ["remote.router.get_router_realm_by_name"] = new(CfcJsonContext.Default.RouterRealm),
        ["remote.router.start_router_realm"] = new(CfcJsonContext.Default.RouterRealm),
        ["remote.router.stop_router_realm"] = new(CfcJsonContext.Default.RouterRealmStopped),
        ["remote.router.get_router_realm_stats"] = new(Raw),
        ["remote.router.start_router_realm_role"] = new(CfcJsonContext.Default.RouterRealmRole),
        ["remote.router.get_router_transports"] = new(CfcJsonContext.Default.RouterTransport, EachItem: true),
        ["remote.router.get_router_transport"] = new(CfcJsonContext.Default.RouterTransport),
        ["remote.router.start_router_transport"] = new(CfcJsonContext.Default.RouterTransport),
        ["remote.router.stop_router_transport"] = new(CfcJsonContext.Default.RouterTransport),
        ["remote.container.get_components"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["remote.container.get_component"] = new(CfcJsonContext.Default.ContainerComponent),
        ["remote.container.start_component"] = new(CfcJsonContext.Default.ContainerComponentStarted),
        ["remote.container.stop_component"] = new(CfcJsonContext.Default.ContainerComponentStopped),
        ["remote.tracing.get_traces"] = new(CfcJsonContext.Default.IReadOnlyListString),
        ["remote.tracing.get_trace"] = new(CfcJsonContext.Default.RouterTrace),
        ["remote.tracing.start_trace"] = new(CfcJsonContext.Default.RouterTrace),
        ["remote.tracing.stop_trace"] = new(CfcJsonContext.Default.RouterTrace),
        ["remote.tracing.get_trace_data"] = new(CfcJsonContext.Default.IReadOnlyListTraceRecord),
        ["remote.realm.meta.wamp.session.count"] = new(CfcJsonContext.Default.Int64),
        ["remote.realm.meta.wamp.session.list"] = new(CfcJsonContext.Default.IReadOnlyListInt64),
        ["remote.realm.meta.wamp.session.get"] = new(CfcJsonContext.Default.MetaSessionDetails),
        ["remote.realm.meta.wamp.registration.list"] = new(CfcJsonContext.Default.MetaIdLists),
    };

    private static readonly Dictionary<string, Reading[]> Events = new()
    {
        ["domain.on_tick"] = [new(CfcJsonContext.Default.TickEvent)],
        ["mrealm.on_tick"] = [new(CfcJsonContext.Default.TickEvent)],
        ["mrealm.on_mrealm_created"] = [new(CfcJsonContext.Default.ManagementRealmInfo)],
        ["mrealm.on_realm_deleted"] = [new(CfcJsonContext.Default.RealmDeleted)],
        ["mrealm.on_node_paired"] = [new(CfcJsonContext.Default.NodePaired)],
        ["mrealm.on_node_unpaired"] = [new(CfcJsonContext.Default.NodeUnpaired)],
        ["mrealm.on_node_ready"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.NodeInfo, 1)],
        ["mrealm.on_node_shutdown"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.NodeInfo, 1)],
        ["remote.node.on_router_starting"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.WorkerInfo, 1)],
        ["remote.node.on_router_started"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.WorkerStarted, 1)],
        ["remote.router.on_router_realm_role_started"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.RouterRealmRole, 2)],
        ["remote.realm.meta.wamp.session.on_join"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.MetaSessionDetails, 3)],
        ["remote.realm.meta.wamp.session.on_leave"] = [new(CfcJsonContext.Default.String), new(CfcJsonContext.Default.Int64, 3)],
        ["remote.realm.meta.wamp.session.on_stats"] = [new(CfcJsonContext.Default.MetaSessionDetails, 3), new(Raw, 4)],
        ["remote.realm.meta.wamp.registration.on_create"] = [new(CfcJsonContext.Default.Int64, 3), new(CfcJsonContext.Default.MetaRegistrationDetails, 4)],
        ["remote.realm.meta.wamp.registration.on_register"] = [new(CfcJsonContext.Default.Int64, 3), new(CfcJsonContext.Default.Int64, 4)],
        ["remote.realm.meta.wamp.registration.on_unregister"] = [new(CfcJsonContext.Default.Int64, 4)],
        ["remote.realm.meta.wamp.registration.on_delete"] = [new(CfcJsonContext.Default.Int64, 4)],
        ["remote.tracing.on_trace_started"] = [new(CfcJsonContext.Default.RouterTrace, 3)],
        ["remote.tracing.on_trace_stopped"] = [new(CfcJsonContext.Default.RouterTrace, 3)],
        ["remote.tracing.on_trace_data"] = [new(Raw, 3), new(CfcJsonContext.Default.IReadOnlyListTraceRecord, 4)],
    };

    [Fact]
    public void The_recordings_of_the_real_master_are_there()
    {
        // Not a skip: CI lays shared/ beside the clone, and without it this check means nothing.
        Assert.True(Directory.Exists(RecordingsDirectory), $"The real master's recordings are missing: expected {RecordingsDirectory} (shared/ beside the repository root).");
        Assert.NotEmpty(Recordings());
    }

    [Fact]
    public void Every_recorded_reply_decodes_with_every_field_the_master_sent_typed()
    {
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        int decoded = 0;
        foreach ((string file, JsonElement r) in Recordings().Where(r => r.Record.GetProperty("kind").GetString() == "call" && r.Record.GetProperty("ok").GetBoolean()))
        {
            string proc = r.GetProperty("proc").GetString()!;
            if (!Calls.TryGetValue(Strip(proc), out Reading? reading))
            {
                unmapped.Add(proc);
                continue;
            }

            JsonElement result = r.TryGetProperty("result", out JsonElement value) ? value : default;
            if (result.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined && reading.TypeInfo.Kind == JsonTypeInfoKind.Object)
            {
                result = ModelShapes.Json("{}");   // a procedure that returned nothing (start_component): the empty record
            }

            failures.AddRange(Check(reading, result, $"{file} seq {r.GetProperty("seq")} {proc}"));
            decoded++;
        }

        Assert.True(unmapped.Count == 0, "Recorded procedures without a mapping to a model: " + string.Join(", ", unmapped));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(decoded >= 100, $"only {decoded} replies decoded");
    }

    [Fact]
    public void Every_recorded_event_decodes_with_every_field_the_master_sent_typed()
    {
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        int decoded = 0;
        foreach ((string file, JsonElement r) in Recordings().Where(r => r.Record.GetProperty("kind").GetString() == "event"))
        {
            string topic = r.GetProperty("topic").GetString()!;
            if (!Events.TryGetValue(Strip(topic), out Reading[]? readings))
            {
                unmapped.Add(topic);
                continue;
            }

            JsonElement args = r.GetProperty("args");
            foreach (Reading reading in readings)
            {
                failures.AddRange(Check(reading, args[reading.ArgIndex], $"{file} seq {r.GetProperty("seq")} {topic} argument {reading.ArgIndex}"));
            }

            decoded++;
        }

        Assert.True(unmapped.Count == 0, "Recorded topics without a mapping to a model: " + string.Join(", ", unmapped));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(decoded >= 100, $"only {decoded} events decoded");
    }

    [Fact]
    public void The_masters_timestamps_in_microseconds_nanoseconds_and_iso_strings_all_read_as_the_same_day()
    {
        var day = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
        ManagementRealmInfo realm = Decode(CfcJsonContext.Default.ManagementRealmInfo, "crossbarfabriccenter.mrealm.create_mrealm");
        RealmDeleted deleted = Decode(CfcJsonContext.Default.RealmDeleted, "crossbarfabriccenter.mrealm.delete_mrealm");
        NodeInfo node = Decode(CfcJsonContext.Default.NodeInfo, "crossbarfabriccenter.mrealm.get_node", r => r.GetProperty("timestamp").ValueKind == JsonValueKind.Number);
        SystemStatus status = Decode(CfcJsonContext.Default.SystemStatus, "crossbarfabriccenter.domain.get_status");
        long shutdownNanoseconds = Recordings().Select(r => r.Record)
            .Where(r => r.GetProperty("kind").GetString() == "event" && r.GetProperty("topic").GetString() == "crossbarfabriccenter.mrealm.on_node_shutdown")
            .Select(r => r.GetProperty("args")[1].GetProperty("time").GetInt64()).First();

        Assert.Equal(JsonValueKind.Number, realm.RawJson.GetProperty("created").ValueKind);     // microseconds
        Assert.Equal(JsonValueKind.String, deleted.RawJson.GetProperty("created").ValueKind);   // ISO 8601
        Assert.True(CfcTimestampConverter.TryFromEpoch(shutdownNanoseconds, out DateTimeOffset shutdown));   // nanoseconds
        Assert.All(new DateTimeOffset?[] { realm.Created, deleted.Created, deleted.Deleted, status.Now, status.Started, shutdown }, t => Assert.Equal(day, t!.Value.UtcDateTime.Date));
        Assert.Equal(realm.RawJson.GetProperty("created").GetInt64(), (realm.Created!.Value - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond);
        Assert.Equal(DateTimeOffset.UnixEpoch, node.Timestamp);                                 // the master's "never": 0
        Assert.EndsWith("seconds", status.Uptime, StringComparison.Ordinal);                   // humanized, kept as text
        Assert.NotNull(status.Tick);
    }

    private static string RecordingsDirectory => RepoPaths.InShared("crossbar-master", "recordings");

    private static string Strip(string uri) => uri.StartsWith(Prefix, StringComparison.Ordinal) ? uri[Prefix.Length..] : uri;

    private static IEnumerable<(string File, JsonElement Record)> Recordings()
    {
        Assert.True(Directory.Exists(RecordingsDirectory), $"The real master's recordings are missing: expected {RecordingsDirectory}.");
        foreach (string file in Directory.EnumerateFiles(RecordingsDirectory, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetRelativePath(RecordingsDirectory, file);
            foreach (string line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                yield return (name, ModelShapes.Json(line));
            }
        }
    }

    private static T Decode<T>(JsonTypeInfo<T> typeInfo, string proc, Func<JsonElement, bool>? where = null) =>
        CfcModelReader.Read(
            Recordings().Select(r => r.Record)
                .Where(r => r.GetProperty("kind").GetString() == "call" && r.GetProperty("ok").GetBoolean() && r.GetProperty("proc").GetString() == proc)
                .Select(r => r.GetProperty("result"))
                .First(r => where?.Invoke(r) ?? true),
            typeInfo);

    // Decodes one value and lists what is wrong: a decode failure, or a field the master sent that is typed in the
    // model but came out null (it did not fit its type).
    private static IEnumerable<string> Check(Reading reading, JsonElement value, string where)
    {
        if (reading.EachItem)
        {
            return value.EnumerateArray().SelectMany((item, i) => Check(reading with { EachItem = false }, item, $"{where} [{i}]")).ToList();
        }

        var failures = new List<string>();
        using CfcMismatchScope scope = CfcMismatchScope.Begin();
        object decoded;
        try
        {
            decoded = CfcModelReader.Read(value, reading.TypeInfo);
        }
        catch (Exception ex)
        {
            return [$"{where}: {ex.GetType().Name}: {ex.Message}"];
        }

        failures.AddRange(scope.Mismatches.Select(m => $"{where}: {m.Model.Name}.{m.Field} was {m.Received}, which does not fit {m.ExpectedType.Name}"));
        if (decoded is CfcObject model)
        {
            foreach (JsonPropertyInfo field in ModelShapes.Fields(model.GetType()))
            {
                if (value.TryGetProperty(field.Name, out JsonElement sent) && sent.ValueKind != JsonValueKind.Null && field.Get!(model) is null)
                {
                    failures.Add($"{where}: {model.GetType().Name}.{field.Name} was sent ({sent.ValueKind}) but is null");
                }
            }

            bool anyTyped = ModelShapes.Fields(model.GetType()).Any(f => f.Get!(model) is not null);
            if (!anyTyped && ModelShapes.Fields(model.GetType()).Any() && value.EnumerateObject().Any())
            {
                failures.Add($"{where}: no typed field of {model.GetType().Name} is filled from {Shorten(value)}");
            }
        }

        return failures;
    }

    private static string Shorten(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= 120 ? text : text[..120] + "...";
    }
}
