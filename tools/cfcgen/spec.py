"""The CFC API as the two seeds define it (docs/spec: cfc-global-api.md, cfc-api-reference.md).

One entry per procedure and event: its seed name, its URI under each scheme, its parameters in seed order,
its result and the seed's description. gen.py turns this into the C# interfaces, implementations and URI
tables. Where a seed is inconsistent or silent, the choice is written next to the entry.

Parameter kinds (C# type / check / wire form) are defined in gen.py: id, optid, pubkey, role, dict, optdict,
bool, long, optlong, optint, and kw_* (optional keyword-only extras the real server accepts but the seed omits).
"""

FABRIC = "crossbarfabriccenter."
LEGACY = "cfc."


class P:
    """A procedure."""

    def __init__(self, name, fabric, legacy, params, result, doc, returns=None, remarks=None, method=None):
        self.name, self.fabric, self.legacy, self.params = name, fabric, legacy, params
        self.result, self.doc, self.returns, self.remarks, self.method = result, doc, returns, remarks, method


class E:
    """An event. args are (seed name, kind, doc); kind 'flat' means the single dict argument is the element."""

    def __init__(self, name, fabric, legacy, args, record, doc, property_name=None):
        self.name, self.fabric, self.legacy, self.args = name, fabric, legacy, args
        self.record, self.doc, self.property_name = record, doc, property_name


class G:
    def __init__(self, key, interface, impl, summary, procs, events=()):
        self.key, self.interface, self.impl, self.summary = key, interface, impl, summary
        self.procs, self.events = procs, list(events)


# Parameter docs shared by many procedures (seed wording where it has one).
NODE = ("node_id", "id", "ID of the node.")
WORKER = ("worker_id", "id", "ID of the worker.")


def sysu(n):
    return FABRIC + "system." + n


def mru(n):
    return FABRIC + "mrealm." + n


def remote(group, n):
    return (FABRIC + "remote." + group + "." + n, LEGACY + "remote." + group + "." + n)


def rp(group, name, params, result, doc, returns=None, remarks=None, method=None):
    f, l = remote(group, name)
    return P(name, f, l, params, result, doc, returns, remarks, method)


