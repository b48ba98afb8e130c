namespace Cfc.Client.Tests.Api;

/// <summary>One seed procedure: the member that must exist, the seed signature, and its URI under each scheme.</summary>
public sealed record SeedProcedure(string Interface, string Method, string Signature, string FabricUri, string LegacyUri)
{
    public IReadOnlyList<string> Parameters =>
        Signature[(Signature.IndexOf('(') + 1)..Signature.IndexOf(')')].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"{Interface}.{Method}";
}

/// <summary>One seed event: the property that must exist, its positional arguments, and its topic under each scheme.</summary>
public sealed record SeedEvent(string Interface, string Property, string Signature, string FabricUri, string LegacyUri)
{
    public override string ToString() => $"{Interface}.{Property}";
}

/// <summary>
/// The FULL lists of procedures and events of the two seeds (spec/cfc-global-api.md and spec/cfc-api-reference.md),
/// written out by hand from the documents, independent of the generator's spec. Notes on seed inconsistencies:
/// - API Reference TOC says get_realm_roles / get_transport_paths; its sections say get_router_realm_roles /
///   get_router_transport_paths: the sections (the signatures) are used.
/// - worker.get_worker_log: the section heading lost its name ("cfc.remote.worker."); the TOC names it.
/// - router.stop_router_component(node_id, worker_id): the seed omits component_id; the SDK appends it.
/// - Legacy names for items the API Reference does not name (roles, all global events) are derived as cfc.&lt;name&gt;,
///   with realm events spelled on_management_realm_* like cfc.create_management_realm.
/// - The Remote Meta API is only a prefix in the seed (cfc.remote.router.meta.*); the rows below are the WAMP meta
///   procedures the SDK types, under that prefix.
/// </summary>
public static class SeedCatalog
{
    private const string F = "crossbarfabriccenter.";

