using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote router worker API: router realms, realm roles, transports, transport paths and components, each with
/// <c>get_*s</c> (ids in start order), <c>get_*</c>, <c>start_*</c> (<c>crossbar.error.already_running</c> for a
/// present id) and <c>stop_*</c> (<c>crossbar.error.no_such_object</c> for a missing id). <c>start_router_realm</c>
/// fires <c>on_router_realm_starting</c> then <c>on_router_realm_started</c>, each with (node_id, worker_id, realm_id, info),
/// before it returns. The seed's table of contents spells some names differently from its sections
/// (<c>get_realm_roles</c> for <c>get_router_realm_roles</c>, <c>get_transport_paths</c> for
/// <c>get_router_transport_paths</c>, ...): both spellings are registered.
/// </summary>
internal sealed class FakeRemoteRouterApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteRouter, state, host, schemes)
{
    /// <summary>The seed's section name of a procedure to its table-of-contents alias.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get_router_realm_roles"] = "get_realm_roles",
        ["get_router_realm_role"] = "get_realm_role",
        ["start_router_realm_role"] = "start_realm_role",
        ["stop_router_realm_role"] = "stop_realm_role",
        ["get_router_transport_paths"] = "get_transport_paths",
        ["get_router_transport_path"] = "get_transport_path",
        ["start_router_transport_path"] = "start_transport_path",
        ["stop_router_transport_path"] = "stop_transport_path",
    };

    public override void Register()
    {
        RegisterRealms();
        RegisterRoles();
        RegisterTransports();
        RegisterPaths();
        RegisterComponents();
    }

    private void RegisterRealms()
    {
        Router("get_router_realms", (c, a) => FakeJson.Result(RouterWorker(c, a).Realms.Keys));
        Router("get_router_realm", (c, a) => FakeJson.Result(RealmObject(Find(RouterWorker(c, a).Realms, a.String(2, "realm_id"), "router realm"))));
        RemoteAsync("start_router_realm", async (c, a, _) =>
        {
            string nodeId;
            string workerId;
            string realmId = a.String(2, "realm_id");
            JsonElement config = a.Object(3, "realm_config");
            SimulatedRouterRealm realm;
            lock (State.Gate)
            {
                SimulatedRouterWorker worker = RouterWorker(c, a);
                nodeId = Node(c, a).NodeId;
                workerId = worker.Id;
                if (worker.Realms.ContainsKey(realmId))
                {
                    throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"router realm '{realmId}' is already running on worker '{workerId}'");
                }

                realm = new SimulatedRouterRealm(realmId, FakeJson.GetString(config, "name") ?? realmId, config, State.Now);
                worker.Realms.Add(realmId, realm);
            }

            await PublishAsync(c.Realm, "on_router_realm_starting", RealmEvent(nodeId, workerId, realmId, FakeJson.Object(w =>
            {
                w.WriteString("id", realmId);
                w.WriteString("name", realm.Name);
                w.Write("config", config);
            }))).ConfigureAwait(false);

            JsonElement started;
            lock (State.Gate)
            {
                started = RealmObject(realm);
            }

            await PublishAsync(c.Realm, "on_router_realm_started", RealmEvent(nodeId, workerId, realmId, started)).ConfigureAwait(false);
            return FakeJson.Result(started);
        });
        Router("stop_router_realm", (c, a) =>
        {
            SimulatedRouterWorker worker = RouterWorker(c, a);
            SimulatedRouterRealm realm = Find(worker.Realms, a.String(2, "realm_id"), "router realm");
            worker.Realms.Remove(realm.Id);
            return Stopped(c, realm.Id, realm.Name);
        });
    }

    private void RegisterRoles()
    {
        Router("get_router_realm_roles", (c, a) => FakeJson.Result(RealmOf(c, a).Roles.Keys));
        Router("get_router_realm_role", (c, a) => FakeJson.Result(RoleObject(Find(RealmOf(c, a).Roles, a.String(3, "role_id"), "realm role"))));
        Router("start_router_realm_role", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a);
            string roleId = a.String(3, "role_id");
            JsonElement config = a.Object(4, "role_config");
            if (realm.Roles.ContainsKey(roleId))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"role '{roleId}' is already running on router realm '{realm.Id}'");
            }

            var role = new SimulatedRealmRole(roleId, FakeJson.GetString(config, "name") ?? roleId, config, State.Now);
            realm.Roles.Add(roleId, role);
            return FakeJson.Result(RoleObject(role));
        });
        Router("stop_router_realm_role", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a);
            SimulatedRealmRole role = Find(realm.Roles, a.String(3, "role_id"), "realm role");
            realm.Roles.Remove(role.Id);
            return Stopped(c, role.Id, role.Name);
        });
    }

    private void RegisterTransports()
    {
        Router("get_router_transports", (c, a) => FakeJson.Result(RouterWorker(c, a).Transports.Keys));
        Router("get_router_transport", (c, a) => FakeJson.Result(TransportObject(Find(RouterWorker(c, a).Transports, a.String(2, "transport_id"), "router transport"))));
        Router("start_router_transport", (c, a) => FakeJson.Result(StartTransport(RouterWorker(c, a).Transports, a, State.Now)));
        Router("stop_router_transport", (c, a) =>
        {
            SimulatedRouterWorker worker = RouterWorker(c, a);
            SimulatedTransport transport = Find(worker.Transports, a.String(2, "transport_id"), "router transport");
            worker.Transports.Remove(transport.Id);
            return Stopped(c, transport.Id, null);
        });
    }

    private void RegisterPaths()
    {
        Router("get_router_transport_paths", (c, a) => FakeJson.Result(TransportOf(c, a).Paths.Keys));
        Router("get_router_transport_path", (c, a) => FakeJson.Result(PathObject(Find(TransportOf(c, a).Paths, a.String(3, "path_id"), "transport path"))));
        Router("start_router_transport_path", (c, a) =>
        {
            SimulatedTransport transport = TransportOf(c, a);
            string pathId = a.String(3, "path_id");
            JsonElement config = a.Object(4, "transport_path_config");
            string type = FakeJson.GetString(config, "type") ?? throw FakeErrors.Error(FakeErrors.InvalidConfiguration, "a transport path config needs a 'type'");
            if (transport.Paths.ContainsKey(pathId))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"path '{pathId}' is already running on transport '{transport.Id}'");
            }

            var path = new SimulatedTransportPath(pathId, type, config, State.Now);
            transport.Paths.Add(pathId, path);
            return FakeJson.Result(PathObject(path));
        });
        Router("stop_router_transport_path", (c, a) =>
        {
            SimulatedTransport transport = TransportOf(c, a);
            SimulatedTransportPath path = Find(transport.Paths, a.String(3, "path_id"), "transport path");
            transport.Paths.Remove(path.Id);
            return Stopped(c, path.Id, null);
        });
    }

    private void RegisterComponents()
    {
        Router("get_router_components", (c, a) => FakeJson.Result(RouterWorker(c, a).Components.Keys));
        Router("get_router_component", (c, a) => FakeJson.Result(ComponentObject(Find(RouterWorker(c, a).Components, a.String(2, "component_id"), "router component"), State.Now)));
        // A component that names a realm of the worker joins it as a session: wamp.session.on_join fires on the meta API.
        RemoteAsync("start_router_component", async (c, a, _) =>
        {
            string nodeId;
            string workerId;
            JsonElement started;
            (string RealmId, SimulatedSession Session)? joined = null;
            lock (State.Gate)
            {
                SimulatedRouterWorker worker = RouterWorker(c, a);
                nodeId = Node(c, a).NodeId;
                workerId = worker.Id;
                string id = a.String(2, "component_id");
                JsonElement config = a.Object(3, "component_config");
                if (worker.Components.ContainsKey(id))
                {
                    throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"component '{id}' is already running on worker '{worker.Id}'");
                }

                var component = new SimulatedComponent(id, config, State.Now);
                worker.Components.Add(id, component);
                started = ComponentObject(component, State.Now);
                if (FakeJson.GetString(config, "realm") is { } realmName && worker.Realms.Values.FirstOrDefault(r => r.Id == realmName || r.Name == realmName) is { } realm)
                {
                    var session = new SimulatedSession(State.Random.NextInt64(1, 1L << 53), id, FakeJson.GetString(config, "role") ?? "anonymous", "anonymous", "function");
                    realm.Sessions.Add(session);
                    joined = (realm.Id, session);
                }
            }

            if (joined is { } j)
            {
                await PublishAsync(FakeApi.RemoteRouterMeta, c.Realm, "wamp.session.on_join",
                    new WampPayloadBuilder().Add(nodeId).Add(workerId).Add(j.RealmId).Add(FakeRemoteRouterMetaApi.SessionObject(j.Session)).Build()).ConfigureAwait(false);
            }

            return FakeJson.Result(started);
        });
        Router("stop_router_component", (c, a) =>
        {
            SimulatedRouterWorker worker = RouterWorker(c, a);
            SimulatedComponent component = Find(worker.Components, a.String(2, "component_id"), "router component");
            worker.Components.Remove(component.Id);
            return Stopped(c, component.Id, null);
        });
    }

    private void Router(string name, Func<FakeCallContext, FakeArgs, WampPayload> handler)
    {
        Remote(name, handler);
        if (Aliases.TryGetValue(name, out string? alias))
        {
            Remote(alias, handler);
        }
    }

    private SimulatedRouterWorker RouterWorker(FakeCallContext c, FakeArgs a) => Worker<SimulatedRouterWorker>(c, a, "router");

    private SimulatedRouterRealm RealmOf(FakeCallContext c, FakeArgs a) => Find(RouterWorker(c, a).Realms, a.String(2, "realm_id"), "router realm");

    private SimulatedTransport TransportOf(FakeCallContext c, FakeArgs a) => Find(RouterWorker(c, a).Transports, a.String(2, "transport_id"), "router transport");

    private WampPayload Stopped(FakeCallContext c, string id, string? name) => FakeJson.Result(w =>
    {
        w.WriteString("id", id);
        if (name is not null)
        {
            w.WriteString("name", name);
        }

        w.WriteTime("stopped", State.Now);
        w.WriteString("who", c.AuthId);
    });

    private static WampPayload RealmEvent(string nodeId, string workerId, string realmId, JsonElement info) =>
        new WampPayloadBuilder().Add(nodeId).Add(workerId).Add(realmId).Add(info).Build();

    /// <summary>Starts a router or proxy transport: (node_id, worker_id, transport_id, transport_config[, create_paths]).</summary>
    internal static JsonElement StartTransport(OrderedDictionary<string, SimulatedTransport> transports, FakeArgs a, DateTimeOffset now)
    {
        string id = a.String(2, "transport_id");
        JsonElement config = a.Object(3, "transport_config");
        string type = FakeJson.GetString(config, "type") ?? throw FakeErrors.Error(FakeErrors.InvalidConfiguration, "a transport config needs a 'type'");
        if (transports.ContainsKey(id))
        {
            throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"transport '{id}' is already running");
        }

        var transport = new SimulatedTransport(id, type, config, now);
        if (a.Bool(4, "create_paths", false) && config.TryGetProperty("paths", out JsonElement paths) && paths.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty path in paths.EnumerateObject())
            {
                transport.Paths.Add(path.Name, new SimulatedTransportPath(path.Name, FakeJson.GetString(path.Value, "type") ?? "unknown", path.Value.Clone(), now));
            }
        }

        transports.Add(id, transport);
        return TransportObject(transport);
    }

    internal static JsonElement RealmObject(SimulatedRouterRealm realm) => FakeJson.Object(w =>
    {
        w.WriteString("id", realm.Id);
        w.WriteString("name", realm.Name);
        w.Write("config", realm.Config);
        w.WriteTime("created", realm.Created);
        w.WriteStartArray("roles");
        foreach (SimulatedRealmRole role in realm.Roles.Values)
        {
            w.WriteStartObject();
            w.WriteString("id", role.Id);
            w.Write("config", role.Config);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("has_router", true);
        w.WriteBoolean("has_service_session", true);
    });

    internal static JsonElement RoleObject(SimulatedRealmRole role) => FakeJson.Object(w =>
    {
        w.WriteString("id", role.Id);
        w.WriteString("name", role.Name);
        w.Write("config", role.Config);
        w.WriteTime("created", role.Created);
    });

    internal static JsonElement TransportObject(SimulatedTransport transport) => FakeJson.Object(w =>
    {
        w.WriteString("id", transport.Id);
        w.WriteString("type", transport.Type);
        w.Write("config", transport.Config);
        w.WriteTime("created_at", transport.Created);
        w.WriteTime("listening_since", transport.Created);
        w.WriteString("state", transport.State);
        w.WriteStrings("paths", transport.Paths.Keys);
    });

    internal static JsonElement PathObject(SimulatedTransportPath path) => FakeJson.Object(w =>
    {
        w.WriteString("id", path.Id);
        w.WriteString("type", path.Type);
        w.Write("config", path.Config);
        w.WriteTime("created", path.Created);
    });

    internal static JsonElement ComponentObject(SimulatedComponent component, DateTimeOffset now) => FakeJson.Object(w =>
    {
        w.WriteString("id", component.Id);
        w.Write("config", component.Config);
        w.WriteTime("created", component.Created);
        w.WriteTime("started", component.Created);
        w.WriteNumber("uptime", Math.Round((now - component.Created).TotalSeconds, 3));
    });
}
