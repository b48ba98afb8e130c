namespace Cfc.Client.Testing;

/// <summary>
/// A management realm's own API: <c>get_status</c> (management realm status), <c>get_nodes</c> (ids of the realm's
/// nodes in pairing order, optionally only <c>online</c> or <c>offline</c> ones) and <c>get_node</c> (by node id or oid).
/// Any session that joined the realm may call them.
/// </summary>
internal sealed class FakeManagementRealmApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeApiGroup(FakeApi.ManagementRealm, state, host, schemes)
{
    public override void Register()
    {
        Procedure(null, "get_status", (context, _) =>
        {
            FakeRealm realm = Realm(context);
            return FakeJson.Result(w =>
            {
                w.WriteString("type", "management");
                w.WriteString("version", State.Version);
                w.WriteString("realm", realm.Name);
                w.WriteString("oid", realm.Oid);
                w.WriteString("nonce", State.Nonce);
                w.WriteTime("now", State.Now);
                w.WriteTime("started", realm.Created);
                w.WriteNumber("tick", State.Tick);
                w.WriteNumber("nodes", State.NodesOf(realm.Name).Count());
            });
        });
        Procedure(null, "get_nodes", (context, a) =>
        {
            string? status = a.OptionalString(0, "status");
            if (status is not (null or "online" or "offline"))
            {
                throw FakeErrors.Invalid($"status must be 'online' or 'offline', not '{status}'");
            }

            return FakeJson.Result(State.NodesOf(Realm(context).Name)
                .Where(n => status is null || n.IsOnline == (status == "online"))
                .Select(n => n.NodeId));
        });
        Procedure(null, "get_node", (context, a) =>
        {
            FakeRealm realm = Realm(context);
            string nodeId = a.String(0, "node_id");
            SimulatedNode node = State.FindNode(realm.Name, nodeId) ?? throw FakeErrors.NotFound($"node '{nodeId}' in management realm '{realm.Name}'");
            return FakeJson.Result(FakeManagementRealmsApi.NodeObject(node, realm));
        });
    }

    private FakeRealm Realm(FakeCallContext context) =>
        State.FindRealm(context.Realm) ?? throw FakeErrors.Error(FakeErrors.NoSuchRealm, $"no management realm '{context.Realm}'");
}