    public static readonly SeedProcedure[] Procedures =
    [
        // Global API: System
        new("IFabricSystem", "GetStatusAsync", "get_status()", F + "system.get_status", "cfc.get_status"),

        // Global API: Management Realms: Realms
        new("IManagementRealms", "GetRealmsAsync", "get_realms()", F + "mrealm.get_realms", "cfc.get_management_realms"),
        new("IManagementRealms", "GetRealmAsync", "get_realm(realm_name)", F + "mrealm.get_realm", "cfc.get_management_realm"),
        new("IManagementRealms", "CreateRealmAsync", "create_realm(realm_name)", F + "mrealm.create_realm", "cfc.create_management_realm"),
        new("IManagementRealms", "DeleteRealmAsync", "delete_realm(realm_name, cascade)", F + "mrealm.delete_realm", "cfc.delete_management_realm"),

        // Global API: Management Realms: Roles
        new("IManagementRealms", "GetRolesAsync", "get_roles(realm_name)", F + "mrealm.get_roles", "cfc.get_roles"),
        new("IManagementRealms", "GrantRoleAsync", "grant_role(realm_name, user_id, role_name)", F + "mrealm.grant_role", "cfc.grant_role"),
        new("IManagementRealms", "RevokeRoleAsync", "revoke_role(realm_name, user_id, role_name)", F + "mrealm.revoke_role", "cfc.revoke_role"),

        // Global API: Management Realms: Nodes
        new("IManagementRealms", "GetNodesAsync", "get_nodes()", F + "mrealm.get_nodes", "cfc.get_nodes"),
        new("IManagementRealms", "GetNodeAsync", "get_node(node_id)", F + "mrealm.get_node", "cfc.get_node"),
        new("IManagementRealms", "PairNodeAsync", "pair_node(pubkey, realm_name, node_id, authextra)", F + "mrealm.pair_node", "cfc.pair_node"),
        new("IManagementRealms", "UnpairNodeAsync", "unpair_node(pubkey)", F + "mrealm.unpair_node", "cfc.unpair_node"),

        // API Reference: User Management Realms: Global API
        new("IManagementRealm", "GetStatusAsync", "get_status()", F + "mrealm.get_status", "cfc.get_status"),
        new("IManagementRealm", "GetNodesAsync", "get_nodes()", F + "mrealm.get_nodes", "cfc.get_nodes"),
        new("IManagementRealm", "GetNodeAsync", "get_node(node_id)", F + "mrealm.get_node", "cfc.get_node"),

        // Nodes
        new("IRemoteNode", "GetStatusAsync", "get_status(node_id)", F + "remote.node.get_status", "cfc.remote.node.get_status"),
        new("IRemoteNode", "ShutdownAsync", "shutdown(node_id)", F + "remote.node.shutdown", "cfc.remote.node.shutdown"),
        new("IRemoteNode", "GetWorkersAsync", "get_workers(node_id)", F + "remote.node.get_workers", "cfc.remote.node.get_workers"),
        new("IRemoteNode", "GetWorkerAsync", "get_worker(node_id, worker_id)", F + "remote.node.get_worker", "cfc.remote.node.get_worker"),
        new("IRemoteNode", "StartWorkerAsync", "start_worker(node_id, worker_id, config)", F + "remote.node.start_worker", "cfc.remote.node.start_worker"),
        new("IRemoteNode", "StopWorkerAsync", "stop_worker(node_id, worker_id)", F + "remote.node.stop_worker", "cfc.remote.node.stop_worker"),

        // Native Workers
        new("IRemoteWorker", "ShutdownAsync", "shutdown(node_id, worker_id)", F + "remote.worker.shutdown", "cfc.remote.worker.shutdown"),
        new("IRemoteWorker", "GetStatusAsync", "get_status(node_id, worker_id)", F + "remote.worker.get_status", "cfc.remote.worker.get_status"),
        new("IRemoteWorker", "GetPythonpathAsync", "get_pythonpath(node_id, worker_id)", F + "remote.worker.get_pythonpath", "cfc.remote.worker.get_pythonpath"),
        new("IRemoteWorker", "AddPythonpathAsync", "add_pythonpath(node_id, worker_id)", F + "remote.worker.add_pythonpath", "cfc.remote.worker.add_pythonpath"),
        new("IRemoteWorker", "GetWorkerLogAsync", "get_worker_log(node_id, worker_id)", F + "remote.worker.get_worker_log", "cfc.remote.worker.get_worker_log"),
        new("IRemoteWorker", "GetCpuAffinityAsync", "get_cpu_affinity(node_id, worker_id)", F + "remote.worker.get_cpu_affinity", "cfc.remote.worker.get_cpu_affinity"),
        new("IRemoteWorker", "SetCpuAffinityAsync", "set_cpu_affinity(node_id, worker_id)", F + "remote.worker.set_cpu_affinity", "cfc.remote.worker.set_cpu_affinity"),
        new("IRemoteWorker", "GetProfilersAsync", "get_profilers(node_id, worker_id)", F + "remote.worker.get_profilers", "cfc.remote.worker.get_profilers"),
        new("IRemoteWorker", "StartProfilerAsync", "start_profiler(node_id, worker_id)", F + "remote.worker.start_profiler", "cfc.remote.worker.start_profiler"),
        new("IRemoteWorker", "GetProfileAsync", "get_profile(node_id, worker_id)", F + "remote.worker.get_profile", "cfc.remote.worker.get_profile"),

        // Router Workers: Realms
        new("IRemoteRouter", "GetRouterRealmsAsync", "get_router_realms(node_id, worker_id)", F + "remote.router.get_router_realms", "cfc.remote.router.get_router_realms"),
        new("IRemoteRouter", "GetRouterRealmAsync", "get_router_realm(node_id, worker_id, realm_id)", F + "remote.router.get_router_realm", "cfc.remote.router.get_router_realm"),
        new("IRemoteRouter", "StartRouterRealmAsync", "start_router_realm(node_id, worker_id, realm_id, realm_config)", F + "remote.router.start_router_realm", "cfc.remote.router.start_router_realm"),
        new("IRemoteRouter", "StopRouterRealmAsync", "stop_router_realm(node_id, worker_id, realm_id)", F + "remote.router.stop_router_realm", "cfc.remote.router.stop_router_realm"),

        // Router Workers: Roles
        new("IRemoteRouter", "GetRouterRealmRolesAsync", "get_router_realm_roles(node_id, worker_id, realm_id)", F + "remote.router.get_router_realm_roles", "cfc.remote.router.get_router_realm_roles"),
        new("IRemoteRouter", "GetRouterRealmRoleAsync", "get_router_realm_role(node_id, worker_id, realm_id, role_id)", F + "remote.router.get_router_realm_role", "cfc.remote.router.get_router_realm_role"),
        new("IRemoteRouter", "StartRouterRealmRoleAsync", "start_router_realm_role(node_id, worker_id, realm_id, role_id, role_config)", F + "remote.router.start_router_realm_role", "cfc.remote.router.start_router_realm_role"),
        new("IRemoteRouter", "StopRouterRealmRoleAsync", "stop_router_realm_role(node_id, worker_id, realm_id, role_id)", F + "remote.router.stop_router_realm_role", "cfc.remote.router.stop_router_realm_role"),

        // Router Workers: Transports
        new("IRemoteRouter", "GetRouterTransportsAsync", "get_router_transports(node_id, worker_id)", F + "remote.router.get_router_transports", "cfc.remote.router.get_router_transports"),
        new("IRemoteRouter", "GetRouterTransportAsync", "get_router_transport(node_id, worker_id, transport_id)", F + "remote.router.get_router_transport", "cfc.remote.router.get_router_transport"),
        new("IRemoteRouter", "StartRouterTransportAsync", "start_router_transport(node_id, worker_id, transport_id, transport_config)", F + "remote.router.start_router_transport", "cfc.remote.router.start_router_transport"),
        new("IRemoteRouter", "StopRouterTransportAsync", "stop_router_transport(node_id, worker_id, transport_id)", F + "remote.router.stop_router_transport", "cfc.remote.router.stop_router_transport"),

        // Router Workers: Transport Paths
        new("IRemoteRouter", "GetRouterTransportPathsAsync", "get_router_transport_paths(node_id, worker_id, transport_id)", F + "remote.router.get_router_transport_paths", "cfc.remote.router.get_router_transport_paths"),
        new("IRemoteRouter", "GetRouterTransportPathAsync", "get_router_transport_path(node_id, worker_id, transport_id, path_id)", F + "remote.router.get_router_transport_path", "cfc.remote.router.get_router_transport_path"),
        new("IRemoteRouter", "StartRouterTransportPathAsync", "start_router_transport_path(node_id, worker_id, transport_id, path_id, transport_path_config)", F + "remote.router.start_router_transport_path", "cfc.remote.router.start_router_transport_path"),
        new("IRemoteRouter", "StopRouterTransportPathAsync", "stop_router_transport_path(node_id, worker_id, transport_id, path_id)", F + "remote.router.stop_router_transport_path", "cfc.remote.router.stop_router_transport_path"),

        // Router Workers: Components (stop: seed omits component_id, see above)
        new("IRemoteRouter", "GetRouterComponentsAsync", "get_router_components(node_id, worker_id)", F + "remote.router.get_router_components", "cfc.remote.router.get_router_components"),
        new("IRemoteRouter", "GetRouterComponentAsync", "get_router_component(node_id, worker_id, component_id)", F + "remote.router.get_router_component", "cfc.remote.router.get_router_component"),
        new("IRemoteRouter", "StartRouterComponentAsync", "start_router_component(node_id, worker_id, component_id, component_config)", F + "remote.router.start_router_component", "cfc.remote.router.start_router_component"),
        new("IRemoteRouter", "StopRouterComponentAsync", "stop_router_component(node_id, worker_id, component_id)", F + "remote.router.stop_router_component", "cfc.remote.router.stop_router_component"),

        // Container Workers
        new("IRemoteContainer", "GetContainerComponentsAsync", "get_container_components(node_id, worker_id)", F + "remote.container.get_container_components", "cfc.remote.container.get_container_components"),
        new("IRemoteContainer", "GetContainerComponentAsync", "get_container_component(node_id, worker_id, component_id)", F + "remote.container.get_container_component", "cfc.remote.container.get_container_component"),
        new("IRemoteContainer", "StartContainerComponentAsync", "start_container_component(node_id, worker_id, component_config)", F + "remote.container.start_container_component", "cfc.remote.container.start_container_component"),
        new("IRemoteContainer", "StopContainerComponentAsync", "stop_container_component(node_id, worker_id, component_id)", F + "remote.container.stop_container_component", "cfc.remote.container.stop_container_component"),

        // Proxy Workers
        new("IRemoteProxy", "GetProxyTransportsAsync", "get_proxy_transports(node_id, worker_id)", F + "remote.proxy.get_proxy_transports", "cfc.remote.proxy.get_proxy_transports"),
        new("IRemoteProxy", "GetProxyTransportAsync", "get_proxy_transport(node_id, worker_id, transport_id)", F + "remote.proxy.get_proxy_transport", "cfc.remote.proxy.get_proxy_transport"),
        new("IRemoteProxy", "StartProxyTransportAsync", "start_proxy_transport(node_id, worker_id, transport_id, transport_config)", F + "remote.proxy.start_proxy_transport", "cfc.remote.proxy.start_proxy_transport"),
        new("IRemoteProxy", "StopProxyTransportAsync", "stop_proxy_transport(node_id, worker_id, transport_id)", F + "remote.proxy.stop_proxy_transport", "cfc.remote.proxy.stop_proxy_transport"),

        // Message Tracing
        new("IRemoteTracing", "GetRouterTracesAsync", "get_router_traces(node_id, worker_id)", F + "remote.tracing.get_router_traces", "cfc.remote.tracing.get_router_traces"),
        new("IRemoteTracing", "GetRouterTraceAsync", "get_router_trace(node_id, worker_id, trace_id)", F + "remote.tracing.get_router_trace", "cfc.remote.tracing.get_router_trace"),
        new("IRemoteTracing", "StartRouterTraceAsync", "start_router_trace(node_id, worker_id, trace_id, trace_config)", F + "remote.tracing.start_router_trace", "cfc.remote.tracing.start_router_trace"),
        new("IRemoteTracing", "StopRouterTraceAsync", "stop_router_trace(node_id, worker_id, trace_id)", F + "remote.tracing.stop_router_trace", "cfc.remote.tracing.stop_router_trace"),
        new("IRemoteTracing", "GetRouterTraceDataAsync", "get_router_trace_data(node_id, worker_id, trace_id, from_seq, to_seq, limit)", F + "remote.tracing.get_router_trace_data", "cfc.remote.tracing.get_router_trace_data"),

        // Docker Control
        new("IRemoteDocker", "GetDockerStatusAsync", "get_docker_status(node_id)", F + "remote.docker.get_docker_status", "cfc.remote.docker.get_docker_status"),
        new("IRemoteDocker", "GetDockerContainersAsync", "get_docker_containers(node_id)", F + "remote.docker.get_docker_containers", "cfc.remote.docker.get_docker_containers"),
        new("IRemoteDocker", "GetDockerContainerAsync", "get_docker_container(node_id, container_id)", F + "remote.docker.get_docker_container", "cfc.remote.docker.get_docker_container"),
        new("IRemoteDocker", "StartDockerContainerAsync", "start_docker_container(node_id, container_id, container_config)", F + "remote.docker.start_docker_container", "cfc.remote.docker.start_docker_container"),
        new("IRemoteDocker", "StopDockerContainerAsync", "stop_docker_container(node_id, container_id)", F + "remote.docker.stop_docker_container", "cfc.remote.docker.stop_docker_container"),
        new("IRemoteDocker", "GetDockerImagesAsync", "get_docker_images(node_id)", F + "remote.docker.get_docker_images", "cfc.remote.docker.get_docker_images"),
        new("IRemoteDocker", "GetDockerImageAsync", "get_docker_image(node_id, image_id)", F + "remote.docker.get_docker_image", "cfc.remote.docker.get_docker_image"),
        new("IRemoteDocker", "UpdateDockerImageAsync", "update_docker_image(node_id, image_id)", F + "remote.docker.update_docker_image", "cfc.remote.docker.update_docker_image"),
        new("IRemoteDocker", "RemoveDockerImageAsync", "remove_docker_image(node_id, image_id)", F + "remote.docker.remove_docker_image", "cfc.remote.docker.remove_docker_image"),

        // Remote Meta API (cfc.remote.router.meta.*)
        new("IRemoteRouterMeta", "GetSessionCountAsync", "wamp.session.count(node_id, worker_id, realm_id)", F + "remote.router.meta.wamp.session.count", "cfc.remote.router.meta.wamp.session.count"),
        new("IRemoteRouterMeta", "GetSessionsAsync", "wamp.session.list(node_id, worker_id, realm_id)", F + "remote.router.meta.wamp.session.list", "cfc.remote.router.meta.wamp.session.list"),
        new("IRemoteRouterMeta", "GetSessionAsync", "wamp.session.get(node_id, worker_id, realm_id, session_id)", F + "remote.router.meta.wamp.session.get", "cfc.remote.router.meta.wamp.session.get"),
        new("IRemoteRouterMeta", "KillSessionAsync", "wamp.session.kill(node_id, worker_id, realm_id, session_id)", F + "remote.router.meta.wamp.session.kill", "cfc.remote.router.meta.wamp.session.kill"),
        new("IRemoteRouterMeta", "GetRegistrationsAsync", "wamp.registration.list(node_id, worker_id, realm_id)", F + "remote.router.meta.wamp.registration.list", "cfc.remote.router.meta.wamp.registration.list"),
        new("IRemoteRouterMeta", "GetRegistrationAsync", "wamp.registration.get(node_id, worker_id, realm_id, registration_id)", F + "remote.router.meta.wamp.registration.get", "cfc.remote.router.meta.wamp.registration.get"),
        new("IRemoteRouterMeta", "GetRegistrationCalleesAsync", "wamp.registration.list_callees(node_id, worker_id, realm_id, registration_id)", F + "remote.router.meta.wamp.registration.list_callees", "cfc.remote.router.meta.wamp.registration.list_callees"),
        new("IRemoteRouterMeta", "GetSubscriptionsAsync", "wamp.subscription.list(node_id, worker_id, realm_id)", F + "remote.router.meta.wamp.subscription.list", "cfc.remote.router.meta.wamp.subscription.list"),
        new("IRemoteRouterMeta", "GetSubscriptionAsync", "wamp.subscription.get(node_id, worker_id, realm_id, subscription_id)", F + "remote.router.meta.wamp.subscription.get", "cfc.remote.router.meta.wamp.subscription.get"),
        new("IRemoteRouterMeta", "GetSubscriptionSubscribersAsync", "wamp.subscription.list_subscribers(node_id, worker_id, realm_id, subscription_id)", F + "remote.router.meta.wamp.subscription.list_subscribers", "cfc.remote.router.meta.wamp.subscription.list_subscribers"),
    ];