GROUPS = [
    G("System", "IFabricSystem", "FabricSystemApi",
      "The CFC System API on the global realm (seed: Global API, System).",
      [
          P("get_status", sysu("get_status"), "cfc.get_status", [], "SystemStatus",
            "Return global CFC service status.",
            "The service status: version, realm, startup nonce, UTC system time and tick counter.",
            "The startup nonce is a random value generated at CFC startup time and unchanged while running. "
            "The CFC tick counter is started at a random integer value, and then incremented every 5 seconds."),
      ],
      [
          E("on_tick", sysu("on_tick"), "cfc.on_tick", [("ticked", "flat", "ticked information")], "TickEvent",
            "CFC global status/heartbeat event generated every 5 seconds."),
      ]),

    G("ManagementRealms", "IManagementRealms", "ManagementRealmsApi",
      "The CFC Management Realms API on the global realm: realms, roles, nodes and their events (seed: Global API, Management Realms).",
      [
          P("get_realms", mru("get_realms"), "cfc.get_management_realms", [], "list",
            "Get list of names of management realms accessible to the user account.",
            "The names of the management realms."),
          P("get_realm", mru("get_realm"), "cfc.get_management_realm",
            [("realm_name", "id", "name of the management realm to retrieve information for")], "ManagementRealmInfo",
            "Return detailed information about a management realm.", "The realm information object."),
          P("create_realm", mru("create_realm"), "cfc.create_management_realm",
            [("realm_name", "id", "name of the management realm to create")], "ManagementRealmInfo",
            "Create a new management realm. Management realm names must be globally unique (within a given CFC installation).",
            "The realm creation information object.",
            "The call does not return until the management realm has been completely created and all CFC side components "
            "for the management realm started. OnRealmCreating fires while it is being created, OnRealmCreated when it has been created and started."),
          P("delete_realm", mru("delete_realm"), "cfc.delete_management_realm",
            [("realm_name", "id", "name of the management realm to delete"),
             ("cascade", "bool=false", "when the management realm to be deleted currently has nodes paired, automatically unpair the nodes (default: false)")],
            "RealmDeleted",
            "Delete an existing management realm. Only owners of a management realm can delete the realm. "
            "If the management realm currently has nodes paired, it cannot be deleted, unless cascade=true is used.",
            "The realm deletion information object.",
            "The call does not return until the management realm has been completely deleted and all CFC side components "
            "for the management realm stopped. OnRealmDeleting fires while it is being deleted, OnRealmDeleted when it has been stopped and deleted."),
          # Roles: the legacy document has no names for these; derived as cfc.<seed name>.
          P("get_roles", mru("get_roles"), "cfc.get_roles",
            [("realm_name", "id", "the name of the management realm to get user roles for")], "rolesmap",
            "Get all roles assigned to users on a given management realm.",
            "A mapping from user IDs to the list of their role names."),
          P("grant_role", mru("grant_role"), "cfc.grant_role",
            [("realm_name", "id", "the name of the management realm on which to grant a role to a user"),
             ("user_id", "id", "the ID of the user to grant a role to"),
             ("role_name", "role", "the role to grant to the user (guest, developer, operator, admin or owner)")],
            "RoleGranted", "Grant a role to a user on a management realm.", "The role granted information object.",
            "When the role has been granted successfully, OnRoleGranted fires."),
          P("revoke_role", mru("revoke_role"), "cfc.revoke_role",
            [("realm_name", "id", "the name of the management realm on which to revoke a role from a user"),
             ("user_id", "id", "the ID of the user to revoke the role from"),
             ("role_name", "role", "the role to revoke from the user (guest, developer, operator, admin or owner)")],
            "RoleRevoked", "Revoke a role from a user on a management realm.", "The role revoked information object.",
            "When the role has been revoked successfully, OnRoleRevoked fires."),
          P("get_nodes", mru("get_nodes"), "cfc.get_nodes", [], "list",
            "Get IDs of nodes currently paired with the management realm.",
            "The node IDs. The order of IDs within the list returned is unspecified, but stable."),
          P("get_node", mru("get_node"), "cfc.get_node",
            [("node_id", "id", "ID of the node to get information for")], "NodeInfo",
            "Get detailed information about a node paired with the management realm.", "The node information object."),
          P("pair_node", mru("pair_node"), "cfc.pair_node",
            [("pubkey", "pubkey", "the public key (Hex) of the node to pair"),
             ("realm_name", "id", "name of the management realm to pair the given node with"),
             ("node_id", "id", "the node ID to assign the node (this will be the authid under which the node will be authenticated)"),
             ("authextra", "optdict", "optional extra information to store in CFC, and to hand out to the node when it is authenticating")],
            "NodePaired",
            "Pair a node with this management realm. Nodes are technically identified by their Ed25519 public key, and no two nodes "
            "will have the same public key. A given node can only be paired to (at most) one management realm at a time.",
            "The node paired information object.", "When the node has been paired successfully, OnNodePaired fires."),
          P("unpair_node", mru("unpair_node"), "cfc.unpair_node",
            [("pubkey", "pubkey", "the public key (Hex) of the node to unpair")], "NodeUnpaired",
            "Unpair a node currently paired to a management realm from that realm.",
            "The node unpaired information object.", "When the node has been unpaired successfully, OnNodeUnpaired fires."),
      ],
      [
          # Legacy event names are derived: cfc.<seed name>, with "realm" spelled "management_realm" like the procedures.
          E("on_realm_creating", mru("on_realm_creating"), "cfc.on_management_realm_creating",
            [("realm_name", "string", "the name of the realm being created"),
             ("realm_creating", "RealmCreating", "realm creating information object")], "RealmCreatingEvent",
            "Event generated when a management realm is being created and started."),
          E("on_realm_created", mru("on_realm_created"), "cfc.on_management_realm_created",
            [("realm_name", "string", "the name of the realm that was created"),
             ("realm_created", "ManagementRealmInfo", "realm created information object")], "RealmCreatedEvent",
            "Event generated when a management realm has been created and fully started."),
          E("on_realm_deleting", mru("on_realm_deleting"), "cfc.on_management_realm_deleting",
            [("realm_name", "string", "the name of the realm that is being deleted"),
             ("realm_deleting", "RealmDeleting", "realm deleting information object")], "RealmDeletingEvent",
            "Event generated when a management realm is being stopped and deleted."),
          E("on_realm_deleted", mru("on_realm_deleted"), "cfc.on_management_realm_deleted",
            [("realm_name", "string", "the name of the realm that was deleted"),
             ("realm_deleted", "RealmDeleted", "realm deleted information object")], "RealmDeletedEvent",
            "Event generated when a management realm has been fully stopped and deleted."),
          E("on_role_granted", mru("on_role_granted"), "cfc.on_role_granted",
            [("realm_name", "string", "the name of the realm on which a role was granted to a user"),
             ("user_id", "string", "the ID of the user a role was granted to"),
             ("role_granted", "RoleGranted", "role granted information object")], "RoleGrantedEvent",
            "Event generated when a role has been granted to a user on a management realm."),
          E("on_role_revoked", mru("on_role_revoked"), "cfc.on_role_revoked",
            [("realm_name", "string", "the name of the realm on which a role was revoked from a user"),
             ("user_id", "string", "the ID of the user a role was revoked from"),
             ("role_revoked", "RoleRevoked", "role revoked information object")], "RoleRevokedEvent",
            "Event generated when a role has been revoked from a user on a management realm."),
          E("on_node_paired", mru("on_node_paired"), "cfc.on_node_paired",
            [("realm_name", "string", "name of the management realm the node was paired with"),
             ("node_id", "string", "the ID the node was paired under"),
             ("node_paired", "NodePaired", "node pairing information object")], "NodePairedEvent",
            "Event generated when a node has been successfully paired with a management realm."),
          E("on_node_unpaired", mru("on_node_unpaired"), "cfc.on_node_unpaired",
            [("realm_name", "string", "name of the management realm the node was unpaired from"),
             ("node_id", "string", "the ID of the node that was unpaired"),
             ("node_unpaired", "NodeUnpaired", "node unpairing information object")], "NodeUnpairedEvent",
            "Event generated when a node has been successfully unpaired from a management realm."),
      ]),

    G("ManagementRealm", "IManagementRealm", "ManagementRealmApi",
      "The Global API of a management realm (join the realm by its name; seed: API Reference, User Management Realms, Global API).",
      [
          P("get_status", mru("get_status"), "cfc.get_status", [], "ManagementRealmStatus",
            "Return management realm status information.", "The status information object."),
          P("get_nodes", mru("get_nodes"), "cfc.get_nodes", [], "list",
            "Return list of IDs of nodes in the management realm.",
            "The node IDs. The order of IDs within the list returned is unspecified, but stable."),
          P("get_node", mru("get_node"), "cfc.get_node",
            [("node_id", "id", "ID of the node to retrieve information for")], "NodeInfo",
            "Return detailed information about a node in the management realm.", "The node information object."),
      ]),

    G("RemoteNode", "IRemoteNode", "RemoteNodeApi",
      "Remote Management API: Nodes. Nodes are instances of Crossbar.io (Fabric) running on host systems, and running from a node directory.",
      [
          rp("node", "get_status", [("node_id", "id", "ID of the node to retrieve status from")], "NodeStatus",
             "Retrieve status information (directly) from a node.", "The node status information object."),
          rp("node", "shutdown", [("node_id", "id", "ID of the node to shut down")], "NodeShutdown",
             "Orderly shutdown a node (from within the node).", "The node (final) shutdown information object."),
          rp("node", "get_workers", [("node_id", "id", "ID of the node to get workers for")], "list",
             "Get list of IDs of workers in node.", "The worker IDs. The order of IDs within the list returned is unspecified, but stable."),
          rp("node", "get_worker", [NODE, ("worker_id", "id", "ID of the worker to get")], "WorkerInfo",
             "Get detailed information about a worker in the node.", "The worker information object."),
          rp("node", "start_worker", [NODE, ("worker_id", "id", "ID of the worker to start"), ("config", "dict", "the worker configuration")],
             "WorkerStarted", "Start a new worker in the node.", "The worker started information object."),
          rp("node", "stop_worker", [NODE, ("worker_id", "id", "ID of the worker to stop")], "WorkerStopped",
             "Stop a worker running in the node.", "The worker stopped information object."),
      ]),

    G("RemoteWorker", "IRemoteWorker", "RemoteWorkerApi",
      "Remote Management API: Native Workers. The seed gives every procedure only (node_id, worker_id); the extra arguments the "
      "node accepts are optional keyword arguments here, sent only when given.",
      [
          rp("worker", "get_status", [NODE, WORKER], "WorkerStatus", "Get status information of a native worker.", "The worker status information object."),
          rp("worker", "shutdown", [NODE, WORKER], "WorkerShutdown", "Orderly shut down a native worker.", "The worker shutdown information object."),
          # The seed's heading for this one lost its name ("cfc.remote.worker."); the TOC and signature say get_worker_log.
          rp("worker", "get_worker_log", [NODE, WORKER, ("limit", "kw_int", "optional: the maximum number of log lines to return (sent as keyword argument)")],
             "json", "Get the log of a native worker.", "The log lines, as the node returns them."),
          rp("worker", "get_pythonpath", [NODE, WORKER], "strlist", "Get the Python module search path of a native worker.", "The search path entries."),
          rp("worker", "add_pythonpath", [NODE, WORKER,
                                          ("paths", "kw_strlist", "optional: the paths to add (sent as keyword argument)"),
                                          ("prepend", "kw_bool", "optional: whether to prepend instead of append (sent as keyword argument)")],
             "json", "Add paths to the Python module search path of a native worker.", "What the node reports as added."),
          rp("worker", "get_cpu_affinity", [NODE, WORKER], "json", "Get the CPU affinity of a native worker.", "The CPU affinity, as the node returns it."),
          rp("worker", "set_cpu_affinity", [NODE, WORKER,
                                            ("cpus", "kw_intlist", "optional: the CPUs to pin the worker to (sent as keyword argument)"),
                                            ("relative", "kw_bool", "optional: whether the CPU numbers are relative to the usable CPUs (sent as keyword argument)")],
             "json", "Set the CPU affinity of a native worker.", "The new CPU affinity, as the node returns it."),
          rp("worker", "get_profilers", [NODE, WORKER], "json", "Get the profilers available in a native worker.", "The profilers, as the node returns them."),
          rp("worker", "start_profiler", [NODE, WORKER,
                                          ("profiler", "kw_str", "optional: the profiler to run, e.g. vmprof (sent as keyword argument)"),
                                          ("runtime", "kw_int", "optional: how long to profile, in seconds (sent as keyword argument)")],
             "ProfilerStarted", "Start a profiler in a native worker.", "The profiler started information object."),
          rp("worker", "get_profile", [NODE, WORKER, ("profile_id", "kw_str", "optional: the ID of the profile to get (sent as keyword argument)")],
             "json", "Get a profile recorded in a native worker.", "The profile, as the node returns it."),
      ]),

    G("RemoteRouter", "IRemoteRouter", "RemoteRouterApi",
      "Remote Management API: Router Workers (realms, realm roles, transports, transport paths, components). "
      "Routers are the core of Crossbar.io: native worker processes that run the routing code as well as endpoint listeners, Web services and other transports.",
      [
          rp("router", "get_router_realms", [NODE, WORKER], "list",
             "Return a list of IDs of realms in the given router worker.", "The realm IDs. The order of IDs within the list returned is unspecified, but stable."),
          rp("router", "get_router_realm", [NODE, WORKER, ("realm_id", "id", "ID of the realm")], "RouterRealm",
             "Return detailed information about the given realm.", "The realm information object."),
          rp("router", "start_router_realm", [NODE, WORKER, ("realm_id", "id", "ID of the realm to start"), ("realm_config", "dict", "the realm configuration")],
             "RouterRealmStarted", "Start a new realm on the given router worker.", "The realm started information object.",
             "The call does not return until the realm has completely started. OnRouterRealmStarting fires while it is starting, OnRouterRealmStarted when it is completely started."),
          rp("router", "stop_router_realm", [NODE, WORKER, ("realm_id", "id", "ID of the realm to stop")], "RouterRealmStopped",
             "Stop a realm currently running in the given router worker.", "The realm stopped information object."),
          # Realm roles: the seed's TOC says get_realm_roles etc.; its sections (and the real node) say get_router_realm_roles. Sections win.
          rp("router", "get_router_realm_roles", [NODE, WORKER, ("realm_id", "id", "ID of the realm")], "list",
             "Return a list of IDs of roles in the given realm.", "The role IDs. The order of IDs within the list returned is unspecified, but stable."),
          rp("router", "get_router_realm_role", [NODE, WORKER, ("realm_id", "id", "ID of the realm"), ("role_id", "id", "ID of the role")], "RouterRealmRole",
             "Return detailed information about the given role.", "The role information object."),
          rp("router", "start_router_realm_role", [NODE, WORKER, ("realm_id", "id", "ID of the realm"), ("role_id", "id", "ID of the role to start"),
                                                   ("role_config", "dict", "the role configuration")], "RouterRealmRoleStarted",
             "Start a new role on the given router worker and realm.", "The role created information object."),
          rp("router", "stop_router_realm_role", [NODE, WORKER, ("realm_id", "id", "ID of the realm"), ("role_id", "id", "ID of the role to stop")],
             "RouterRealmRoleStopped", "Stop a role currently running in a realm in a router worker.", "The role stopped information object."),
          rp("router", "get_router_transports", [NODE, WORKER], "json",
             "Return the transports (listening endpoints) of the given router worker.",
             "The transport IDs (the seed) or transport objects (the current node), as the node returns them."),
          rp("router", "get_router_transport", [NODE, WORKER, ("transport_id", "id", "ID of the transport")], "RouterTransport",
             "Return detailed information about the given router transport.", "The transport information object."),
          rp("router", "start_router_transport", [NODE, WORKER, ("transport_id", "id", "ID of the transport to start"),
                                                  ("transport_config", "dict", "the transport configuration")], "RouterTransportStarted",
             "Start a new transport (listening endpoint) on the given router worker.", "The transport started information object."),
          rp("router", "stop_router_transport", [NODE, WORKER, ("transport_id", "id", "ID of the transport to stop")], "RouterTransportStopped",
             "Stop a transport running in the given router worker.", "The transport stopped information object."),
          # Transport paths: the TOC says get_transport_paths etc.; the sections say get_router_transport_paths. Sections win.
          rp("router", "get_router_transport_paths", [NODE, WORKER, ("transport_id", "id", "ID of the transport")], "list",
             "Return a list of IDs of paths on the given (Web) transport.", "The path IDs."),
          rp("router", "get_router_transport_path", [NODE, WORKER, ("transport_id", "id", "ID of the transport"), ("path_id", "id", "ID of the path")],
             "TransportPath", "Return detailed information about the given transport path.", "The path information object."),
          rp("router", "start_router_transport_path", [NODE, WORKER, ("transport_id", "id", "ID of the transport"), ("path_id", "id", "ID of the path to start"),
                                                       ("transport_path_config", "dict", "the path configuration")], "TransportPathStarted",
             "Start a new path (Web service) on the given transport.", "The path started information object."),
          rp("router", "stop_router_transport_path", [NODE, WORKER, ("transport_id", "id", "ID of the transport"), ("path_id", "id", "ID of the path to stop")],
             "TransportPathStopped", "Stop a path running on the given transport.", "The path stopped information object."),
          rp("router", "get_router_components", [NODE, WORKER], "json",
             "Return list of IDs of components in this router worker.",
             "The component IDs (the seed) or component objects (the current node), as the node returns them."),
          rp("router", "get_router_component", [NODE, WORKER, ("component_id", "id", "ID of the component")], "RouterComponent",
             "Return detailed information about the given router component.", "The component information object."),
          rp("router", "start_router_component", [NODE, WORKER, ("component_id", "id", "ID of the component to start"),
                                                  ("component_config", "dict", "the component configuration")], "RouterComponentStarted",
             "Start a new (native Python) user component in this router worker.", "The component started information object."),
          # The seed's signature is stop_router_component(node_id, worker_id); a component can only be stopped by its ID,
          # so component_id follows the seed's parameters (as in the real node).
          rp("router", "stop_router_component", [NODE, WORKER, ("component_id", "id", "ID of the component to stop (missing from the seed's signature)")],
             "RouterComponentStopped", "Stop a user component running in this router worker.", "The component stopped information object."),
      ],
      [
          E("on_router_realm_starting", *remote("router", "on_router_realm_starting"),
            [("node_id", "string", "ID of the node"), ("worker_id", "string", "ID of the router worker"),
             ("realm_id", "string", "ID of the realm that is starting"), ("realm_starting", "RouterRealmStarting", "realm starting information object")],
            "RouterRealmStartingEvent", "Event generated when a new realm is starting on a router worker."),
          E("on_router_realm_started", *remote("router", "on_router_realm_started"),
            [("node_id", "string", "ID of the node"), ("worker_id", "string", "ID of the router worker"),
             ("realm_id", "string", "ID of the realm that started"), ("realm_started", "RouterRealmStarted", "realm started information object")],
            "RouterRealmStartedEvent", "Event generated when a new realm is completely started on a router worker."),
      ]),

    G("RemoteContainer", "IRemoteContainer", "RemoteContainerApi",
      "Remote Management API: Container Workers, native Crossbar.io processes that can host Python user components.",
      [
          rp("container", "get_container_components", [NODE, WORKER], "list",
             "Return list of IDs of (native Python) components in container.", "The component IDs."),
          rp("container", "get_container_component", [NODE, WORKER, ("component_id", "id", "ID of the component")], "ContainerComponent",
             "Return detailed information about container component.", "The component information object."),
          rp("container", "start_container_component", [NODE, WORKER, ("component_config", "dict", "the component configuration")], "ContainerComponentStarted",
             "Start a new (native Python) component in container.", "The component started information object."),
          rp("container", "stop_container_component", [NODE, WORKER, ("component_id", "id", "ID of the component to stop")], "ContainerComponentStopped",
             "Stop a component running in the container.", "The component stopped information object."),
      ]),

    G("RemoteProxy", "IRemoteProxy", "RemoteProxyApi",
      "Remote Management API: Proxy Workers.",
      [
          rp("proxy", "get_proxy_transports", [NODE, WORKER], "json",
             "Return list of IDs of proxy worker transport in a proxy worker.", "The transport IDs, as the node returns them."),
          rp("proxy", "get_proxy_transport", [NODE, WORKER, ("transport_id", "id", "ID of the proxy transport")], "ProxyTransport",
             "Return detailed information about proxy worker transport in a proxy worker.", "The transport information object."),
          rp("proxy", "start_proxy_transport", [NODE, WORKER, ("transport_id", "id", "ID of the proxy transport to start"),
                                                ("transport_config", "dict", "the transport configuration")], "ProxyTransportStarted",
             "Start a new proxy worker transport in this proxy worker.", "The transport started information object."),
          rp("proxy", "stop_proxy_transport", [NODE, WORKER, ("transport_id", "id", "ID of the proxy transport to stop")], "ProxyTransportStopped",
             "Stop a proxy worker transport running in a proxy worker.", "The transport stopped information object."),
      ]),

    G("RemoteTracing", "IRemoteTracing", "RemoteTracingApi",
      "Remote Management API: Message Tracing. Tap into the message flow of Crossbar.io Fabric nodes: monitor and trace real-time "
      "message traffic and routing down to the single message level.",
      [
          rp("tracing", "get_router_traces", [("node_id", "id", "the ID of the node to get traces from"), ("worker_id", "id", "the ID of the worker to get traces from")],
             "list", "Return list of IDs of traces on a router worker.", "The trace IDs."),
          rp("tracing", "get_router_trace", [("node_id", "id", "the ID of the node to get trace from"), ("worker_id", "id", "the ID of the worker to get trace from"),
                                             ("trace_id", "id", "the ID of the trace to get")], "RouterTrace",
             "Return detailed information about a trace on a router worker.", "The trace information object."),
          rp("tracing", "start_router_trace", [("node_id", "id", "the ID of the node to start the trace on"), ("worker_id", "id", "the ID of the worker to start the trace on"),
                                               ("trace_id", "optid", "optional ID of the trace to start; when null, auto-assign"),
                                               ("trace_config", "dict", "the trace configuration (options)")], "RouterTraceStarted",
             "Starts a new trace on a router worker.", "The trace startup information object."),
          rp("tracing", "stop_router_trace", [("node_id", "id", "the ID of the node to stop the trace on"), ("worker_id", "id", "the ID of the worker to stop the trace on"),
                                              ("trace_id", "id", "the ID of the trace to stop")], "RouterTraceStopped",
             "Stops a running trace on a router worker.", "The trace stop information object."),
          rp("tracing", "get_router_trace_data", [("node_id", "id", "the ID of the node to get trace records from"),
                                                  ("worker_id", "id", "the ID of the worker to get trace records from"),
                                                  ("trace_id", "id", "the ID of the trace to get trace records from"),
                                                  ("from_seq", "long", "the first trace record sequence number to return"),
                                                  ("to_seq", "optlong", "the last trace record sequence number to return, or null for no bound"),
                                                  ("limit", "optint", "the maximum number of records to return, or null for the node's default")],
             "tracerecords", "Return trace records from a trace on a router worker.", "The list of trace records retrieved."),
      ]),

    G("RemoteDocker", "IRemoteDocker", "RemoteDockerApi",
      "Remote Management API: Docker Control. Remotely control the Docker daemons of hosts running Crossbar.io Fabric nodes.",
      [
          rp("docker", "get_docker_status", [("node_id", "id", "the ID of the node to get Docker status from")], "DockerStatus",
             "Get status information from Docker on host system.", "The Docker status information object."),
          rp("docker", "get_docker_containers", [("node_id", "id", "the ID of the node to get Docker containers for")], "list",
             "Get list of IDs of Docker containers running on host system.", "The container IDs."),
          rp("docker", "get_docker_container", [("node_id", "id", "the ID of the node to get the Docker container"), ("container_id", "id", "the ID of the Docker container")],
             "DockerContainer", "Get detailed information for Docker container on host system.", "The Docker container information object."),
          rp("docker", "start_docker_container", [("node_id", "id", "the ID of the node to start the Docker container on"),
                                                  ("container_id", "optid", "optional ID of the Docker container; when null, auto-generated"),
                                                  ("container_config", "dict", "container configuration object")], "DockerContainerStarted",
             "Start a Docker container on a host system.", "The container started information object."),
          rp("docker", "stop_docker_container", [("node_id", "id", "the ID of the node with the Docker container (on the host) to stop"),
                                                 ("container_id", "id", "the ID of the Docker container to stop")], "DockerContainerStopped",
             "Stop a Docker container running on a host system.", "The container stopped information object."),
          rp("docker", "get_docker_images", [("node_id", "id", "the ID of the node with the images (on the host) to get")], "list",
             "Get list of IDs of Docker images on a host system.", "The image IDs. The order of IDs within the list returned is unspecified, but stable."),
          rp("docker", "get_docker_image", [("node_id", "id", "the ID of the node with the image (on the host) to get"), ("image_id", "id", "the ID of the Docker image to get")],
             "DockerImage", "Get detailed information about a Docker image on a host system.", "The image information object."),
          rp("docker", "update_docker_image", [("node_id", "id", "the ID of the node to update the image (on the host)"), ("image_id", "id", "the ID of the Docker image to update")],
             "DockerImageUpdated", "Update a Docker image on a host system.", "The image update information object."),
          rp("docker", "remove_docker_image", [("node_id", "id", "the ID of the node to remove the image (from the host)"), ("image_id", "id", "the ID of the Docker image to remove")],
             "DockerImageRemoved", "Remove a Docker image from a host system.", "The image removal information object."),
      ]),
]


