using System.Text.Json;
using Cfc.Client.Api;
using Cfc.Client.Testing;

namespace Cfc.Client.Tests.EndToEnd;

public abstract partial class ApiEndToEndTests<TFixture>
{
    private const string Node = "node1";
    private const string RouterWorker = SimulatedNodeDefaults.RouterWorker;

    [Fact]
    public async Task Remote_node_workers_and_shutdown()
    {
        var walk = new ApiWalk(typeof(IRemoteNode));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteNode api = c.RemoteNode;

        NodeStatus status = await walk.Did(nameof(api.GetStatusAsync), api.GetStatusAsync(Node));
        Assert.Equal(3, status.RunningWorkers);
        Assert.NotNull(status.Started);
        Assert.Equal([RouterWorker, "container1", "proxy1"], await walk.Did(nameof(api.GetWorkersAsync), api.GetWorkersAsync(Node)));
        WorkerInfo worker = await walk.Did(nameof(api.GetWorkerAsync), api.GetWorkerAsync(Node, RouterWorker));
        Assert.Equal("router", worker.Type);
        Assert.NotNull(worker.Pid);

        WorkerStarted started = await walk.Did(nameof(api.StartWorkerAsync), api.StartWorkerAsync(Node, "guest1", new Dictionary<string, object?> { ["type"] = "guest", ["options"] = new Dictionary<string, object?> { ["env"] = "x" } }));
        Assert.Equal("guest1", started.Id);
        Assert.Contains("guest1", await api.GetWorkersAsync(Node));
        WorkerStopped stopped = await walk.Did(nameof(api.StopWorkerAsync), api.StopWorkerAsync(Node, "guest1"));
        Assert.Equal("guest1", stopped.Id);
        Assert.DoesNotContain("guest1", await api.GetWorkersAsync(Node));

        NodeShutdown shutdown = await walk.Did(nameof(api.ShutdownAsync), api.ShutdownAsync(Node));
        Assert.Equal(Node, shutdown.NodeId);
        await Assert.ThrowsAnyAsync<CfcException>(() => api.GetStatusAsync(Node));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_worker_status_log_pythonpath_affinity_profiling_and_shutdown()
    {
        var walk = new ApiWalk(typeof(IRemoteWorker));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteWorker api = c.RemoteWorker;

        WorkerStatus status = await walk.Did(nameof(api.GetStatusAsync), api.GetStatusAsync(Node, RouterWorker));
        Assert.NotNull(status);
        JsonElement log = await walk.Did(nameof(api.GetWorkerLogAsync), api.GetWorkerLogAsync(Node, RouterWorker, limit: 2));
        Assert.Equal(2, log.GetArrayLength());
        IReadOnlyList<string> before = await walk.Did(nameof(api.GetPythonpathAsync), api.GetPythonpathAsync(Node, RouterWorker));
        await walk.Did(nameof(api.AddPythonpathAsync), api.AddPythonpathAsync(Node, RouterWorker, ["/app/lib"], prepend: true));
        IReadOnlyList<string> after = await api.GetPythonpathAsync(Node, RouterWorker);
        Assert.Equal("/app/lib", after[0]);
        Assert.Equal(before.Count + 1, after.Count);

        await walk.Did(nameof(api.SetCpuAffinityAsync), api.SetCpuAffinityAsync(Node, RouterWorker, [0, 1]));
        JsonElement affinity = await walk.Did(nameof(api.GetCpuAffinityAsync), api.GetCpuAffinityAsync(Node, RouterWorker));
        Assert.Equal([0, 1], affinity.EnumerateArray().Select(e => e.GetInt32()));

        JsonElement profilers = await walk.Did(nameof(api.GetProfilersAsync), api.GetProfilersAsync(Node, RouterWorker));
        Assert.True(profilers.GetArrayLength() > 0);
        ProfilerStarted profile = await walk.Did(nameof(api.StartProfilerAsync), api.StartProfilerAsync(Node, RouterWorker, "vmprof", runtime: 1));
        Assert.Equal("vmprof", profile.Profiler);
        JsonElement data = await walk.Did(nameof(api.GetProfileAsync), api.GetProfileAsync(Node, RouterWorker, profile.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(JsonValueKind.Object, data.ValueKind);

        WorkerShutdown shutdown = await walk.Did(nameof(api.ShutdownAsync), api.ShutdownAsync(Node, "proxy1"));
        Assert.NotNull(shutdown);
        Assert.DoesNotContain("proxy1", await c.RemoteNode.GetWorkersAsync(Node));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_router_realms_roles_transports_paths_components_and_realm_events()
    {
        var walk = new ApiWalk(typeof(IRemoteRouter));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteRouter api = c.RemoteRouter;
        using EventRecorder<RouterRealmStartingEvent> starting = walk.Did(nameof(api.OnRouterRealmStarting), api.OnRouterRealmStarting).Record();
        using EventRecorder<RouterRealmStartedEvent> startedEvents = walk.Did(nameof(api.OnRouterRealmStarted), api.OnRouterRealmStarted).Record();
        var w = RouterWorker;

        Assert.Equal(["realm1"], await walk.Did(nameof(api.GetRouterRealmsAsync), api.GetRouterRealmsAsync(Node, w)));
        Assert.Equal("realm1", (await walk.Did(nameof(api.GetRouterRealmAsync), api.GetRouterRealmAsync(Node, w, "realm1"))).Id);
        RouterRealmStarted realm2 = await walk.Did(nameof(api.StartRouterRealmAsync), api.StartRouterRealmAsync(Node, w, "realm2", new Dictionary<string, object?> { ["name"] = "realm2" }));
        Assert.Equal("realm2", realm2.Id);
        RouterRealmStartingEvent startingEvent = await starting.WaitAsync(e => e.RealmId == "realm2");
        Assert.Equal((Node, w), (startingEvent.NodeId, startingEvent.WorkerId));
        Assert.Equal("realm2", (await startedEvents.WaitAsync(e => e.RealmId == "realm2")).Details.Id);

        Assert.Equal(["backend", "public"], await walk.Did(nameof(api.GetRouterRealmRolesAsync), api.GetRouterRealmRolesAsync(Node, w, "realm1")));
        Assert.Equal("backend", (await walk.Did(nameof(api.GetRouterRealmRoleAsync), api.GetRouterRealmRoleAsync(Node, w, "realm1", "backend"))).Id);
        Assert.Equal("ops", (await walk.Did(nameof(api.StartRouterRealmRoleAsync), api.StartRouterRealmRoleAsync(Node, w, "realm2", "ops", new Dictionary<string, object?> { ["name"] = "ops" }))).Id);
        Assert.Equal("ops", (await walk.Did(nameof(api.StopRouterRealmRoleAsync), api.StopRouterRealmRoleAsync(Node, w, "realm2", "ops"))).Id);
        Assert.Equal("realm2", (await walk.Did(nameof(api.StopRouterRealmAsync), api.StopRouterRealmAsync(Node, w, "realm2"))).Id);
        Assert.Equal(["realm1"], await api.GetRouterRealmsAsync(Node, w));

        JsonElement transports = await walk.Did(nameof(api.GetRouterTransportsAsync), api.GetRouterTransportsAsync(Node, w));
        Assert.Contains("transport1", transports.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("web", (await walk.Did(nameof(api.GetRouterTransportAsync), api.GetRouterTransportAsync(Node, w, "transport1"))).Type);
        var rawsocket = new Dictionary<string, object?> { ["type"] = "rawsocket", ["endpoint"] = new Dictionary<string, object?> { ["type"] = "tcp", ["port"] = 8081 } };
        Assert.Equal("transport2", (await walk.Did(nameof(api.StartRouterTransportAsync), api.StartRouterTransportAsync(Node, w, "transport2", rawsocket))).Id);
        Assert.Equal("transport2", (await walk.Did(nameof(api.StopRouterTransportAsync), api.StopRouterTransportAsync(Node, w, "transport2"))).Id);

        Assert.Equal(["/", "ws"], await walk.Did(nameof(api.GetRouterTransportPathsAsync), api.GetRouterTransportPathsAsync(Node, w, "transport1")));
        TransportPath ws = await walk.Did(nameof(api.GetRouterTransportPathAsync), api.GetRouterTransportPathAsync(Node, w, "transport1", "ws"));
        Assert.NotNull(ws);
        await walk.Did(nameof(api.StartRouterTransportPathAsync), api.StartRouterTransportPathAsync(Node, w, "transport1", "info", new Dictionary<string, object?> { ["type"] = "nodeinfo" }));
        Assert.Contains("info", await api.GetRouterTransportPathsAsync(Node, w, "transport1"));
        await walk.Did(nameof(api.StopRouterTransportPathAsync), api.StopRouterTransportPathAsync(Node, w, "transport1", "info"));
        Assert.DoesNotContain("info", await api.GetRouterTransportPathsAsync(Node, w, "transport1"));

        JsonElement components = await walk.Did(nameof(api.GetRouterComponentsAsync), api.GetRouterComponentsAsync(Node, w));
        Assert.Contains("component1", components.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("component1", (await walk.Did(nameof(api.GetRouterComponentAsync), api.GetRouterComponentAsync(Node, w, "component1"))).Id);
        Assert.Equal("component2", (await walk.Did(nameof(api.StartRouterComponentAsync), api.StartRouterComponentAsync(Node, w, "component2", new Dictionary<string, object?> { ["type"] = "class", ["classname"] = "app.Backend" }))).Id);
        await walk.Did(nameof(api.StopRouterComponentAsync), api.StopRouterComponentAsync(Node, w, "component2"));
        Assert.DoesNotContain("component2", (await api.GetRouterComponentsAsync(Node, w)).EnumerateArray().Select(e => e.GetString()));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_container_components()
    {
        var walk = new ApiWalk(typeof(IRemoteContainer));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteContainer api = c.RemoteContainer;
        const string w = SimulatedNodeDefaults.ContainerWorker;

        Assert.Equal(["component1"], await walk.Did(nameof(api.GetContainerComponentsAsync), api.GetContainerComponentsAsync(Node, w)));
        ContainerComponent component = await walk.Did(nameof(api.GetContainerComponentAsync), api.GetContainerComponentAsync(Node, w, "component1"));
        Assert.Equal("component1", component.Id);
        Assert.NotNull(component.Started);
        ContainerComponentStarted started = await walk.Did(nameof(api.StartContainerComponentAsync),
            api.StartContainerComponentAsync(Node, w, new Dictionary<string, object?> { ["id"] = "component2", ["type"] = "class", ["classname"] = "app.Worker", ["realm"] = "realm1" }));
        Assert.Equal("component2", started.Id);
        Assert.Equal(["component1", "component2"], await api.GetContainerComponentsAsync(Node, w));
        ContainerComponentStopped stopped = await walk.Did(nameof(api.StopContainerComponentAsync), api.StopContainerComponentAsync(Node, w, "component2"));
        Assert.Equal("component2", stopped.ComponentId);
        Assert.Equal(["component1"], await api.GetContainerComponentsAsync(Node, w));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_proxy_transports()
    {
        var walk = new ApiWalk(typeof(IRemoteProxy));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteProxy api = c.RemoteProxy;
        const string w = SimulatedNodeDefaults.ProxyWorker;

        JsonElement transports = await walk.Did(nameof(api.GetProxyTransportsAsync), api.GetProxyTransportsAsync(Node, w));
        Assert.Contains("transport1", transports.EnumerateArray().Select(e => e.GetString()));
        ProxyTransport transport = await walk.Did(nameof(api.GetProxyTransportAsync), api.GetProxyTransportAsync(Node, w, "transport1"));
        Assert.Equal("transport1", transport.Id);
        Assert.NotNull(transport.Type);
        var config = new Dictionary<string, object?> { ["type"] = "web", ["endpoint"] = new Dictionary<string, object?> { ["type"] = "tcp", ["port"] = 8443 } };
        Assert.Equal("transport2", (await walk.Did(nameof(api.StartProxyTransportAsync), api.StartProxyTransportAsync(Node, w, "transport2", config))).Id);
        Assert.Equal("transport2", (await walk.Did(nameof(api.StopProxyTransportAsync), api.StopProxyTransportAsync(Node, w, "transport2"))).Id);
        Assert.DoesNotContain("transport2", (await api.GetProxyTransportsAsync(Node, w)).EnumerateArray().Select(e => e.GetString()));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_tracing_traces_and_paged_data()
    {
        var walk = new ApiWalk(typeof(IRemoteTracing));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteTracing api = c.RemoteTracing;

        Assert.Equal(["trace1"], await walk.Did(nameof(api.GetRouterTracesAsync), api.GetRouterTracesAsync(Node, RouterWorker)));
        RouterTrace trace = await walk.Did(nameof(api.GetRouterTraceAsync), api.GetRouterTraceAsync(Node, RouterWorker, "trace1"));
        Assert.Equal("trace1", trace.Id);
        Assert.Equal(Node, trace.NodeId);
        IReadOnlyList<TraceRecord> page = await walk.Did(nameof(api.GetRouterTraceDataAsync), api.GetRouterTraceDataAsync(Node, RouterWorker, "trace1", fromSeq: 0, toSeq: null, limit: 10));
        Assert.Equal(10, page.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long?)i), page.Select(r => r.Seq));
        Assert.All(page, r => Assert.NotNull(r.MsgType));

        RouterTraceStarted started = await walk.Did(nameof(api.StartRouterTraceAsync), api.StartRouterTraceAsync(Node, RouterWorker, "trace2", new Dictionary<string, object?> { ["trace_level"] = "message" }));
        Assert.Equal("trace2", started.Id);
        Assert.Equal("running", (await api.GetRouterTraceAsync(Node, RouterWorker, "trace2")).Status);
        Assert.Equal("trace2", (await walk.Did(nameof(api.StopRouterTraceAsync), api.StopRouterTraceAsync(Node, RouterWorker, "trace2"))).Id);
        Assert.Equal("stopped", (await api.GetRouterTraceAsync(Node, RouterWorker, "trace2")).Status);
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_docker_status_containers_and_images()
    {
        var walk = new ApiWalk(typeof(IRemoteDocker));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteDocker api = c.RemoteDocker;

        DockerStatus status = await walk.Did(nameof(api.GetDockerStatusAsync), api.GetDockerStatusAsync(Node));
        Assert.NotEmpty(status.ExtensionData);
        Assert.Equal([SimulatedNodeDefaults.DockerContainer], await walk.Did(nameof(api.GetDockerContainersAsync), api.GetDockerContainersAsync(Node)));
        DockerContainer container = await walk.Did(nameof(api.GetDockerContainerAsync), api.GetDockerContainerAsync(Node, SimulatedNodeDefaults.DockerContainer));
        Assert.NotEmpty(container.ExtensionData);
        DockerContainerStarted started = await walk.Did(nameof(api.StartDockerContainerAsync), api.StartDockerContainerAsync(Node, null, new Dictionary<string, object?> { ["image"] = "crossbario/crossbar:latest" }));
        Assert.Equal(2, (await api.GetDockerContainersAsync(Node)).Count);
        string newId = (await api.GetDockerContainersAsync(Node)).Single(id => id != SimulatedNodeDefaults.DockerContainer);
        Assert.NotNull(started);
        await walk.Did(nameof(api.StopDockerContainerAsync), api.StopDockerContainerAsync(Node, newId));

        IReadOnlyList<string> images = await walk.Did(nameof(api.GetDockerImagesAsync), api.GetDockerImagesAsync(Node));
        Assert.Contains(SimulatedNodeDefaults.DockerImage, images);
        DockerImage image = await walk.Did(nameof(api.GetDockerImageAsync), api.GetDockerImageAsync(Node, SimulatedNodeDefaults.DockerImage));
        Assert.NotEmpty(image.ExtensionData);
        Assert.NotNull(await walk.Did(nameof(api.UpdateDockerImageAsync), api.UpdateDockerImageAsync(Node, SimulatedNodeDefaults.DockerImage)));
        string other = images.First(i => i != SimulatedNodeDefaults.DockerImage);
        Assert.NotNull(await walk.Did(nameof(api.RemoveDockerImageAsync), api.RemoveDockerImageAsync(Node, other)));
        Assert.DoesNotContain(other, await api.GetDockerImagesAsync(Node));
        walk.AssertComplete();
    }

    [Fact]
    public async Task Remote_router_meta_sessions_registrations_subscriptions_and_events()
    {
        var walk = new ApiWalk(typeof(IRemoteRouterMeta));
        await using CfcClient c = await Fx.ManagementRealmWithNodeAsync(Unique("mr"));
        IRemoteRouterMeta api = c.RemoteRouterMeta;
        using EventRecorder<MetaSessionJoinedEvent> joins = walk.Did(nameof(api.OnSessionJoin), api.OnSessionJoin).Record();
        using EventRecorder<MetaSessionLeftEvent> leaves = walk.Did(nameof(api.OnSessionLeave), api.OnSessionLeave).Record();
        const string realm = SimulatedNodeDefaults.RouterRealm;

        Assert.Equal(2, await walk.Did(nameof(api.GetSessionCountAsync), api.GetSessionCountAsync(Node, RouterWorker, realm)));
        IReadOnlyList<long> sessions = await walk.Did(nameof(api.GetSessionsAsync), api.GetSessionsAsync(Node, RouterWorker, realm));
        MetaSessionDetails first = await walk.Did(nameof(api.GetSessionAsync), api.GetSessionAsync(Node, RouterWorker, realm, sessions[0]));
        Assert.Equal(sessions[0], first.Session);
        Assert.Equal("backend1", first.Authid);

        MetaIdLists registrations = await walk.Did(nameof(api.GetRegistrationsAsync), api.GetRegistrationsAsync(Node, RouterWorker, realm));
        long registrationId = Assert.Single(registrations.Exact!);
        MetaRegistrationDetails registration = await walk.Did(nameof(api.GetRegistrationAsync), api.GetRegistrationAsync(Node, RouterWorker, realm, registrationId));
        Assert.Equal("com.example.add2", registration.Uri);
        Assert.Equal([sessions[0]], await walk.Did(nameof(api.GetRegistrationCalleesAsync), api.GetRegistrationCalleesAsync(Node, RouterWorker, realm, registrationId)));
        MetaIdLists subscriptions = await walk.Did(nameof(api.GetSubscriptionsAsync), api.GetSubscriptionsAsync(Node, RouterWorker, realm));
        long subscriptionId = Assert.Single(subscriptions.Exact!);
        Assert.Equal("com.example.oncounter", (await walk.Did(nameof(api.GetSubscriptionAsync), api.GetSubscriptionAsync(Node, RouterWorker, realm, subscriptionId))).Uri);
        Assert.Equal([sessions[1]], await walk.Did(nameof(api.GetSubscriptionSubscribersAsync), api.GetSubscriptionSubscribersAsync(Node, RouterWorker, realm, subscriptionId)));
        Cfc.Wamp.WampResult lookup = await walk.Did(nameof(api.CallMetaAsync), api.CallMetaAsync(Node, RouterWorker, realm, "wamp.registration.lookup", new Cfc.Wamp.WampPayloadBuilder().Add("com.example.add2").Build()));
        Assert.Equal(registrationId, lookup.Payload[0].GetInt64());

        // A component joining the realm shows up as on_join; killing a session as on_leave.
        await c.RemoteRouter.StartRouterComponentAsync(Node, RouterWorker, "joiner", new Dictionary<string, object?> { ["type"] = "class", ["classname"] = "app.Joiner", ["realm"] = realm, ["role"] = "backend" });
        MetaSessionJoinedEvent joined = await joins.WaitAsync(e => e.Details.Authid == "joiner");
        Assert.Equal((Node, RouterWorker, realm), (joined.NodeId, joined.WorkerId, joined.RealmId));
        Assert.Equal(3, await api.GetSessionCountAsync(Node, RouterWorker, realm));
        await walk.Did(nameof(api.KillSessionAsync), api.KillSessionAsync(Node, RouterWorker, realm, joined.Details.Session!.Value));
        Assert.Equal(joined.Details.Session, (await leaves.WaitAsync(e => e.SessionId == joined.Details.Session)).SessionId);
        Assert.Equal(2, await api.GetSessionCountAsync(Node, RouterWorker, realm));
        walk.AssertComplete();
    }
}
