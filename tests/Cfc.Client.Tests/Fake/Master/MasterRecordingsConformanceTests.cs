using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Cfc.Client.Tests.Fake.Master;

/// <summary>
/// The fake in <see cref="CfcUriScheme.CrossbarMaster"/> mode answers like the real Crossbar.io master: every call recorded
/// against crossbar v22.6.1 (<c>../shared/crossbar-master/recordings</c>) is replayed against the fake through raw WAMP, in
/// order, with the recorded serializer and the fake's clock set to the recorded time. Each answer must be the same success or
/// error, the same error URI, and the same JSON shape (keys and the JSON type of every field, recursively; ids, times and
/// values may differ). Every recorded event topic must be published by the fake with the same shape, and every refused join
/// (an unknown realm, the activation flow of a new key) refused with the same ABORT reason. What the fake does not
/// reproduce on purpose is listed below with the reason; anything else that differs fails the test.
/// </summary>
public sealed class MasterRecordingsConformanceTests(ITestOutputHelper output)
{
    /// <summary>Recorded calls the fake does not reproduce, by "file#seq".</summary>
    private static readonly Dictionary<string, string> NotReproducedCalls = new(StringComparer.Ordinal)
    {
        ["fix-stop-realm/remote.jsonl#11"] = "get_system_stats: in this run the edge had an earlier sample and added *_per_sec rates; the fake answers with the first-sample shape of the upstream run (remote.jsonl#11)",
        ["remote.jsonl#67"] = "the fake runs no component code, so it cannot know that 'nosuchmodule.Nope' does not import (crossbar.error.class_import_failed)",
    };

    /// <summary>Recorded event topics the fake does not publish.</summary>
    private static readonly Dictionary<string, string> NotReproducedEvents = new(StringComparer.Ordinal)
    {
        ["crossbarfabriccenter.remote.node.on_router_starting"] = "only seen for a worker the edge started from its own config (rwlocal); the master does not forward it for workers it starts, and the fake's nodes have no config of their own",
        ["crossbarfabriccenter.remote.node.on_router_started"] = "as on_router_starting",
        ["crossbarfabriccenter.remote.router.on_router_realm_role_started"] = "as on_router_starting: published by the edge's local worker only",
        ["crossbarfabriccenter.remote.realm.meta.wamp.registration.on_create"] = "the fake's simulated components run no code and register no procedures (cbm_hello registered com.example.add2)",
        ["crossbarfabriccenter.remote.realm.meta.wamp.registration.on_register"] = "as registration.on_create",
        ["crossbarfabriccenter.remote.realm.meta.wamp.registration.on_unregister"] = "as registration.on_create",
        ["crossbarfabriccenter.remote.realm.meta.wamp.registration.on_delete"] = "as registration.on_create",
    };

    [Fact]
    public Task The_fake_with_the_stop_realm_bug_answers_like_upstream_v22_6_1() => ReplayAsync(RecordingsFolder(), stopRealmBug: true);

    [Fact]
    public Task The_fake_by_default_answers_like_v22_6_1_with_the_stop_realm_fix() => ReplayAsync(Path.Combine(RecordingsFolder(), "fix-stop-realm"), stopRealmBug: false);

