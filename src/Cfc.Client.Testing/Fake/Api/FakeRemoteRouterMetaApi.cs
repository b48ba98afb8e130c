using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote meta API: the WAMP meta procedures of a simulated router realm, called as
/// <c>...remote.router.meta.&lt;meta uri&gt;</c>(node_id, worker_id, realm_id, *args). The answers come from the
/// realm's simulated sessions, registrations and subscriptions, with WAMP's error URIs
/// (<c>wamp.error.no_such_session</c>, <c>...no_such_registration</c>, <c>...no_such_subscription</c>).
/// </summary>
internal sealed class FakeRemoteRouterMetaApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteRouterMeta, state, host, schemes)
{
    public override void Register()
    {
        Remote("wamp.session.count", (c, a) => FakeJson.Result(Sessions(c, a).Count()));
        Remote("wamp.session.list", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Sessions(c, a).Select(s => s.SessionId))));
        Remote("wamp.session.get", (c, a) =>
        {
            long id = Id(a, "session_id");
            SimulatedSession s = Realm(c, a).Sessions.FirstOrDefault(x => x.SessionId == id)
                ?? throw FakeErrors.Error(FakeErrors.NoSuchSession, $"no session {id}");
            return FakeJson.Result(SessionObject(s));
        });
        RemoteAsync("wamp.session.kill", async (c, a, _) =>
        {
            long id = Id(a, "session_id");
            string nodeId;
            string workerId;
            string realmId;
            lock (State.Gate)
            {
                SimulatedRouterRealm realm = Realm(c, a);
                SimulatedSession s = realm.Sessions.FirstOrDefault(x => x.SessionId == id)
                    ?? throw FakeErrors.Error(FakeErrors.NoSuchSession, $"no session {id}");
                realm.Sessions.Remove(s);
                nodeId = Node(c, a).NodeId;
                workerId = a.String(1, "worker_id");
                realmId = realm.Id;
            }

            await PublishAsync(c.Realm, "wamp.session.on_leave", new WampPayloadBuilder().Add(nodeId).Add(workerId).Add(realmId).Add(id).Build()).ConfigureAwait(false);
            return WampPayload.Empty;
        });

        Remote("wamp.registration.list", (c, a) => FakeJson.Result(w => WriteByMatch(w, Realm(c, a).Registrations.Select(r => (r.Id, r.Match)))));
        Remote("wamp.registration.lookup", (c, a) => IdOrNull(Realm(c, a).Registrations.FirstOrDefault(r => r.Uri == a.String(3, "procedure") && r.Match == MatchOption(a))?.Id));
        Remote("wamp.registration.match", (c, a) => IdOrNull(Matching(Realm(c, a).Registrations.Select(r => (r.Id, r.Uri, r.Match)), a.String(3, "procedure")).Cast<long?>().FirstOrDefault()));
        Remote("wamp.registration.get", (c, a) =>
        {
            SimulatedRegistration r = Registration(c, a);
            return FakeJson.Result(w =>
            {
                w.WriteNumber("id", r.Id);
                w.WriteTime("created", r.Created);
                w.WriteString("uri", r.Uri);
                w.WriteString("match", r.Match);
                w.WriteString("invoke", r.Invoke);
            });
        });
        Remote("wamp.registration.list_callees", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Registration(c, a).Callees)));
        Remote("wamp.registration.count_callees", (c, a) => FakeJson.Result(Registration(c, a).Callees.Count));

        Remote("wamp.subscription.list", (c, a) => FakeJson.Result(w => WriteByMatch(w, Realm(c, a).Subscriptions.Select(s => (s.Id, s.Match)))));
        Remote("wamp.subscription.lookup", (c, a) => IdOrNull(Realm(c, a).Subscriptions.FirstOrDefault(s => s.Uri == a.String(3, "topic") && s.Match == MatchOption(a))?.Id));
        Remote("wamp.subscription.match", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Matching(Realm(c, a).Subscriptions.Select(s => (s.Id, s.Uri, s.Match)), a.String(3, "topic")))));
        Remote("wamp.subscription.get", (c, a) =>
        {
            SimulatedSubscription s = Subscription(c, a);
            return FakeJson.Result(w =>
            {
                w.WriteNumber("id", s.Id);
                w.WriteTime("created", s.Created);
                w.WriteString("uri", s.Uri);
                w.WriteString("match", s.Match);
            });
        });
        Remote("wamp.subscription.list_subscribers", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Subscription(c, a).Subscribers)));
        Remote("wamp.subscription.count_subscribers", (c, a) => FakeJson.Result(Subscription(c, a).Subscribers.Count));
    }

    /// <summary>A session as <c>wamp.session.get</c> and <c>wamp.session.on_join</c> describe it.</summary>
    internal static JsonElement SessionObject(SimulatedSession s) => FakeJson.Object(w =>
    {
        w.WriteNumber("session", s.SessionId);
        w.WriteString("authid", s.AuthId);
        w.WriteString("authrole", s.AuthRole);
        w.WriteString("authmethod", s.AuthMethod);
        w.WriteString("authprovider", "static");
        w.WriteStartObject("transport");
        w.WriteString("type", s.TransportType);
        w.WriteEndObject();
    });

    /// <summary>The meta procedures served, as WAMP names them.</summary>
    public static IReadOnlyList<string> MetaProcedures { get; } =
    [
        "wamp.session.count", "wamp.session.list", "wamp.session.get", "wamp.session.kill",
        "wamp.registration.list", "wamp.registration.lookup", "wamp.registration.match", "wamp.registration.get",
        "wamp.registration.list_callees", "wamp.registration.count_callees",
        "wamp.subscription.list", "wamp.subscription.lookup", "wamp.subscription.match", "wamp.subscription.get",
        "wamp.subscription.list_subscribers", "wamp.subscription.count_subscribers",
    ];

    private SimulatedRouterRealm Realm(FakeCallContext c, FakeArgs a)
    {
        SimulatedRouterWorker worker = Worker<SimulatedRouterWorker>(c, a, "router");
        string realmId = a.String(2, "realm_id");
        return worker.Realms.GetValueOrDefault(realmId)
            ?? worker.Realms.Values.FirstOrDefault(r => r.Name == realmId)
            ?? throw FakeErrors.NotFound($"router realm '{realmId}'");
    }

    // wamp.session.count/list take an optional filter_authroles list.
    private IEnumerable<SimulatedSession> Sessions(FakeCallContext c, FakeArgs a)
    {
        List<SimulatedSession> sessions = Realm(c, a).Sessions;
        if (!a.TryGet(3, "filter_authroles", out JsonElement roles))
        {
            return sessions;
        }

        if (roles.ValueKind != JsonValueKind.Array)
        {
            throw FakeErrors.Invalid("filter_authroles must be a list");
        }

        HashSet<string?> wanted = [.. roles.EnumerateArray().Select(r => r.GetString())];
        return sessions.Where(s => wanted.Contains(s.AuthRole));
    }

    private SimulatedRegistration Registration(FakeCallContext c, FakeArgs a)
    {
        long id = Id(a, "registration_id");
        return Realm(c, a).Registrations.FirstOrDefault(r => r.Id == id) ?? throw FakeErrors.Error(FakeErrors.NoSuchRegistration, $"no registration {id}");
    }

    private SimulatedSubscription Subscription(FakeCallContext c, FakeArgs a)
    {
        long id = Id(a, "subscription_id");
        return Realm(c, a).Subscriptions.FirstOrDefault(s => s.Id == id) ?? throw FakeErrors.Error(FakeErrors.NoSuchSubscription, $"no subscription {id}");
    }

    private static long Id(FakeArgs a, string name) => a.OptionalLong(3, name) ?? throw FakeErrors.Invalid($"missing argument '{name}'");

    private static string MatchOption(FakeArgs a) =>
        a.OptionalObject(4, "options") is { } o ? FakeJson.GetString(o, "match") ?? "exact" : "exact";

    private static WampPayload IdOrNull(long? id) => id is { } v ? FakeJson.Result(v) : FakeJson.Null();

    private static IEnumerable<long> Matching(IEnumerable<(long Id, string Uri, string Match)> items, string uri) =>
        items.Where(i => i.Match switch
        {
            "prefix" => uri.StartsWith(i.Uri, StringComparison.Ordinal),
            "wildcard" => WildcardMatches(i.Uri, uri),
            _ => i.Uri == uri,
        }).Select(i => i.Id);

    private static bool WildcardMatches(string pattern, string uri)
    {
        string[] p = pattern.Split('.');
        string[] u = uri.Split('.');
        return p.Length == u.Length && p.Zip(u).All(x => x.First.Length == 0 || x.First == x.Second);
    }

    private static void WriteByMatch(Utf8JsonWriter w, IEnumerable<(long Id, string Match)> items)
    {
        List<(long Id, string Match)> all = [.. items];
        foreach (string match in new[] { "exact", "prefix", "wildcard" })
        {
            w.WriteStartArray(match);
            foreach ((long id, _) in all.Where(i => i.Match == match))
            {
                w.WriteNumberValue(id);
            }

            w.WriteEndArray();
        }
    }
}
