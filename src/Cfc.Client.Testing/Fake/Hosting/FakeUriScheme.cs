namespace Cfc.Client.Testing;

/// <summary>
/// The URI schemes the fake serves. Mirrors <c>CfcUriScheme</c> of Cfc.Client; kept local until the client's URI
/// tables exist so that the fake's only URI knowledge is <see cref="FakeUris"/>.
/// </summary>
internal enum FakeUriScheme
{
    /// <summary><c>crossbarfabriccenter.*</c> (the Global API seed and <c>crossbarfabriccenter.remote.*</c>).</summary>
    Fabric,

    /// <summary><c>cfc.*</c> (the API Reference seed).</summary>
    Legacy,
}

/// <summary>The API groups of the two seeds, one per file under <c>Fake/Api</c>.</summary>
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