    [Fact]
    public void The_recordings_are_all_replayed()
    {
        // global, junk, listen and remote by both facts above; auth (the activation flow of a new key) by the upstream one.
        string[] files = [.. Directory.GetFiles(RecordingsFolder(), "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["auth.jsonl", "global.jsonl", "junk.jsonl", "listen.jsonl", "remote.jsonl"], files);
    }

    private static string RecordingsFolder()
    {
        string folder = RepoPaths.InShared("crossbar-master", "recordings");
        Assert.True(Directory.Exists(folder), $"The real master's recordings are missing: expected {folder} (the shared kit lies next to the repository).");
        return folder;
    }

    private async Task ReplayAsync(string folder, bool stopRealmBug)
    {
        List<JsonElement> global = Read(Path.Combine(folder, "global.jsonl"));
        var time = new FakeTimeProvider(Timestamp(global[0]).AddSeconds(-3));
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions
        {
            UriScheme = CfcUriScheme.CrossbarMaster,
            MasterStopRealmBug = stopRealmBug,
            TimeProvider = time,
            TickPeriod = TimeSpan.FromSeconds(5),
        });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser("superuser", key.PublicKeyHex);
        await using var replay = new Replay(fake, time, key, Path.GetFileName(folder) == "recordings" ? string.Empty : Path.GetFileName(folder) + "/");

        await replay.RunAsync("global.jsonl", global);
        await replay.CheckEventsAsync("global.jsonl", global);

        // listen.jsonl is a listener session across the edge's life; remote.jsonl the calls made meanwhile. The edge comes
        // online before the calls (on_node_ready) and goes away after them (on_node_shutdown).
        List<JsonElement> listen = Read(Path.Combine(folder, "listen.jsonl"));
        List<JsonElement> remote = Read(Path.Combine(folder, "remote.jsonl"));
        await replay.RunAsync("listen.jsonl", [.. listen.Where(r => Kind(r) is "join" or "subscribe")]);
        SimulatedNode edge = fake.FindNode("lab", "edge1") ?? throw new InvalidOperationException("global.jsonl pairs edge1 with lab");
        edge.HasDocker = false;
        edge.IsOnline = true;
        await replay.RunAsync("remote.jsonl", remote);
        edge.IsOnline = false;
        time.Advance(TimeSpan.FromSeconds(5));
        await replay.CheckEventsAsync("remote.jsonl", remote);
        await replay.CheckEventsAsync("listen.jsonl", listen);

        // The recorder ran junk.jsonl last (its records carry the latest times).
        List<JsonElement> junk = Read(Path.Combine(folder, "junk.jsonl"));
        await replay.RunAsync("junk.jsonl", junk);
        await replay.CheckEventsAsync("junk.jsonl", junk);

        // A key the master does not know, under the superuser's authid: the activation flow's ABORTs.
        string auth = Path.Combine(folder, "auth.jsonl");
        if (File.Exists(auth))
        {
            await replay.RunAsync("auth.jsonl", Read(auth));
        }

        output.WriteLine($"{folder}: {replay.CallsCompared} calls compared, {replay.CallsListed} listed as not reproduced; {replay.TopicsCompared} event topics compared, {replay.TopicsListed} listed; {replay.JoinsCompared} refused joins compared");
        Assert.True(replay.CallsCompared > 100 && replay.TopicsCompared > 10, "The replay compared too little to mean anything.");
        replay.AssertNoProblems();
    }

    private static List<JsonElement> Read(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static string Kind(JsonElement record) => record.GetProperty("kind").GetString()!;

    private static DateTimeOffset Timestamp(JsonElement record) => DateTimeOffset.Parse(record.GetProperty("ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replays records against the fake and collects what differs.</summary>
    private sealed class Replay(FakeCfc fake, FakeTimeProvider time, CryptosignKey key, string prefix) : IAsyncDisposable
    {
        private readonly Dictionary<(string Realm, string Serializer), WampClient> _sessions = [];
        private readonly ConcurrentQueue<(string Realm, string Topic, WampPayload Payload)> _events = new();
        private readonly HashSet<(string Realm, string Topic, string Match)> _subscribed = [];
        private readonly IdMap _ids = new();
        private readonly List<string> _problems = [];

        private readonly CryptosignKey _newKey = CryptosignKey.Generate();

        public int JoinsCompared { get; private set; }

        public int CallsCompared { get; private set; }

        public int CallsListed { get; private set; }

        public int TopicsCompared { get; private set; }

        public int TopicsListed { get; private set; }

        public async Task RunAsync(string file, List<JsonElement> records)
        {
            foreach (JsonElement record in records)
            {
                string id = $"{prefix}{file}#{record.GetProperty("seq").GetInt64()}";
                DateTimeOffset ts = Timestamp(record);
                if (ts > time.GetUtcNow())
                {
                    time.SetUtcNow(ts);
                }

                switch (Kind(record))
                {
                    case "join":
                        await JoinAsync(id, record);
                        break;
                    case "subscribe":
                        await SubscribeAsync(record);
                        break;
                    case "call" when NotReproducedCalls.ContainsKey(id) || NotReproducedCalls.ContainsKey(id[prefix.Length..]):
                        CallsListed++;
                        break;
                    case "call":
                        CallsCompared++;
                        await CallAsync(id, record);
                        break;
                    case "note":
                        Note(id, record);
                        break;
                    case "event":
                        break;
                    default:
                        _problems.Add($"{id}: unknown record kind {Kind(record)}");
                        break;
                }
            }
        }

        public async Task CheckEventsAsync(string file, List<JsonElement> records)
        {
            foreach (IGrouping<(string Realm, string Topic), JsonElement> topic in records.Where(r => Kind(r) == "event")
                .GroupBy(r => (r.GetProperty("realm").GetString()!, r.GetProperty("topic").GetString()!)))
            {
                if (NotReproducedEvents.ContainsKey(topic.Key.Topic))
                {
                    TopicsListed++;
                    continue;
                }

                TopicsCompared++;

                JsonElement recorded = topic.First();
                var deadline = DateTime.UtcNow.AddSeconds(3);
                (string Realm, string Topic, WampPayload Payload) seen = default;
                while (!_events.Any(e => e.Realm == topic.Key.Realm && e.Topic == topic.Key.Topic) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }

                seen = _events.FirstOrDefault(e => e.Realm == topic.Key.Realm && e.Topic == topic.Key.Topic);
                if (seen.Topic is null)
                {
                    _problems.Add($"{file}: the fake published no {topic.Key.Topic} on {topic.Key.Realm} (recorded {topic.Count()} time(s), first at seq {recorded.GetProperty("seq")})");
                    continue;
                }

                JsonShape.CompareArguments($"{file} event {topic.Key.Topic}", [.. recorded.GetProperty("args").EnumerateArray()], Args(seen.Payload), _problems);
            }
        }

        public void AssertNoProblems() => Assert.True(_problems.Count == 0, $"{_problems.Count} difference(s) between the fake and the recordings:\n" + string.Join("\n", _problems));

        private async Task JoinAsync(string id, JsonElement record)
        {
            string realm = record.GetProperty("realm").GetString()!;
            string serializer = record.GetProperty("serializer").GetString()!;
            if (record.GetProperty("ok").GetBoolean())
            {
                await SessionAsync(realm, serializer);
                return;
            }

            string uri = record.GetProperty("error").GetProperty("uri").GetString()!;
            WampException e = await Assert.ThrowsAnyAsync<WampException>(() => ConnectAsync(realm, serializer, id.Contains("auth.jsonl", StringComparison.Ordinal) ? _newKey : key));
            JoinsCompared++;
            if (e.ErrorUri != uri)
            {
                _problems.Add($"{id}: joining {realm} recorded {uri}, the fake answered {e.ErrorUri}");
            }
        }

        private async Task SubscribeAsync(JsonElement record)
        {
            string realm = record.GetProperty("realm").GetString()!;
            string topic = record.GetProperty("topic").GetString()!;
            string match = record.GetProperty("match").GetString()!;
            if (!_subscribed.Add((realm, topic, match)))
            {
                return;
            }

            WampClient session = await SessionAsync(realm, "json");
            await session.SubscribeAsync(topic, (e, _) =>
            {
                _events.Enqueue((realm, e.Topic, e.Payload));
                return ValueTask.CompletedTask;
            }, new WampSubscribeOptions { Match = match == "prefix" ? WampMatch.Prefix : WampMatch.Exact });
        }

        private async Task CallAsync(string id, JsonElement record)
        {
            string realm = record.GetProperty("realm").GetString()!;
            string proc = record.GetProperty("proc").GetString()!;
            WampClient session = await SessionAsync(realm, record.GetProperty("serializer").GetString()!);
            JsonElement args = _ids.Apply(record.GetProperty("args"));
            JsonElement kwargs = _ids.Apply(record.GetProperty("kwargs"));
            var payload = new WampPayload(args, kwargs.EnumerateObject().Any() ? kwargs : null);
            bool recordedOk = record.GetProperty("ok").GetBoolean();
            try
            {
                WampResult result = await session.CallAsync(proc, payload).WaitAsync(TimeSpan.FromSeconds(30));
                if (!recordedOk)
                {
                    _problems.Add($"{id} {proc}: recorded error {record.GetProperty("error").GetProperty("uri")}, the fake answered a result");
                    return;
                }

                JsonElement recorded = record.GetProperty("result");
                List<JsonElement> fakeArgs = Args(result.Payload);
                List<JsonElement> recordedArgs = recorded.ValueKind == JsonValueKind.Null && fakeArgs.Count == 0 ? [] : [recorded];
                JsonShape.CompareArguments($"{id} {proc} result", recordedArgs, fakeArgs, _problems, rootIsMap: proc.EndsWith(".get_router_realm_stats", StringComparison.Ordinal));
                if (fakeArgs.Count == 1)
                {
                    _ids.Learn(recorded, fakeArgs[0]);
                }
            }
            catch (WampException e) when (e is not WampConnectionLostException and not WampTimeoutException)
            {
                if (recordedOk)
                {
                    _problems.Add($"{id} {proc}: recorded a result, the fake answered {e.ErrorUri} {e.Message}");
                    return;
                }

                JsonElement error = record.GetProperty("error");
                string uri = error.GetProperty("uri").GetString()!;
                if (e.ErrorUri != uri)
                {
                    _problems.Add($"{id} {proc}: recorded {uri}, the fake answered {e.ErrorUri} ({e.Message})");
                    return;
                }

                JsonShape.CompareArguments($"{id} {proc} error {uri}", [.. error.GetProperty("args").EnumerateArray()], Args(e.Payload), _problems);
            }
        }

        private void Note(string id, JsonElement record)
        {
            string text = record.GetProperty("text").GetString()!;
            switch (text)
            {
                case "anonymous client joined edge realm":
                    // A WAMP client joined the edge's router realm1 from outside; the fake's counterpart is a session on the simulated realm.
                    SimulatedNode edge = fake.FindNode("lab", "edge1")!;
                    SimulatedRouterRealm realm = edge.Workers.Values.OfType<SimulatedRouterWorker>().SelectMany(w => w.Realms.Values).Last(r => r.Name == record.GetProperty("realm").GetString());
                    realm.Sessions.Add(new SimulatedSession(record.GetProperty("session").GetInt64(), "3W5P-RN5L-JQFS-P4GM-R6UK-CXKA", "anonymous", "anonymous", "websocket"));
                    break;
                case "anonymous client called com.example.add2(2, 3) on edge realm1":
                    // Traffic through the traced router; the recorded trace stayed empty, and so does the fake's.
                    break;
                case var summary when summary.StartsWith("events seen: ", StringComparison.Ordinal):
                    // The recorder's count of the events above; CheckEventsAsync compares them topic by topic.
                    break;
                default:
                    _problems.Add($"{id}: unknown note '{text}': say how the fake reproduces it");
                    break;
            }
        }

        private static List<JsonElement> Args(WampPayload payload) =>
            payload.Arguments is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray()] : [];

        private async Task<WampClient> SessionAsync(string realm, string serializer)
        {
            if (!_sessions.TryGetValue((realm, serializer), out WampClient? session))
            {
                session = await ConnectAsync(realm, serializer);
                _sessions.Add((realm, serializer), session);
            }

            return session;
        }

        private Task<WampClient> ConnectAsync(string realm, string serializer) => ConnectAsync(realm, serializer, key);

        private Task<WampClient> ConnectAsync(string realm, string serializer, CryptosignKey identity) => WampClient.ConnectAsync(new WampClientOptions
        {
            Url = fake.Url,
            Realm = realm,
            Serializers = [serializer switch { "msgpack" => WampSerializer.MessagePack, "cbor" => WampSerializer.Cbor, _ => WampSerializer.Json }],
            Authenticator = WampAuthenticator.Cryptosign(identity, "superuser"),
        });

        public async ValueTask DisposeAsync()
        {
            _newKey.Dispose();
            foreach (WampClient session in _sessions.Values)
            {
                await session.DisposeAsync();
            }
        }
    }
}