    public static readonly SeedEvent[] Events =
    [
        new("IFabricSystem", "OnTick", "on_tick(ticked)", F + "system.on_tick", "cfc.on_tick"),
        new("IManagementRealms", "OnRealmCreating", "on_realm_creating(realm_name, realm_creating)", F + "mrealm.on_realm_creating", "cfc.on_management_realm_creating"),
        new("IManagementRealms", "OnRealmCreated", "on_realm_created(realm_name, realm_created)", F + "mrealm.on_realm_created", "cfc.on_management_realm_created"),
        new("IManagementRealms", "OnRealmDeleting", "on_realm_deleting(realm_name, realm_deleting)", F + "mrealm.on_realm_deleting", "cfc.on_management_realm_deleting"),
        new("IManagementRealms", "OnRealmDeleted", "on_realm_deleted(realm_name, realm_deleted)", F + "mrealm.on_realm_deleted", "cfc.on_management_realm_deleted"),
        new("IManagementRealms", "OnRoleGranted", "on_role_granted(realm_name, user_id, role_granted)", F + "mrealm.on_role_granted", "cfc.on_role_granted"),
        new("IManagementRealms", "OnRoleRevoked", "on_role_revoked(realm_name, user_id, role_revoked)", F + "mrealm.on_role_revoked", "cfc.on_role_revoked"),
        new("IManagementRealms", "OnNodePaired", "on_node_paired(realm_name, node_id, node_paired)", F + "mrealm.on_node_paired", "cfc.on_node_paired"),
        new("IManagementRealms", "OnNodeUnpaired", "on_node_unpaired(realm_name, node_id, node_unpaired)", F + "mrealm.on_node_unpaired", "cfc.on_node_unpaired"),
        new("IRemoteRouter", "OnRouterRealmStarting", "on_router_realm_starting(node_id, worker_id, realm_id, realm_starting)", F + "remote.router.on_router_realm_starting", "cfc.remote.router.on_router_realm_starting"),
        new("IRemoteRouter", "OnRouterRealmStarted", "on_router_realm_started(node_id, worker_id, realm_id, realm_started)", F + "remote.router.on_router_realm_started", "cfc.remote.router.on_router_realm_started"),
        new("IRemoteRouterMeta", "OnSessionJoin", "wamp.session.on_join(node_id, worker_id, realm_id, session_details)", F + "remote.router.meta.wamp.session.on_join", "cfc.remote.router.meta.wamp.session.on_join"),
        new("IRemoteRouterMeta", "OnSessionLeave", "wamp.session.on_leave(node_id, worker_id, realm_id, session_id)", F + "remote.router.meta.wamp.session.on_leave", "cfc.remote.router.meta.wamp.session.on_leave"),
    ];

    public static IEnumerable<object[]> ProcedureRows(CfcUriScheme scheme) => Procedures.Select(p => new object[] { p.ToString(), scheme });

    public static IEnumerable<object[]> EventRows(CfcUriScheme scheme) => Events.Select(e => new object[] { e.ToString(), scheme });

    public static SeedProcedure Procedure(string key) => Procedures.Single(p => p.ToString() == key);

    public static SeedEvent Event(string key) => Events.Single(e => e.ToString() == key);
}