# Remote Meta API: the seed names only the prefix cfc.remote.router.meta.* ("remote access to CF nodes WAMP meta API").
# Every URI below is that prefix + a WAMP meta procedure/topic; arguments are (node_id, worker_id, realm_id, *meta args).
META = ("realm_id", "id", "ID of the router realm whose meta API to use")
# The groups served on the global realm (com.crossbario.fabric); every other group lives on a management realm.
# The client uses this to explain a no_such_procedure caused by calling a group on the wrong realm.
GLOBAL_REALM_GROUPS = ("System", "ManagementRealms")

META_PREFIX_FABRIC = FABRIC + "remote.router.meta."
META_PREFIX_LEGACY = LEGACY + "remote.router.meta."


def meta(wamp_uri, method, params, result, doc, returns):
    return P(wamp_uri, META_PREFIX_FABRIC + wamp_uri, META_PREFIX_LEGACY + wamp_uri,
             [NODE, WORKER, META] + params, result, doc, returns, method=method)


def meta_event(wamp_uri, prop, args, record, doc):
    return E(wamp_uri, META_PREFIX_FABRIC + wamp_uri, META_PREFIX_LEGACY + wamp_uri,
             [("node_id", "string", "ID of the node"), ("worker_id", "string", "ID of the router worker"),
              ("realm_id", "string", "ID of the router realm")] + args, record, doc, property_name=prop)


