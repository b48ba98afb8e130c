namespace Cfc.Client;

/// <summary>Which table of wire URIs the client uses. The typed API is the same under every scheme.</summary>
public enum CfcUriScheme
{
    /// <summary>
    /// <c>crossbarfabriccenter.*</c>: <c>crossbarfabriccenter.system.*</c> and <c>crossbarfabriccenter.mrealm.*</c> on the global
    /// realm, <c>crossbarfabriccenter.mrealm.get_status|get_nodes|get_node</c> on a management realm, and
    /// <c>crossbarfabriccenter.remote.&lt;group&gt;.&lt;procedure&gt;</c> for the remote APIs. What <see cref="Auto"/> falls back to when no probe is answered.
    /// </summary>
    Fabric = 0,

    /// <summary>The <c>cfc.*</c> names of the CFC API Reference (<c>cfc.get_management_realms</c>, <c>cfc.remote.node.get_status</c>, ...).</summary>
    Legacy = 1,

    /// <summary>
    /// The real Crossbar.io master node (the open-source CFC): <c>crossbarfabriccenter.domain.*</c>,
    /// <c>crossbarfabriccenter.mrealm.list_mrealms|create_mrealm|...</c> and <c>crossbarfabriccenter.remote.*</c> with node oids.
    /// Users still name realms and nodes by name and node id; the client translates to the master's oids and shapes.
    /// </summary>
    CrossbarMaster = 2,

    /// <summary>
    /// The default: the client finds out during connect which of the other schemes the server speaks (one round of probe
    /// calls, sent together after joining: one round trip) and <c>CfcClient.UriScheme</c> says which; <see cref="Fabric"/>
    /// when none is answered (a plain WAMP router).
    /// </summary>
    Auto = 3,
}
