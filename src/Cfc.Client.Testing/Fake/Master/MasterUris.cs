namespace Cfc.Client.Testing;

/// <summary>
/// The wire URIs of the real Crossbar.io master node (crossbar v22.6.1, FACTS.md of the crossbar-master kit), which the
/// fake serves under <see cref="CfcUriScheme.CrossbarMaster"/>. Written here rather than taken from Cfc.Client's URI
/// tables because the fake's master contract is checked against the recordings of the real server, not against the client.
/// </summary>
internal static class MasterUris
{
    public const string Prefix = "crossbarfabriccenter.";

    /// <summary><c>crossbarfabriccenter.domain.&lt;name&gt;</c> (global realm).</summary>
    public static string Domain(string name) => Prefix + "domain." + name;

    /// <summary><c>crossbarfabriccenter.mrealm.&lt;name&gt;</c> (global realm and management realms).</summary>
    public static string Mrealm(string name) => Prefix + "mrealm." + name;

    /// <summary><c>crossbarfabriccenter.remote.&lt;api&gt;.&lt;name&gt;</c> (management realms).</summary>
    public static string Remote(string api, string name) => Prefix + "remote." + api + "." + name;

    /// <summary>What the master forwards a remote call to: <c>crossbarfabriccenter.node.&lt;authid&gt;[.worker.&lt;id&gt;].&lt;name&gt;</c>
    /// (an unknown node is <c>None</c>, as the master's Python writes it).</summary>
    public static string NodeTarget(string? authId, string? workerId, string name) =>
        Prefix + "node." + (authId ?? "None") + (workerId is null ? string.Empty : ".worker." + workerId) + "." + name;
}
