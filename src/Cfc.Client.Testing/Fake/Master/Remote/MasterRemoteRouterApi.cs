using System.Text;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.router.*(node_oid, worker_id, ...)</c> on router workers, with a v22.6.1 edge's shapes:
/// router realms (with roles, links, stats; realm objects carry <c>rlinks</c> and <c>interfaces</c>), transports (objects, not
/// ids; <c>state</c> is an int), web transport services and components. Its bugs are kept: <c>get_router_realm_roles</c> always
/// fails (the edge cannot serialize <c>dict_values</c>), and with <see cref="FakeMasterState.StopRealmBug"/>
/// <c>stop_router_realm</c> fails with <c>runtime_error [realm name]</c>. A realm that enables the meta API (the default) gets the
/// service session's registrations of the WAMP meta procedures, as on a real router.
/// </summary>
internal sealed class MasterRemoteRouterApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("router", master, host)
{
    public override void Register()
    {
        RegisterRealms();
        RegisterRoles();
        RegisterTransports();
        RegisterComponents();
    }

    private void RegisterRealms()
    {
        Remote("get_router_realms", (c, a) => FakeJson.Result(Router(c, a, "get_router_realms").Realms.Keys));
        Remote("get_router_realm", (c, a) => One(RealmObject(Find(Router(c, a, "get_router_realm").Realms, a.String(2, "realm_id"), "realm"))));
        Remote("get_router_realm_by_name", (c, a) =>
        {
            string name = a.String(2, "realm_name");
            return One(RealmObject(Router(c, a, "get_router_realm_by_name").Realms.Values.FirstOrDefault(r => r.Name == name)
                ?? throw MasterErrors.NoSuchObject($"No realm with name '{name}'")));
        });
        Remote("get_router_realm_stats", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "get_router_realm_stats");
            string? only = a.OptionalString(2, "realm_id");
            return MasterJson.Result(w =>
            {
                foreach (SimulatedRouterRealm realm in router.Realms.Values.Where(r => only is null || r.Id == only))
                {
                    w.WriteStartObject(realm.Id);
                    w.WriteNumber("roles", realm.Roles.Count + 1);
                    w.WriteNumber("sessions", realm.Sessions.Count);
                    w.WriteStartObject("messages");
                    w.WriteStartObject("sent");
                    w.WriteNumber("registered", realm.Registrations.Count);
                    w.WriteEndObject();
                    w.WriteStartObject("received");
                    w.WriteNumber("register", realm.Registrations.Count);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            });
        });
        Remote("start_router_realm", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "start_router_realm");
            string id = a.String(2, "realm_id");
            JsonElement config = a.Object(3, "realm_config");
            if (router.Realms.ContainsKey(id))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start realm: a realm with ID '{id}' is already running (or starting)");
            }

            var realm = new SimulatedRouterRealm(id, FakeJson.GetString(config, "name") ?? id, config, State.Now);
            if (!(config.TryGetProperty("options", out JsonElement options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("enable_meta_api", out JsonElement meta) && meta.ValueKind == JsonValueKind.False))
            {
                long serviceSession = NewId();
                foreach (string procedure in FakeRemoteRouterMetaApi.MetaProcedures)
                {
                    realm.Registrations.Add(new SimulatedRegistration(NewId(), procedure, "exact", "single", [serviceSession], State.Now));
                }
            }

            router.Realms.Add(id, realm);
            return One(RealmObject(realm));
        });
        Remote("stop_router_realm", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "stop_router_realm");
            SimulatedRouterRealm realm = Find(router.Realms, a.String(2, "realm_id"), "realm");
            router.Realms.Remove(realm.Id);
            if (Master.StopRealmBug)
            {
                // Upstream v22.6.1: the realm is gone, then RouterFactory.stop_realm raises KeyError(realm name).
                throw MasterErrors.Runtime(realm.Name);
            }

            long[] detached = [.. realm.Sessions.Select(s => s.SessionId)];
            return MasterJson.Result(w =>
            {
                w.WriteString("id", realm.Id);
                w.WriteString("name", realm.Name);
                w.WritePropertyName("detached_sessions");
                FakeJson.LongArray(detached).WriteTo(w);
            });
        });
        Remote("get_router_realm_links", (c, a) => FakeJson.Result(RealmOf(c, a, "get_router_realm_links").Links.Keys));
        Remote("get_router_realm_link", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "get_router_realm_link");
            string id = a.String(3, "link_id");
            return One(LinkObject(id, Find(realm.Links, id, "link")));
        });
        Remote("start_router_realm_link", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "start_router_realm_link");
            string id = a.String(3, "link_id");
            JsonElement config = a.Object(4, "link_config");
            if (realm.Links.ContainsKey(id))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start link: a link with ID '{id}' is already running (or starting)");
            }

            realm.Links.Add(id, config);
            return One(LinkObject(id, config));
        });
        Remote("stop_router_realm_link", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "stop_router_realm_link");
            string id = a.String(3, "link_id");
            JsonElement config = Find(realm.Links, id, "link");
            realm.Links.Remove(id);
            return One(LinkObject(id, config));
        });
    }

    private void RegisterRoles()
    {
        Remote("get_router_realm_roles", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "get_router_realm_roles");
            string workerId = a.String(1, "worker_id");
            // v22.6.1's router worker returns dict_values, which no serializer takes; the node answers with this.
            throw MasterErrors.Runtime($"success return value (args=[dict_values([{string.Join(", ", realm.Roles.Values.Select(_ => "<crossbar.worker.types.RouterRealmRole object>"))}])], kwargs=None) from invoked procedure \"crossbar.worker.{workerId}.get_router_realm_roles\" could not be serialized");
        });
        Remote("get_router_realm_role", (c, a) => One(RoleObject(Find(RealmOf(c, a, "get_router_realm_role").Roles, a.String(3, "role_id"), "role"))));
        Remote("start_router_realm_role", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "start_router_realm_role");
            string id = a.String(3, "role_id");
            JsonElement config = a.Object(4, "role_config");
            if (realm.Roles.ContainsKey(id))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start role: a role with ID '{id}' is already running (or starting)");
            }

            // The worker fills in the permission defaults before it answers.
            var role = new SimulatedRealmRole(id, FakeJson.GetString(config, "name") ?? id, WithPermissionDefaults(config), State.Now);
            realm.Roles.Add(id, role);
            return One(RoleObject(role));
        });
        Remote("stop_router_realm_role", (c, a) =>
        {
            SimulatedRouterRealm realm = RealmOf(c, a, "stop_router_realm_role");
            SimulatedRealmRole role = Find(realm.Roles, a.String(3, "role_id"), "role");
            realm.Roles.Remove(role.Id);
            return One(RoleObject(role));
        });
    }

    private void RegisterTransports()
    {
        Remote("get_router_transports", (c, a) => WampPayload.FromArguments(FakeJson.Array(w =>
        {
            foreach (SimulatedTransport t in Router(c, a, "get_router_transports").Transports.Values)
            {
                TransportObject(t).WriteTo(w);
            }
        })));
        Remote("get_router_transport", (c, a) => One(TransportObject(Find(Router(c, a, "get_router_transport").Transports, a.String(2, "transport_id"), "transport"))));
        Remote("start_router_transport", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "start_router_transport");
            string id = a.String(2, "transport_id");
            JsonElement config = a.Object(3, "transport_config");
            string? type = FakeJson.GetString(config, "type");
            if (router.Transports.ContainsKey(id))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start transport: a transport with ID '{id}' is already running (or starting)");
            }

            if (type is null || !config.TryGetProperty("endpoint", out _))
            {
                string item = type switch { null => "router transport", "websocket" => "WebSocket", "rawsocket" => "RawSocket", "web" => "Web", "universal" => "Universal", _ => type };
                throw MasterErrors.Error(FakeErrors.InvalidConfiguration, $"Invalid router transport configuration: missing mandatory attribute '{(type is null ? "type" : "endpoint")}' in {item} transport item\n\n{PythonRepr(config)}");
            }

            var transport = new SimulatedTransport(id, type, config, State.Now);
            if (a.Bool(4, "create_paths", false) && config.TryGetProperty("paths", out JsonElement paths) && paths.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty path in paths.EnumerateObject())
                {
                    transport.Paths.Add(path.Name, new SimulatedTransportPath(path.Name, FakeJson.GetString(path.Value, "type") ?? "unknown", path.Value.Clone(), State.Now));
                }
            }

            router.Transports.Add(id, transport);
            return One(TransportObject(transport));
        });
        Remote("stop_router_transport", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "stop_router_transport");
            SimulatedTransport transport = Find(router.Transports, a.String(2, "transport_id"), "transport");
            router.Transports.Remove(transport.Id);
            return One(TransportObject(transport));
        });
        Remote("get_web_transport_services", (c, a) => FakeJson.Result(TransportOf(c, a, "get_web_transport_services").Paths.Keys));
        Remote("get_web_transport_service", (c, a) => One(ServiceObject(Find(TransportOf(c, a, "get_web_transport_service").Paths, a.String(3, "path"), "web service"))));
        Remote("start_web_transport_service", (c, a) =>
        {
            SimulatedTransport transport = TransportOf(c, a, "start_web_transport_service");
            string path = a.String(3, "path");
            JsonElement config = a.Object(4, "config");
            string type = FakeJson.GetString(config, "type") ?? throw MasterErrors.Error(FakeErrors.InvalidConfiguration, "missing mandatory attribute 'type' in Web service configuration");
            if (transport.Paths.ContainsKey(path))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start web service: a web service on path '{path}' is already running");
            }

            var service = new SimulatedTransportPath(path, type, config, State.Now);
            transport.Paths.Add(path, service);
            return One(ServiceObject(service));
        });
        Remote("stop_web_transport_service", (c, a) =>
        {
            SimulatedTransport transport = TransportOf(c, a, "stop_web_transport_service");
            SimulatedTransportPath service = Find(transport.Paths, a.String(3, "path"), "web service");
            transport.Paths.Remove(service.Id);
            return One(ServiceObject(service));
        });
    }

    private void RegisterComponents()
    {
        Remote("get_router_components", (c, a) => WampPayload.FromArguments(FakeJson.Array(w =>
        {
            foreach (SimulatedComponent component in Router(c, a, "get_router_components").Components.Values)
            {
                ComponentObject(component).WriteTo(w);
            }
        })));
        Remote("get_router_component", (c, a) => One(RunningComponentObject(
            Find(Router(c, a, "get_router_component").Components, a.String(2, "component_id"), "component"), State.Now)));
        Remote("start_router_component", (c, a) =>
        {
            SimulatedRouterWorker router = Router(c, a, "start_router_component");
            string id = a.String(2, "component_id");
            JsonElement config = a.Object(3, "config");
            if (router.Components.ContainsKey(id))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start component: a component with ID '{id}' is already running (or starting)");
            }

            var component = new SimulatedComponent(id, config, State.Now);
            router.Components.Add(id, component);
            return One(FakeJson.Object(w => w.WriteString("id", id)));
        });
        Remote("stop_router_component", (c, a) =>
        {
            // crossbar's router worker fails every stop of a component that exists (the component keeps running)
            SimulatedRouterWorker router = Router(c, a, "stop_router_component");
            SimulatedComponent component = Find(router.Components, a.String(2, "component_id"), "component");
            throw MasterErrors.Error(
                "crossbar.error.cannot_stop", $"Failed to stop component {component.Id}: 'ExtRouterController' object has no attribute '_session_factory'");
        });
    }

    private SimulatedRouterWorker Router(FakeCallContext c, MasterArgs a, string target) => Worker<SimulatedRouterWorker>(c, a, target).Worker;

    private SimulatedRouterRealm RealmOf(FakeCallContext c, MasterArgs a, string target) => Find(Router(c, a, target).Realms, a.String(2, "realm_id"), "realm");

    private SimulatedTransport TransportOf(FakeCallContext c, MasterArgs a, string target) => Find(Router(c, a, target).Transports, a.String(2, "transport_id"), "transport");

    private long NewId() => State.Random.NextInt64(1, 1L << 53);

    internal static JsonElement RealmObject(SimulatedRouterRealm realm) => FakeJson.Object(w =>
    {
        w.WriteString("id", realm.Id);
        w.Write("config", realm.Config);
        w.WriteString("created", FakeJson.Iso(realm.Created));
        w.WriteStartArray("roles");
        foreach (SimulatedRealmRole role in realm.Roles.Values)
        {
            RoleObject(role).WriteTo(w);
        }

        w.WriteEndArray();
        w.WriteBoolean("has_router", true);
        w.WriteBoolean("has_service_session", true);
        w.WriteStartArray("rlinks");
        foreach (string link in realm.Links.Keys)
        {
            w.WriteStringValue(link);
        }

        w.WriteEndArray();
        w.WriteStartObject("interfaces");
        w.WriteEndObject();
    });

    private static JsonElement RoleObject(SimulatedRealmRole role) => FakeJson.Object(w =>
    {
        w.WriteString("id", role.Id);
        w.Write("config", role.Config);
    });

    private static JsonElement LinkObject(string id, JsonElement config) => FakeJson.Object(w =>
    {
        w.WriteString("id", id);
        w.Write("config", config);
    });

    private static JsonElement TransportObject(SimulatedTransport t) => FakeJson.Object(w =>
    {
        w.WriteString("id", t.Id);
        w.WriteString("type", t.Type);
        w.Write("config", t.Config);
        w.WriteString("created_at", FakeJson.Iso(t.Created));
        w.WriteString("listening_since", FakeJson.Iso(t.Created));
        // Twisted's listening state as the edge reports it: 3 = listening.
        w.WriteNumber("state", 3);
    });

    private static JsonElement ServiceObject(SimulatedTransportPath service) => FakeJson.Object(w =>
    {
        w.WriteString("path", service.Id);
        w.Write("config", service.Config);
    });

    // get_router_components lists {id, created, config}
    private static JsonElement ComponentObject(SimulatedComponent component) => FakeJson.Object(w =>
    {
        w.WriteString("id", component.Id);
        w.WriteString("created", FakeJson.Iso(component.Created));
        w.Write("config", component.Config);
    });

    // get_router_component answers {id, started, uptime, config}
    private static JsonElement RunningComponentObject(SimulatedComponent component, DateTimeOffset now) => FakeJson.Object(w =>
    {
        w.WriteString("id", component.Id);
        w.WriteString("started", FakeJson.Iso(component.Created));
        w.WriteNumber("uptime", (now - component.Created).TotalSeconds);
        w.Write("config", component.Config);
    });

    private static JsonElement WithPermissionDefaults(JsonElement config) => FakeJson.Object(w =>
    {
        foreach (JsonProperty p in config.EnumerateObject())
        {
            if (p.Name != "permissions" || p.Value.ValueKind != JsonValueKind.Array)
            {
                p.WriteTo(w);
                continue;
            }

            w.WriteStartArray("permissions");
            foreach (JsonElement permission in p.Value.EnumerateArray())
            {
                w.WriteStartObject();
                foreach (JsonProperty q in permission.EnumerateObject())
                {
                    q.WriteTo(w);
                }

                if (!permission.TryGetProperty("disclose", out _))
                {
                    w.WriteStartObject("disclose");
                    w.WriteBoolean("caller", false);
                    w.WriteBoolean("publisher", false);
                    w.WriteEndObject();
                }

                if (!permission.TryGetProperty("cache", out _))
                {
                    w.WriteBoolean("cache", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    });

    /// <summary>A config as Python prints a dict, which the node quotes in its configuration errors.</summary>
    internal static string PythonRepr(JsonElement value)
    {
        var sb = new StringBuilder();
        Append(value);
        return sb.ToString();

        void Append(JsonElement v)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.Object:
                    sb.Append('{');
                    sb.AppendJoin(", ", v.EnumerateObject().Select(p => $"'{p.Name}': {PythonRepr(p.Value)}"));
                    sb.Append('}');
                    break;
                case JsonValueKind.Array:
                    sb.Append('[').AppendJoin(", ", v.EnumerateArray().Select(PythonRepr)).Append(']');
                    break;
                case JsonValueKind.String:
                    sb.Append('\'').Append(v.GetString()).Append('\'');
                    break;
                case JsonValueKind.True:
                    sb.Append("True");
                    break;
                case JsonValueKind.False:
                    sb.Append("False");
                    break;
                case JsonValueKind.Null:
                    sb.Append("None");
                    break;
                default:
                    sb.Append(v.GetRawText());
                    break;
            }
        }
    }
}