GROUPS.append(G("RemoteRouterMeta", "IRemoteRouterMeta", "RemoteRouterMetaApi",
    "Remote Meta API (cfc.remote.router.meta.*): the WAMP meta API of a router realm on a node, reached through CFC. "
    "The node's router realm must bridge its meta API. For meta procedures without a typed member use CallMetaAsync.",
    [
        meta("wamp.session.count", "GetSessionCountAsync", [], "long",
             "Count the sessions currently joined to the router realm.", "The number of sessions."),
        meta("wamp.session.list", "GetSessionsAsync", [], "longlist",
             "List the IDs of the sessions currently joined to the router realm.", "The session IDs."),
        meta("wamp.session.get", "GetSessionAsync", [("session_id", "long", "the ID of the session")], "MetaSessionDetails",
             "Get the details of a session joined to the router realm.", "The session details."),
        meta("wamp.session.kill", "KillSessionAsync", [("session_id", "long", "the ID of the session to kill")], "void",
             "Kill (disconnect) a session joined to the router realm.", None),
        meta("wamp.registration.list", "GetRegistrationsAsync", [], "MetaIdLists",
             "List the IDs of the registrations on the router realm, by match policy.", "The registration IDs by match policy."),
        meta("wamp.registration.get", "GetRegistrationAsync", [("registration_id", "long", "the ID of the registration")], "MetaRegistrationDetails",
             "Get the details of a registration on the router realm.", "The registration details."),
        meta("wamp.registration.list_callees", "GetRegistrationCalleesAsync", [("registration_id", "long", "the ID of the registration")], "longlist",
             "List the IDs of the sessions that registered a procedure.", "The callee session IDs."),
        meta("wamp.subscription.list", "GetSubscriptionsAsync", [], "MetaIdLists",
             "List the IDs of the subscriptions on the router realm, by match policy.", "The subscription IDs by match policy."),
        meta("wamp.subscription.get", "GetSubscriptionAsync", [("subscription_id", "long", "the ID of the subscription")], "MetaSubscriptionDetails",
             "Get the details of a subscription on the router realm.", "The subscription details."),
        meta("wamp.subscription.list_subscribers", "GetSubscriptionSubscribersAsync", [("subscription_id", "long", "the ID of the subscription")], "longlist",
             "List the IDs of the sessions subscribed to a subscription.", "The subscriber session IDs."),
    ],
    [
        meta_event("wamp.session.on_join", "OnSessionJoin", [("session_details", "MetaSessionDetails", "the details of the session that joined")],
                   "MetaSessionJoinedEvent", "Event generated when a session joins the router realm."),
        meta_event("wamp.session.on_leave", "OnSessionLeave", [("session_id", "long", "the ID of the session that left")],
                   "MetaSessionLeftEvent", "Event generated when a session leaves the router realm."),
    ]))


