using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.container.*(node_oid, worker_id, ...)</c> on container workers: <c>get_components</c> (ids),
/// <c>get_component</c>, <c>start_component(component_id, config, reload_modules)</c> (answers <c>null</c>, as v22.6.1 does)
/// and <c>stop_component</c>. A component whose config names a router realm of the same node joins it: when that realm bridges
/// its meta API, <c>...remote.realm.meta.wamp.session.on_join</c> is published, and on stop <c>on_leave</c> and <c>on_stats</c>.
/// The fake runs no component code, so a class that would not import is not detected (the real node answers
/// <c>crossbar.error.class_import_failed</c>).
/// </summary>
internal sealed class MasterRemoteContainerApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("container", master, host)
{
    private static readonly string MetaPrefix = MasterUris.Remote("realm.meta", string.Empty);

    public override void Register()
    {
        Remote("get_components", (c, a) => FakeJson.Result(Worker<SimulatedContainerWorker>(c, a, "get_components").Worker.Components.Keys));
        Remote("get_component", (c, a) =>
        {
            SimulatedComponent component = Find(Worker<SimulatedContainerWorker>(c, a, "get_component").Worker.Components, a.String(2, "component_id"), "component");
            return MasterJson.Result(w =>
            {
                w.WriteString("id", component.Id);
                w.WriteString("started", FakeJson.Iso(component.Created));
                w.WriteFloat("uptime", Math.Max(0.001, (State.Now - component.Created).TotalSeconds));
                w.Write("config", component.Config);
            });
        });
        RemoteAsync("start_component", async (c, a, _) =>
        {
            WampPayload? joined = null;
            lock (State.Gate)
            {
                (SimulatedNode node, SimulatedContainerWorker worker) = Worker<SimulatedContainerWorker>(c, a, "start_component");
                string id = a.String(2, "component_id");
                JsonElement config = a.Object(3, "config");
                if (worker.Components.ContainsKey(id))
                {
                    throw MasterErrors.Error(FakeErrors.AlreadyRunning, $"Could not start component: a component with ID '{id}' is already running (or starting)");
                }

                var component = new SimulatedComponent(id, config, State.Now);
                worker.Components.Add(id, component);
                if (FakeJson.GetString(config, "realm") is { } realmName
                    && node.Workers.Values.OfType<SimulatedRouterWorker>().SelectMany(r => r.Realms.Values.Select(x => (Router: r, Realm: x)))
                        .Where(x => x.Realm.Name == realmName).OrderBy(x => MasterRealmMetaApi.IsBridged(x.Realm) ? 0 : 1).FirstOrDefault() is { Realm: not null } target)
                {
                    var session = new SimulatedSession(State.Random.NextInt64(1, 1L << 53), NewAuthId(), "anonymous", "anonymous", "websocket");
                    target.Realm.Sessions.Add(session);
                    Master.ComponentSessions[$"{node.Oid}/{worker.Id}/{id}"] = (target.Router.Id, target.Realm, session);
                    if (MasterRealmMetaApi.IsBridged(target.Realm))
                    {
                        joined = new WampPayloadBuilder().Add(node.NodeId).Add(target.Router.Id).Add(target.Realm.Id)
                            .Add(MasterRealmMetaApi.SessionObject(session, target.Realm, node, target.Router.Id)).Build();
                    }
                }
            }

            if (joined is { } j)
            {
                await PublishAsync(c.Realm, MetaPrefix + "wamp.session.on_join", j).ConfigureAwait(false);
            }

            return FakeJson.Null();
        });
        RemoteAsync("stop_component", async (c, a, _) =>
        {
            List<(string Topic, WampPayload Payload)> events = [];
            WampPayload stopped;
            lock (State.Gate)
            {
                (SimulatedNode node, SimulatedContainerWorker worker) = Worker<SimulatedContainerWorker>(c, a, "stop_component");
                SimulatedComponent component = Find(worker.Components, a.String(2, "component_id"), "component");
                worker.Components.Remove(component.Id);
                double uptime = Math.Max(0.001, (State.Now - component.Created).TotalSeconds);
                if (Master.ComponentSessions.Remove($"{node.Oid}/{worker.Id}/{component.Id}", out var held))
                {
                    held.Realm.Sessions.Remove(held.Session);
                    if (MasterRealmMetaApi.IsBridged(held.Realm))
                    {
                        events.Add((MetaPrefix + "wamp.session.on_leave", new WampPayloadBuilder().Add(node.NodeId).Add(held.RouterWorker).Add(held.Realm.Id).Add(held.Session.SessionId).Build()));
                        events.Add((MetaPrefix + "wamp.session.on_stats", SessionStats(node.NodeId, held.RouterWorker, held.Realm, held.Session, uptime)));
                    }
                }

                stopped = MasterJson.Result(w =>
                {
                    w.WriteString("component_id", component.Id);
                    w.WriteFloat("uptime", uptime);
                    w.WriteStartObject("caller");
                    w.WriteNumber("session", Who(node));
                    w.WriteNull("authid");
                    w.WriteString("authrole", "trusted");
                    w.WriteEndObject();
                });
            }

            foreach ((string topic, WampPayload payload) in events)
            {
                await PublishAsync(c.Realm, topic, payload).ConfigureAwait(false);
            }

            return stopped;
        });
    }

    // The router's last traffic statistics of a leaving session: (node, worker, realm, {session, realm, authid, authrole}, stats).
    private WampPayload SessionStats(string nodeId, string workerId, SimulatedRouterRealm realm, SimulatedSession session, double uptime)
    {
        JsonElement who = FakeJson.Object(w =>
        {
            w.WriteNull("session");
            w.WriteString("realm", realm.Name);
            w.WriteString("authid", session.AuthId);
            w.WriteString("authrole", session.AuthRole);
        });
        JsonElement stats = FakeJson.Object(w =>
        {
            w.WriteNumber("cycle", 1);
            w.WriteString("serializer", "json");
            w.WriteNumber("timestamp", FakeMasterState.Nanoseconds(State.Now));
            w.WriteNumber("duration", (long)(uptime * 1e9));
            w.WriteNumber("bytes", 1024);
            w.WriteNumber("messages", 6);
            w.WriteNumber("rated_messages", 8);
            w.WriteBoolean("first", false);
            w.WriteBoolean("last", true);
        });
        return new WampPayloadBuilder().Add(nodeId).Add(workerId).Add(realm.Id).Add(who).Add(stats).Build();
    }

    // Crossbar's anonymous authids look like 3W5P-RN5L-JQFS-P4GM-R6UK-CXKA.
    private string NewAuthId()
    {
        const string Alphabet = "345679ACEFGHJKLMNPQRSTUVWXY";
        return string.Join('-', Enumerable.Range(0, 6).Select(_ => new string([.. Enumerable.Range(0, 4).Select(_ => Alphabet[State.Random.Next(Alphabet.Length)])])));
    }
}
