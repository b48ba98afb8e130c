using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.mrealm.*</c> on every management realm, as crossbar v22.6.1's management realm controller answers
/// (registered with <c>check_types=True</c>, so wrong types give <c>wamp.error.type_check_error</c>):
/// <c>get_status</c> (<c>{"type":"management", ...}</c>), <c>get_nodes(status=None, return_names=None)</c> (oids, or authids),
/// <c>get_node(node_oid)</c> and <c>get_node_by_authid(node_authid)</c> (the node with <c>heartbeat</c>, <c>timestamp</c>
/// in ns and <c>status</c>). Its heartbeat, once per tick: <c>on_tick({now, tick})</c>, and <c>on_node_ready</c> /
/// <c>on_node_shutdown(node_oid, status)</c> when a node's <see cref="SimulatedNode.IsOnline"/> changed since the last tick.
/// </summary>
internal sealed class MasterManagementRealmApi(FakeMasterState master, IFakeCfcHost host) : MasterApiGroup(master, host)
{
    public override void Register()
    {
        Procedure(null, MasterUris.Mrealm("get_status"), "get_status", (c, _) =>
        {
            FakeRealm realm = Realm(c);
            return MasterJson.Status("management", realm.Name, State.Now, Master.DomainStarted > realm.Created ? Master.DomainStarted : realm.Created, Master.RealmTicks.GetValueOrDefault(realm.Name));
        });
        Procedure(null, MasterUris.Mrealm("get_nodes"), "get_nodes", (c, a) =>
        {
            string? status = a.OptionalString(0, "status");
            bool names = a.Bool(1, "return_names", false);
            if (status is not (null or "online" or "offline"))
            {
                throw MasterErrors.Runtime("logic error");
            }

            List<SimulatedNode> nodes = [.. Master.IndexedNodesOf(Realm(c).Name).Where(n => status is null || n.IsOnline == (status == "online"))];
            if (names)
            {
                nodes.ForEach(MasterMrealmsApi.ThrowIfBroken);
            }

            return FakeJson.Result(nodes.Select(n => names ? n.NodeId : n.Oid));
        });
        Procedure(null, MasterUris.Mrealm("get_node"), "get_node", (c, a) =>
        {
            FakeRealm realm = Realm(c);
            string oid = a.String(0, "node_oid");
            if (!MasterArgs.IsUuid(oid))
            {
                throw FakeErrors.Invalid($"invalid node_oid: {MasterErrors.BadUuid}");
            }

            SimulatedNode node = State.NodesOf(realm.Name).FirstOrDefault(n => string.Equals(n.Oid, oid, StringComparison.OrdinalIgnoreCase))
                ?? throw MasterErrors.NoSuchObject($"no node with object ID {oid} in management realm");
            MasterMrealmsApi.ThrowIfBroken(node);
            return One(MasterJson.Node(node, realm, Master, live: true));
        });
        Procedure(null, MasterUris.Mrealm("get_node_by_authid"), "get_node_by_authid", (c, a) =>
        {
            FakeRealm realm = Realm(c);
            string authId = a.String(0, "node_authid");
            SimulatedNode node = Master.IndexedNodesOf(realm.Name).FirstOrDefault(n => n.NodeId == authId)
                ?? throw MasterErrors.NoSuchObject($"no node with authid {authId} in management realm");
            MasterMrealmsApi.ThrowIfBroken(node);
            return One(MasterJson.Node(node, realm, Master, live: true));
        });
    }

    /// <summary>One heartbeat of every management realm: node heartbeats and online/offline changes, then <c>on_tick</c>.</summary>
    public async ValueTask TickAsync()
    {
        List<(string Realm, string Topic, WampPayload Payload)> events = [];
        lock (State.Gate)
        {
            DateTimeOffset now = State.Now;
            long nowNs = FakeMasterState.Nanoseconds(now);
            foreach (SimulatedNode node in State.Nodes.Values)
            {
                MasterNodeLiveness liveness = Master.LivenessOf(node);
                if (node.IsOnline && liveness.ReportedOnline)
                {
                    // A node heartbeats every 10 s, every other management realm tick.
                    if (++liveness.TicksOnline % 2 == 0)
                    {
                        liveness.Heartbeat = (liveness.Heartbeat ?? 0) + 1;
                        liveness.TimestampNs = nowNs;
                    }
                }
                else if (node.IsOnline != liveness.ReportedOnline)
                {
                    liveness.ReportedOnline = node.IsOnline;
                    if (node.IsOnline)
                    {
                        liveness.Heartbeat = null;
                        liveness.TimestampNs = 0;
                        liveness.TicksOnline = 0;
                    }

                    events.Add((node.RealmName, MasterUris.Mrealm(node.IsOnline ? "on_node_ready" : "on_node_shutdown"), NodeStatusEvent(node, liveness, nowNs)));
                }
            }

            foreach (FakeRealm realm in State.Realms.Values.Where(r => r.Status == FakeRealmStatus.Active))
            {
                long tick = Master.RealmTicks.GetValueOrDefault(realm.Name) + 1;
                Master.RealmTicks[realm.Name] = tick;
                events.Add((realm.Name, MasterUris.Mrealm("on_tick"), MasterJson.Tick(now, tick)));
            }
        }

        foreach ((string realm, string topic, WampPayload payload) in events)
        {
            await PublishAsync(realm, topic, payload).ConfigureAwait(false);
        }
    }

    // (node_oid, {id, authid, status, last_active, last_activity, workers, counter, time}); authid is null on v22.6.1.
    private static WampPayload NodeStatusEvent(SimulatedNode node, MasterNodeLiveness liveness, long nowNs)
    {
        JsonElement status = FakeJson.Object(w =>
        {
            w.WriteString("id", node.Oid);
            w.WriteNull("authid");
            w.WriteString("status", node.IsOnline ? "online" : "offline");
            w.WriteNumber("last_active", node.IsOnline ? nowNs : liveness.TimestampNs is > 0 and { } t ? t : nowNs);
            w.WriteNumber("last_activity", node.IsOnline ? 2 : 4);
            w.WriteStartObject("workers");
            if (!node.IsOnline)
            {
                foreach (IGrouping<string, SimulatedWorker> group in node.Workers.Values.GroupBy(x => x.Type))
                {
                    w.WriteNumber(group.Key, group.Count());
                }

                w.WriteNumber("controller", 1);
            }

            w.WriteEndObject();
            if (node.IsOnline)
            {
                w.WriteNull("counter");
                w.WriteNumber("time", 0);
            }
            else
            {
                w.WriteNumber("counter", liveness.Heartbeat ?? 0);
                w.WriteNumber("time", nowNs);
            }
        });
        return new WampPayloadBuilder().Add(node.Oid).Add(status).Build();
    }

    private FakeRealm Realm(FakeCallContext context) =>
        State.FindRealm(context.Realm) ?? throw FakeErrors.Error(FakeErrors.NoSuchRealm, $"no management realm '{context.Realm}'");
}
