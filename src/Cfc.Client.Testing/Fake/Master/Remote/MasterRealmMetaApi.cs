using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.realm.meta.&lt;wamp meta procedure&gt;(node_authid, worker_id, realm_id, ...)</c>: the WAMP meta API
/// of a router realm on a node, bridged by the master. Unlike the rest of the remote API it takes the node's <b>authid</b> (an oid
/// gives <c>no_such_procedure</c>), and it exists only for router realms started with <c>options.bridge_meta_api: true</c>. The
/// forwarded meta events (<c>...remote.realm.meta.wamp.session.on_join</c>, <c>on_leave</c>, <c>on_stats</c>) carry
/// (node_authid, worker_id, realm_id, ...).
/// </summary>
internal sealed class MasterRealmMetaApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("realm.meta", master, host)
{
    public override void Register()
    {
        Remote("wamp.session.count", (c, a) => FakeJson.Result(Realm(c, a, "wamp.session.count").Realm.Sessions.Count));
        Remote("wamp.session.list", (c, a) => WampPayload.FromArguments(FakeJson.LongArray(Realm(c, a, "wamp.session.list").Realm.Sessions.Select(s => s.SessionId))));
        Remote("wamp.session.get", (c, a) =>
        {
            (SimulatedNode node, string workerId, SimulatedRouterRealm realm) = Realm(c, a, "wamp.session.get");
            long id = Id(a, "session_id");
            SimulatedSession session = realm.Sessions.FirstOrDefault(s => s.SessionId == id) ?? throw MasterErrors.Error(FakeErrors.NoSuchSession, "no session with ID " + id);
            return One(SessionObject(session, realm, node, workerId));
        });
        Remote("wamp.registration.list", (c, a) => MasterJson.Result(w => ByMatch(w, Realm(c, a, "wamp.registration.list").Realm.Registrations.Select(r => (r.Id, r.Match)))));
        Remote("wamp.registration.get", (c, a) =>
        {
            long id = Id(a, "registration_id");
            SimulatedRegistration r = Realm(c, a, "wamp.registration.get").Realm.Registrations.FirstOrDefault(x => x.Id == id)
                ?? throw MasterErrors.Error(FakeErrors.NoSuchRegistration, "no registration with ID " + id);
            return One(RegistrationObject(r));
        });
        Remote("wamp.registration.lookup", (c, a) =>
        {
            string uri = a.String(3, "procedure");
            long? id = Realm(c, a, "wamp.registration.lookup").Realm.Registrations.FirstOrDefault(r => r.Uri == uri)?.Id;
            return id is { } v ? FakeJson.Result(v) : FakeJson.Null();
        });
        Remote("wamp.registration.list_callees", (c, a) =>
        {
            long id = Id(a, "registration_id");
            SimulatedRegistration r = Realm(c, a, "wamp.registration.list_callees").Realm.Registrations.FirstOrDefault(x => x.Id == id)
                ?? throw MasterErrors.Error(FakeErrors.NoSuchRegistration, "no registration with ID " + id);
            return WampPayload.FromArguments(FakeJson.LongArray(r.Callees));
        });
        Remote("wamp.subscription.list", (c, a) => MasterJson.Result(w => ByMatch(w, Realm(c, a, "wamp.subscription.list").Realm.Subscriptions.Select(s => (s.Id, s.Match)))));
        Remote("wamp.subscription.list_subscribers", (c, a) =>
        {
            long id = Id(a, "subscription_id");
            SimulatedSubscription s = Realm(c, a, "wamp.subscription.list_subscribers").Realm.Subscriptions.FirstOrDefault(x => x.Id == id)
                ?? throw MasterErrors.Error(FakeErrors.NoSuchSubscription, "no subscription with ID " + id);
            return WampPayload.FromArguments(FakeJson.LongArray(s.Subscribers));
        });
    }

