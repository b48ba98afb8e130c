namespace Cfc.Client;

/// <summary>Which table of wire URIs the client uses. The typed API is the same under every scheme.</summary>
public enum CfcUriScheme
{
    /// <summary>
    /// <c>crossbarfabriccenter.*</c>: <c>crossbarfabriccenter.system.*</c> and <c>crossbarfabriccenter.mrealm.*</c> on the global
    /// realm, <c>crossbarfabriccenter.mrealm.get_status|get_nodes|get_node</c> on a management realm, and
    /// <c>crossbarfabriccenter.remote.&lt;group&gt;.&lt;procedure&gt;</c> for the remote APIs. The default.
    /// </summary>
    Fabric = 0,

    /// <summary>The <c>cfc.*</c> names of the CFC API Reference (<c>cfc.get_management_realms</c>, <c>cfc.remote.node.get_status</c>, ...).</summary>
    Legacy = 1,
}