# ---------------------------------------------------------------------------------------------------------------------
# CfcUriScheme.CrossbarMaster: every member above, mapped onto the real Crossbar.io master node (crossbar v22.6.1;
# ../shared/crossbar-master/FACTS.md and recordings/). gen.py fails when a member has no entry here, and writes the
# master URI table, the member map the client's adapter (src/Cfc.Client/Master/) reads, and docs/crossbar-master.md.
#
# M(uri, status, note, translate=None, node=None):
#   status   "verified": tests/Cfc.Master.Tests calls it against the real master and edge (json, msgpack, cbor);
#            "mapped": the master registers the target and the client translates, but CI does not exercise it.
#   translate  the name of a hand-written translation in src/Cfc.Client/Master/MasterTranslations.cs (arguments,
#            results or event payloads whose shape differs); None: arguments and results pass as they are.
#   node     how the seed's node_id reaches the master: "oid" (resolved from the node id by get_node_by_authid,
#            cached) for remote.*, "authid" (passed as is) for remote.realm.meta.*; None: no node argument.
# NS(reason, instead): no counterpart; the member throws CfcNotSupportedException before anything is sent.
# ---------------------------------------------------------------------------------------------------------------------

class M:
    def __init__(self, uri, status, note="", translate=None, node=None):
        assert status in ("verified", "mapped"), status
        self.uri, self.status, self.note, self.translate, self.node = uri, status, note, translate, node
        self.reason = self.instead = None


