using Cfc.Client.Uris;

namespace Cfc.Client.Master;

/// <summary>How one member of the typed API maps onto the real Crossbar.io master node (generated into <see cref="MasterMap"/>).</summary>
/// <param name="Member">The member.</param>
/// <param name="Interface">Its API group's interface, e.g. <c>IManagementRealms</c>.</param>
/// <param name="SeedName">The seed's procedure or event name.</param>
/// <param name="Name">The C# member name, e.g. <c>CreateRealmAsync</c> or <c>OnNodePaired</c>.</param>
/// <param name="IsEvent">Whether it is an event.</param>
/// <param name="Uri">The master's procedure or topic, or <see langword="null"/> when there is no counterpart.</param>
/// <param name="Status">Verified against the real server, reached (the node lacks the feature), mapped, or not supported.</param>
/// <param name="Translation">The hand-written translation it needs (<see cref="MasterTranslations"/>).</param>
/// <param name="Node">How the seed's node id reaches the master.</param>
/// <param name="Note">What differs on the master (or, when not supported, why).</param>
/// <param name="Instead">What to use instead, when not supported.</param>
internal sealed record MasterMember(
    CfcMember Member, string Interface, string SeedName, string Name, bool IsEvent, string? Uri, MasterStatus Status,
    MasterTranslation Translation, MasterNodeArgument Node, string Note, string? Instead)
{
    /// <summary><c>Interface.Name</c>, for messages.</summary>
    public string DisplayName => $"{Interface}.{Name}";

    /// <summary>The exception a member without counterpart throws.</summary>
    /// <returns>The exception.</returns>
    public CfcNotSupportedException NotSupported() =>
        new(CfcUriScheme.CrossbarMaster, DisplayName, Note, Instead ?? "client.Wamp for raw calls");

    /// <summary>The exception a master-only member throws under a document scheme (which has no URI for it).</summary>
    /// <param name="scheme">The scheme in use.</param>
    /// <returns>The exception.</returns>
    public CfcNotSupportedException NotInScheme(CfcUriScheme scheme) =>
        new(scheme, DisplayName, $"the CFC API documents have no such {(IsEvent ? "event" : "procedure")}; it is the Crossbar.io master's own API ({Uri})",
            "connect to a Crossbar.io master with CfcClientOptions.UriScheme = CfcUriScheme.CrossbarMaster (or CfcUriScheme.Auto)");
}

/// <summary>Whether a member works on the master.</summary>
internal enum MasterStatus
{
    /// <summary>Works; tests/Cfc.Master.Tests checks it against a real master and edge.</summary>
    Verified,

    /// <summary>
    /// Called against the real master and edge in CI, and the call reaches the node; the kit's node lacks the feature (no
    /// Docker daemon, no profiler), so CI checks the node's answer saying so and the typed error, not a successful reply.
    /// </summary>
    Reached,

    /// <summary>Works as far as the master's code and registrations go; CI does not exercise it.</summary>
    Mapped,

    /// <summary>No counterpart: throws <see cref="CfcNotSupportedException"/>.</summary>
    NotSupported,
}

/// <summary>A hand-written translation (see <see cref="MasterTranslations"/>).</summary>
internal enum MasterTranslation
{
    /// <summary>Arguments and results pass as they are (apart from the node id).</summary>
    None,

    /// <summary><c>list_mrealms(return_names=true)</c>.</summary>
    RealmNames,

    /// <summary><c>create_mrealm({"name": ...})</c>.</summary>
    CreateMrealm,

    /// <summary>One mrealm or deletion object -> (realm_name, object).</summary>
    RealmEvent,

    /// <summary>One node object -> (realm_name, node_id, object).</summary>
    NodeEvent,

    /// <summary><c>mrealm.get_nodes(return_names=true)</c>.</summary>
    NodeNames,

    /// <summary>config {type, options} -> (worker_type, worker_options).</summary>
    StartWorker,

    /// <summary>config with id -> (component_id, config); null result -> {id, config}.</summary>
    StartComponent,

    /// <summary>(node_oid, liveness) -> (node_id, liveness).</summary>
    LivenessEvent,

    /// <summary>create_trace: the node ids of traced_workers -> node oids.</summary>
    CreateTrace,

    /// <summary>
    /// <c>remote.node.shutdown</c>: the edge closes its management uplink before it answers, so the master reports
    /// <c>wamp.error.canceled</c>; that means the node went down as asked, and the result is <c>{"node_id": ...}</c>.
    /// </summary>
    NodeShutdown,
}

/// <summary>How the seed's node id reaches the master.</summary>
internal enum MasterNodeArgument
{
    /// <summary>No node argument.</summary>
    None,

    /// <summary>Resolved to the node's oid (remote.*).</summary>
    Oid,

    /// <summary>Passed as is: the master wants the authid (remote.realm.meta.*).</summary>
    AuthId,
}
