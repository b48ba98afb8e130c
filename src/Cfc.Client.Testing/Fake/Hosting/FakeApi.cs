namespace Cfc.Client.Testing;

/// <summary>The API groups of the two seeds, one per file under <c>Fake/Api</c>. The member names are the group keys of
/// Cfc.Client's URI tables (tools/Cfc.CodeGen/Spec/cfc-api.json), which <see cref="FakeUris"/> relies on.</summary>
internal enum FakeApi
{
    /// <summary>Global realm: <c>get_status</c>, <c>on_tick</c>.</summary>
    System,

    /// <summary>Global realm: realms, roles, nodes and their events.</summary>
    ManagementRealms,

    /// <summary>A management realm's own <c>get_status</c>, <c>get_nodes</c>, <c>get_node</c>.</summary>
    ManagementRealm,

    /// <summary><c>remote.node.*</c>.</summary>
    RemoteNode,

    /// <summary><c>remote.worker.*</c>.</summary>
    RemoteWorker,

    /// <summary><c>remote.router.*</c>.</summary>
    RemoteRouter,

    /// <summary><c>remote.container.*</c>.</summary>
    RemoteContainer,

    /// <summary><c>remote.proxy.*</c>.</summary>
    RemoteProxy,

    /// <summary><c>remote.tracing.*</c>.</summary>
    RemoteTracing,

    /// <summary><c>remote.docker.*</c>.</summary>
    RemoteDocker,

    /// <summary><c>remote.router.meta.*</c>: the WAMP meta API of a node's router realm.</summary>
    RemoteRouterMeta,
}