class NS:
    def __init__(self, reason, instead):
        self.uri, self.status, self.note, self.translate, self.node = None, "unsupported", reason, None, None
        self.reason, self.instead = reason, instead


DOMAIN = FABRIC + "domain."
MREALM = FABRIC + "mrealm."
V, MAP = "verified", "mapped"


def rm(group, name, status, note="", translate=None):
    """A remote procedure of the master, reached with the node's oid."""
    return M(FABRIC + "remote." + group + "." + name, status, note, translate, node="oid")


NO_ROLES = ("the master has no roles API (its set_roles_on_mrealm_for_user is not implemented); the user who creates a "
            "management realm owns it",
            "nothing in the SDK: on the master a realm's creator is its owner and the superuser reaches every realm")
UNFORWARDED = ("the master does not forward this event: router workers publish on_realm_starting/on_realm_started, "
               "which the master does not subscribe to",
               "poll client.RemoteRouter.GetRouterRealmAsync, or subscribe to crossbarfabriccenter.node.<node id>.worker."
               "<worker id>.on_realm_started through client.Wamp")

MASTER = {
    ("System", "get_status"): M(DOMAIN + "get_status", V, "domain status: Type \"domain\", Realm, Now, Started, Uptime, Tick; no Version or Nonce"),
    ("System", "on_tick"): M(DOMAIN + "on_tick", V, "every 300 s upstream (the kit shortens it with CROSSBAR_MASTER_TICK_PERIOD); the tick restarts at 1 when the domain controller restarts"),

    ("ManagementRealms", "get_realms"): M(MREALM + "list_mrealms", V, "called with return_names=true: the sorted realm names (without it the master returns oids)", "realm_names"),
    ("ManagementRealms", "get_realm"): M(MREALM + "get_mrealm_by_name", V, "the mrealm object; Created is microseconds since the epoch"),
    ("ManagementRealms", "create_realm"): M(MREALM + "create_mrealm", V, "sent as one object {\"name\": realm_name}; the name is checked against the master's rules first", "create_mrealm"),
    ("ManagementRealms", "delete_realm"): M(MREALM + "delete_mrealm_by_name", V, "crossbar v22.6.1 fails every delete with wamp.error.runtime_error [<realm name>] (a bug in RouterFactory.stop_realm; the realm stays); the exception says so"),
    ("ManagementRealms", "get_roles"): NS(*NO_ROLES),
    ("ManagementRealms", "grant_role"): NS(*NO_ROLES),
    ("ManagementRealms", "revoke_role"): NS(*NO_ROLES),
    ("ManagementRealms", "get_nodes"): NS("the master's global list_nodes procedures are not implemented",
                                          "connect to the management realm and call client.ManagementRealm.GetNodesAsync()"),
    ("ManagementRealms", "get_node"): NS("the master's global get_node is not implemented",
                                         "connect to the management realm and call client.ManagementRealm.GetNodeAsync(nodeId)"),
    ("ManagementRealms", "pair_node"): M(MREALM + "pair_node", V, "same arguments (node_id is the node's authid); the public key is checked as 64 hex characters first, because the master accepts any string and the realm then breaks"),
    ("ManagementRealms", "unpair_node"): M(MREALM + "unpair_node_by_pubkey", V, "the master's unpair_node takes a node oid; by public key is unpair_node_by_pubkey"),
    ("ManagementRealms", "on_realm_creating"): NS("the master publishes no event while a realm is being created", "OnRealmCreated"),
    ("ManagementRealms", "on_realm_created"): M(MREALM + "on_mrealm_created", V, "the master publishes one mrealm object; RealmName is its name", "realm_event"),
    ("ManagementRealms", "on_realm_deleting"): NS("the master publishes no event while a realm is being deleted", "OnRealmDeleted"),
    ("ManagementRealms", "on_realm_deleted"): M(MREALM + "on_realm_deleted", MAP, "one deletion object; RealmName is its name. Never published by crossbar v22.6.1, whose deletes always fail", "realm_event"),
    ("ManagementRealms", "on_role_granted"): NS(*NO_ROLES),
    ("ManagementRealms", "on_role_revoked"): NS(*NO_ROLES),
    ("ManagementRealms", "on_node_paired"): M(MREALM + "on_node_paired", V, "one node object; RealmName from its mrealm_oid (the client's realm cache), NodeId is its authid", "node_event"),
    ("ManagementRealms", "on_node_unpaired"): M(MREALM + "on_node_unpaired", V, "one node object with authid null; NodeId comes from the client's node cache when it knows the node, else the node's oid", "node_event"),

    ("ManagementRealm", "get_status"): M(MREALM + "get_status", V, "Type \"management\", Realm, Now, Started, Uptime, Tick"),
    ("ManagementRealm", "get_nodes"): M(MREALM + "get_nodes", V, "called with return_names=true: node ids (authids), not oids", "node_names"),
    ("ManagementRealm", "get_node"): M(MREALM + "get_node_by_authid", V, "the node object plus heartbeat, timestamp (ns) and status (online/offline)"),

    ("RemoteNode", "get_status"): rm("node", "get_status", V),
    ("RemoteNode", "shutdown"): rm("node", "shutdown", MAP, "stops the edge node process"),
    ("RemoteNode", "get_workers"): rm("node", "get_workers", V),
    ("RemoteNode", "get_worker"): rm("node", "get_worker", V),
    ("RemoteNode", "start_worker"): rm("node", "start_worker", V, "the seed's config {\"type\", \"options\"} becomes (worker_type, worker_options)", "start_worker"),
    ("RemoteNode", "stop_worker"): rm("node", "stop_worker", V),

    ("RemoteWorker", "get_status"): NS("the master registers remote.worker.get_status, but no node registers the worker procedure behind it (every call ends in wamp.error.no_such_procedure)",
                                       "client.RemoteNode.GetWorkerAsync(nodeId, workerId)"),
    ("RemoteWorker", "shutdown"): rm("worker", "shutdown", MAP),
    ("RemoteWorker", "get_worker_log"): rm("node", "get_worker_log", V, "a node-level procedure on the master: remote.node.get_worker_log(node, worker_id, limit)"),
    ("RemoteWorker", "get_pythonpath"): rm("worker", "get_pythonpath", V),
    ("RemoteWorker", "add_pythonpath"): rm("worker", "add_pythonpath", MAP),
    ("RemoteWorker", "get_cpu_affinity"): rm("worker", "get_cpu_affinity", V),
    ("RemoteWorker", "set_cpu_affinity"): rm("worker", "set_cpu_affinity", MAP),
    ("RemoteWorker", "get_profilers"): rm("worker", "get_profilers", MAP),
    ("RemoteWorker", "start_profiler"): rm("worker", "start_profiler", MAP),
    ("RemoteWorker", "get_profile"): rm("worker", "get_profile", MAP),

    ("RemoteRouter", "get_router_realms"): rm("router", "get_router_realms", V),
    ("RemoteRouter", "get_router_realm"): rm("router", "get_router_realm", V),
    ("RemoteRouter", "start_router_realm"): rm("router", "start_router_realm", V),
    ("RemoteRouter", "stop_router_realm"): rm("router", "stop_router_realm", V, "crossbar v22.6.1 fails it with wamp.error.runtime_error [<realm name>] (the same stop_realm bug as realm deletion); the exception says so"),
    ("RemoteRouter", "get_router_realm_roles"): rm("router", "get_router_realm_roles", V, "the v22.6.1 edge fails it with wamp.error.runtime_error (it cannot serialize dict_values); the exception says so"),
    ("RemoteRouter", "get_router_realm_role"): rm("router", "get_router_realm_role", V),
    ("RemoteRouter", "start_router_realm_role"): rm("router", "start_router_realm_role", V),
    ("RemoteRouter", "stop_router_realm_role"): rm("router", "stop_router_realm_role", MAP),
    ("RemoteRouter", "get_router_transports"): rm("router", "get_router_transports", V, "transport objects, not ids"),
    ("RemoteRouter", "get_router_transport"): rm("router", "get_router_transport", V),
    ("RemoteRouter", "start_router_transport"): rm("router", "start_router_transport", V),
    ("RemoteRouter", "stop_router_transport"): rm("router", "stop_router_transport", V),
    ("RemoteRouter", "get_router_transport_paths"): rm("router", "get_web_transport_services", V, "transport paths are web transport services on the master"),
    ("RemoteRouter", "get_router_transport_path"): rm("router", "get_web_transport_service", V, "path_id is the service's path"),
    ("RemoteRouter", "start_router_transport_path"): rm("router", "start_web_transport_service", V, "path_id is the service's path"),
    ("RemoteRouter", "stop_router_transport_path"): rm("router", "stop_web_transport_service", V, "path_id is the service's path"),
    ("RemoteRouter", "get_router_components"): rm("router", "get_router_components", MAP),
    ("RemoteRouter", "get_router_component"): rm("router", "get_router_component", MAP),
    ("RemoteRouter", "start_router_component"): rm("router", "start_router_component", MAP),
    ("RemoteRouter", "stop_router_component"): rm("router", "stop_router_component", MAP),
    ("RemoteRouter", "on_router_realm_starting"): NS(*UNFORWARDED),
    ("RemoteRouter", "on_router_realm_started"): NS(*UNFORWARDED),

    ("RemoteContainer", "get_container_components"): rm("container", "get_components", V),
    ("RemoteContainer", "get_container_component"): rm("container", "get_component", V),
    ("RemoteContainer", "start_container_component"): rm("container", "start_component", V, "the master takes (component_id, config): the id is the config's \"id\" (removed from the config), else one is assigned; the master answers null, the result carries the id and config", "start_component"),
    ("RemoteContainer", "stop_container_component"): rm("container", "stop_component", V),

    ("RemoteProxy", "get_proxy_transports"): rm("proxy", "get_proxy_transports", MAP),
    ("RemoteProxy", "get_proxy_transport"): rm("proxy", "get_proxy_transport", MAP),
    ("RemoteProxy", "start_proxy_transport"): rm("proxy", "start_proxy_transport", MAP),
    ("RemoteProxy", "stop_proxy_transport"): rm("proxy", "stop_proxy_transport", MAP),

    ("RemoteTracing", "get_router_traces"): rm("tracing", "get_traces", V),
    ("RemoteTracing", "get_router_trace"): rm("tracing", "get_trace", V),
    ("RemoteTracing", "start_router_trace"): rm("tracing", "start_trace", V, "trace_config is the master's trace_options"),
    ("RemoteTracing", "stop_router_trace"): rm("tracing", "stop_trace", V),
    ("RemoteTracing", "get_router_trace_data"): rm("tracing", "get_trace_data", V),

    ("RemoteDocker", "get_docker_status"): rm("docker", "get_info", MAP, "crossbar.error.feature_unavailable when the node has no Docker"),
    ("RemoteDocker", "get_docker_containers"): rm("docker", "get_containers", MAP),
    ("RemoteDocker", "get_docker_container"): rm("docker", "get_container", MAP),
    ("RemoteDocker", "start_docker_container"): NS("the master creates and starts a container in two steps (remote.docker.create(image, config), then remote.docker.start(container_id))",
                                                   "client.Wamp.CallAsync(\"crossbarfabriccenter.remote.docker.create\", ...) and then \"crossbarfabriccenter.remote.docker.start\" with the node oid"),
    ("RemoteDocker", "stop_docker_container"): rm("docker", "stop", MAP),
    ("RemoteDocker", "get_docker_images"): rm("docker", "get_images", MAP),
    ("RemoteDocker", "get_docker_image"): rm("docker", "get_image", MAP),
    ("RemoteDocker", "update_docker_image"): NS("the master has no image update procedure", "pull the image on the host (docker pull), or use client.Wamp with crossbarfabriccenter.remote.docker.* procedures"),
    ("RemoteDocker", "remove_docker_image"): rm("docker", "delete_image", MAP),
}

META_PREFIX_MASTER = FABRIC + "remote.realm.meta."
_META_VERIFIED = {"wamp.session.count", "wamp.session.list", "wamp.session.get", "wamp.registration.list", "wamp.registration.get",
                  "wamp.session.on_join", "wamp.session.on_leave"}
for _g in GROUPS:
    if _g.key == "RemoteRouterMeta":
        for _item in list(_g.procs) + list(_g.events):
            MASTER[("RemoteRouterMeta", _item.name)] = M(
                META_PREFIX_MASTER + _item.name, V if _item.name in _META_VERIFIED else MAP,
                "remote.realm.meta.<meta uri>(node authid, worker, realm, ...); the router realm needs options.bridge_meta_api = true",
                node="authid")