    /// <summary>A session as the router's <c>wamp.session.get</c> and <c>on_join</c> describe it on a v22.6.1 edge.</summary>
    internal static JsonElement SessionObject(SimulatedSession s, SimulatedRouterRealm realm, SimulatedNode node, string workerId) => FakeJson.Object(w =>
    {
        w.WriteString("realm", realm.Name);
        w.WriteNumber("session", s.SessionId);
        w.WriteString("authid", s.AuthId);
        w.WriteString("authrole", s.AuthRole);
        w.WriteString("authmethod", s.AuthMethod);
        w.WriteString("authprovider", "static");
        w.WriteStartObject("authextra");
        w.WriteString("x_cb_node", node.NodeId);
        w.WriteString("x_cb_worker", workerId);
        w.WriteString("x_cb_peer", "tcp4:127.0.0.1:35090");
        w.WriteNumber("x_cb_pid", node.Workers.GetValueOrDefault(workerId)?.Pid ?? 0);
        w.WriteEndObject();
        w.WriteNull("serializer");
        w.WriteStartObject("transport");
        w.WriteString("channel_type", "tcp");
        w.WriteString("channel_framing", "websocket");
        w.WriteNull("channel_serializer");
        w.WriteNull("own");
        w.WriteString("peer", "tcp4:127.0.0.1:35090");
        w.WriteBoolean("is_server", true);
        w.WriteNumber("own_pid", 4711);
        w.WriteNumber("own_tid", 4711);
        w.WriteNumber("own_fd", -1);
        w.WriteBoolean("is_secure", false);
        w.WriteStartObject("channel_id");
        w.WriteEndObject();
        w.WriteNull("peer_cert");
        w.WriteString("websocket_protocol", "wamp.2.json");
        w.WriteStartArray("websocket_extensions_in_use");
        w.WriteEndArray();
        w.WriteStartObject("http_headers_received");
        w.WriteString("user-agent", "AutobahnPython/22.7.1");
        w.WriteString("host", "127.0.0.1:8080");
        w.WriteString("upgrade", "WebSocket");
        w.WriteString("connection", "Upgrade");
        w.WriteString("pragma", "no-cache");
        w.WriteString("cache-control", "no-cache");
        w.WriteString("sec-websocket-key", "PO0MlDenHbOaBx9w75Zafg==");
        w.WriteString("sec-websocket-protocol", "wamp.2.json");
        w.WriteString("sec-websocket-extensions", "permessage-deflate; client_no_context_takeover; client_max_window_bits");
        w.WriteString("sec-websocket-version", "13");
        w.WriteEndObject();
        w.WriteStartObject("http_headers_sent");
        w.WriteEndObject();
        w.WriteNull("http_cbtid");
        w.WriteEndObject();
        w.WriteBoolean("resumed", false);
        w.WriteBoolean("resumable", false);
        w.WriteNull("resume_token");
    });

    internal static JsonElement RegistrationObject(SimulatedRegistration r) => FakeJson.Object(w =>
    {
        w.WriteNumber("id", r.Id);
        w.WriteString("created", FakeJson.Iso(r.Created));
        w.WriteString("uri", r.Uri);
        w.WriteString("match", r.Match);
        w.WriteString("invoke", r.Invoke);
    });

    /// <summary>Whether the master bridges the realm's meta API and events (<c>options.bridge_meta_api</c>).</summary>
    internal static bool IsBridged(SimulatedRouterRealm realm) =>
        realm.Config.ValueKind == JsonValueKind.Object && realm.Config.TryGetProperty("options", out JsonElement o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("bridge_meta_api", out JsonElement b) && b.ValueKind == JsonValueKind.True;

    // The target is crossbarfabriccenter.node.<authid>.worker.<worker_id>.realm.<realm_id>.root.<procedure>, registered by the node's
    // bridge only for bridged realms: anything else is no_such_procedure.
    private (SimulatedNode Node, string WorkerId, SimulatedRouterRealm Realm) Realm(FakeCallContext c, MasterArgs a, string procedure)
    {
        string authId = a.String(0, "node_id");
        string workerId = a.String(1, "worker_id");
        string realmId = a.String(2, "realm_id");
        SimulatedNode? node = Master.IndexedNodesOf(c.Realm).FirstOrDefault(n => n.NodeId == authId);
        return node is { IsOnline: true } && node.Workers.GetValueOrDefault(workerId) is SimulatedRouterWorker router
            && router.Realms.GetValueOrDefault(realmId) is { } realm && IsBridged(realm)
            ? (node, workerId, realm)
            : throw MasterErrors.NoSuchProcedure(MasterUris.NodeTarget(authId, workerId, $"realm.{realmId}.root.{procedure}"));
    }

    private static long Id(MasterArgs a, string name) => a.OptionalLong(3, name) ?? throw MasterErrors.Missing(name.Split('_')[0], name);

    private static void ByMatch(Utf8JsonWriter w, IEnumerable<(long Id, string Match)> items)
    {
        List<(long Id, string Match)> all = [.. items];
        foreach (string match in new[] { "exact", "prefix", "wildcard" })
        {
            w.WritePropertyName(match);
            FakeJson.LongArray(all.Where(i => i.Match == match).Select(i => i.Id)).WriteTo(w);
        }
    }
}
