namespace Cfc.Client.Testing;

/// <summary>A node's liveness as the master's management realm controller tracks it (from node heartbeats).</summary>
internal sealed class MasterNodeLiveness
{
    /// <summary>What the last <c>on_node_ready</c>/<c>on_node_shutdown</c> said.</summary>
    public bool ReportedOnline { get; set; }

    /// <summary>Management realm ticks since the node came online.</summary>
    public long TicksOnline { get; set; }

    /// <summary>Heartbeats seen since the node came online; null until the first.</summary>
    public long? Heartbeat { get; set; }

    /// <summary>When the last heartbeat came (ns since the epoch); 0 right after the node came online, null if never seen.</summary>
    public long? TimestampNs { get; set; }
}

/// <summary>
/// What the fake knows only in the <see cref="CfcUriScheme.CrossbarMaster"/> contract, next to the shared
/// <see cref="FakeCfcState"/> (realms, nodes, simulated workers): object ids of users, node records the master keeps
/// after unpairing, node liveness, the domain and management realm heartbeats, and whether the domain controller is
/// restarting after a crash. Guarded by <see cref="FakeCfcState.Gate"/>.
/// </summary>
internal sealed class FakeMasterState(FakeCfcState state, bool stopRealmBug)
{
    /// <summary>The management realm the master creates at first start (<c>auto_default_mrealm</c>).</summary>
    public const string DefaultRealm = "default";

    /// <summary>How long the master's domain controller is away after a crash (FACTS.md: back in under about 4 s).</summary>
    public static readonly TimeSpan RestartTime = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, string> _userOids = new(StringComparer.Ordinal);

    public FakeCfcState State { get; } = state;

    /// <summary>Answer management realm deletes and <c>stop_router_realm</c> as upstream v22.6.1 does (its stop_realm bug).</summary>
    public bool StopRealmBug { get; } = stopRealmBug;

    /// <summary>Node records that are no longer paired, by public key: the master keeps them, so re-pairing gives the same oid.</summary>
    public Dictionary<string, string> UnpairedNodeOids { get; } = new(StringComparer.Ordinal);

    /// <summary>Liveness by node oid.</summary>
    public Dictionary<string, MasterNodeLiveness> Liveness { get; } = new(StringComparer.Ordinal);

    /// <summary>When the domain controller (re)started.</summary>
    public DateTimeOffset DomainStarted { get; set; } = state.Now;

    /// <summary>The domain heartbeat counter; counts from 1 after each (re)start.</summary>
    public long DomainTick { get; set; }

    /// <summary>The management realm heartbeat counters by realm name.</summary>
    public Dictionary<string, long> RealmTicks { get; } = new(StringComparer.Ordinal);

    /// <summary>While the domain controller restarts, every global procedure is unregistered.</summary>
    public DateTimeOffset RestartingUntil { get; private set; } = DateTimeOffset.MinValue;

    public bool IsRestarting => State.Now < RestartingUntil;

    /// <summary>The session a container component holds on a router realm of its node, by "node oid/worker id/component id".</summary>
    public Dictionary<string, (string RouterWorker, SimulatedRouterRealm Realm, SimulatedSession Session)> ComponentSessions { get; } = new(StringComparer.Ordinal);

    /// <summary>The batches a running trace has published.</summary>
    public Dictionary<SimulatedTrace, long> TracePeriods { get; } = [];

    /// <summary>The master's <c>user</c> object id of an authid (the <c>owner</c> of what it created).</summary>
    public string UserOid(string? authId)
    {
        string key = authId ?? string.Empty;
        if (!_userOids.TryGetValue(key, out string? oid))
        {
            oid = State.NewOid();
            _userOids.Add(key, oid);
        }

        return oid;
    }

    /// <summary>What happens on the master when an async global procedure is called with too few arguments.</summary>
    public void CrashDomainController()
    {
        RestartingUntil = State.Now + RestartTime;
        DomainStarted = RestartingUntil;
        DomainTick = 0;
    }

    public MasterNodeLiveness LivenessOf(SimulatedNode node)
    {
        if (!Liveness.TryGetValue(node.Oid, out MasterNodeLiveness? liveness))
        {
            liveness = new MasterNodeLiveness();
            Liveness.Add(node.Oid, liveness);
        }

        return liveness;
    }

    /// <summary>Nodes of a realm as the master's authid index sees them: a newer node paired under an authid hides the older one.</summary>
    public IEnumerable<SimulatedNode> IndexedNodesOf(string realm)
    {
        List<SimulatedNode> nodes = [.. State.NodesOf(realm)];
        return nodes.Where(n => nodes.FindLastIndex(o => o.NodeId == n.NodeId) == nodes.IndexOf(n));
    }

    public static long Nanoseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
