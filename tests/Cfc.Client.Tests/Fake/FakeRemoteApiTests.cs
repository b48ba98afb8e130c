using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;
using static Cfc.Client.Tests.Fake.FakeCfcFixture;

namespace Cfc.Client.Tests.Fake;

public sealed class FakeRemoteApiTests
{
    private static JsonElement Config(string json) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task A_new_node_has_the_realistic_default_setup()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync();
        Assert.Equal(["worker1", "container1", "proxy1"], Strings(await f.RemoteAsync("node", "get_workers", "node1")));
        JsonElement status = Obj(await f.RemoteAsync("node", "get_status", "node1"));
        Assert.Equal(RealmA, status.GetProperty("management_realm").GetString());
        Assert.Equal(1, status.GetProperty("workers_by_type").GetProperty("router").GetInt32());
        Assert.Equal("router", Obj(await f.RemoteAsync("node", "get_worker", "node1", "worker1")).GetProperty("type").GetString());
        Assert.Equal(["realm1"], Strings(await f.RemoteAsync("router", "get_router_realms", "node1", "worker1")));
        Assert.Equal(["backend", "public"], Strings(await f.RemoteAsync("router", "get_router_realm_roles", "node1", "worker1", "realm1")));
        Assert.Equal(["transport1"], Strings(await f.RemoteAsync("router", "get_router_transports", "node1", "worker1")));
        Assert.Equal(["/", "ws"], Strings(await f.RemoteAsync("router", "get_transport_paths", "node1", "worker1", "transport1")));
        Assert.Equal(["component1"], Strings(await f.RemoteAsync("router", "get_router_components", "node1", "worker1")));
        Assert.Equal(["component1"], Strings(await f.RemoteAsync("container", "get_container_components", "node1", "container1")));
        Assert.Equal(["transport1"], Strings(await f.RemoteAsync("proxy", "get_proxy_transports", "node1", "proxy1")));
        Assert.Equal(["connection1"], Strings(await f.RemoteAsync("proxy", "get_proxy_connections", "node1", "proxy1")));
        Assert.Equal(["trace1"], Strings(await f.RemoteAsync("tracing", "get_router_traces", "node1", "worker1")));
        Assert.Equal(2, Strings(await f.RemoteAsync("docker", "get_docker_images", "node1")).Count);
        Assert.Single(Strings(await f.RemoteAsync("docker", "get_docker_containers", "node1")));
    }

    [Fact]
    public async Task Remote_calls_address_nodes_of_the_callers_realm_by_id_or_oid_and_fail_for_offline_nodes()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        Assert.Equal("node1", Obj(await f.RemoteAsync("node", "get_status", node.Oid)).GetProperty("node_id").GetString());
        await ErrorAsync(() => f.RemoteAsync("node", "get_status", "node9"), "crossbar.error.no_such_object");
        await ErrorAsync(() => f.RemoteAsync("router", "get_router_realms", "node1", "nope"), "crossbar.error.no_such_worker");
        await ErrorAsync(() => f.RemoteAsync("router", "get_router_realms", "node1", "container1"), "crossbar.error.no_such_worker");
        await f.GlobalCallAsync(Bob, "create_realm", "realm-b");
        await ErrorAsync(() => f.Host.CallAsync(new FakeCallContext("realm-b", Bob, "owner", 3), "crossbarfabriccenter.remote.node.get_status", RecordingHost.Args("node1")), "crossbar.error.no_such_object");

        JsonElement shutdown = Obj(await f.RemoteAsync("node", "shutdown", "node1"));
        Assert.True(shutdown.GetProperty("was_clean").GetBoolean());
        Assert.False(node.IsOnline);
        await ErrorAsync(() => f.RemoteAsync("node", "get_workers", "node1"), "wamp.error.no_such_procedure");
    }

    [Fact]
    public async Task Workers_start_and_stop()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        JsonElement started = Obj(await f.RemoteAsync("node", "start_worker", "node1", "worker2", Config("""{"type":"router"}""")));
        Assert.Equal("worker2", started.GetProperty("id").GetString());
        Assert.IsType<SimulatedRouterWorker>(node.Workers["worker2"]);
        await f.RemoteAsync("node", "start_worker", "node1", "guest1", "guest");
        await ErrorAsync(() => f.RemoteAsync("node", "start_worker", "node1", "worker2", Config("""{"type":"router"}""")), "crossbar.error.already_running");
        await ErrorAsync(() => f.RemoteAsync("node", "start_worker", "node1", "worker3", Config("""{"type":"toaster"}""")), "crossbar.error.invalid_configuration");
        await f.RemoteAsync("node", "stop_worker", "node1", "worker2");
        await ErrorAsync(() => f.RemoteAsync("node", "stop_worker", "node1", "worker2"), "crossbar.error.no_such_worker");
        Assert.Equal(["worker1", "container1", "proxy1", "guest1"], node.Workers.Keys);
    }

    [Fact]
    public async Task Worker_python_path_log_affinity_and_profiles()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync();
        List<string> path = Strings(await f.RemoteAsync("worker", "add_pythonpath", "node1", "worker1", "/app", true));
        Assert.Equal("/app", path[0]);
        Assert.Equal(path, Strings(await f.RemoteAsync("worker", "get_pythonpath", "node1", "worker1")));
        Assert.Single(Strings(await f.RemoteAsync("worker", "get_worker_log", "node1", "worker1", 1)));
        JsonElement cpus = FakeJsonArray("[1]");
        Assert.Equal([1], (await f.RemoteAsync("worker", "set_cpu_affinity", "node1", "worker1", cpus))[0].EnumerateArray().Select(c => c.GetInt32()));
        JsonElement profile = Obj(await f.RemoteAsync("worker", "start_profiler", "node1", "worker1", "vmprof", 5));
        string id = profile.GetProperty("id").GetString()!;
        Assert.Equal("vmprof", Obj(await f.RemoteAsync("worker", "get_profile", "node1", "worker1", id)).GetProperty("profiler").GetString());
        await ErrorAsync(() => f.RemoteAsync("worker", "get_profile", "node1", "worker1", "99"), "crossbar.error.no_such_object");
        await f.RemoteAsync("worker", "shutdown", "node1", "container1");
        await ErrorAsync(() => f.RemoteAsync("worker", "get_status", "node1", "container1"), "crossbar.error.no_such_worker");
    }

    private static JsonElement FakeJsonArray(string json) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task Start_router_realm_fires_starting_then_started_with_the_seeds_arguments()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        f.Host.Events.Clear();
        JsonElement started = Obj(await f.RemoteAsync("router", "start_router_realm", node.Oid, "worker1", "realm2", Config("""{"name":"app","roles":[]}""")));
        Assert.Equal("app", started.GetProperty("name").GetString());
        var events = f.Host.FabricEvents;
        Assert.Equal(["crossbarfabriccenter.remote.router.on_router_realm_starting", "crossbarfabriccenter.remote.router.on_router_realm_started"], events.Select(e => e.Topic));
        Assert.All(events, e =>
        {
            Assert.Equal(RealmA, e.Realm);
            Assert.Equal("node1", e.Payload[0].GetString());
            Assert.Equal("worker1", e.Payload[1].GetString());
            Assert.Equal("realm2", e.Payload[2].GetString());
            Assert.Equal(JsonValueKind.Object, e.Payload[3].ValueKind);
        });
        Assert.Contains(f.Host.Events, e => e.Topic == "cfc.remote.router.on_router_realm_started");

        await ErrorAsync(() => f.RemoteAsync("router", "start_router_realm", "node1", "worker1", "realm2", Config("{}")), "crossbar.error.already_running");
        await f.RemoteAsync("router", "stop_router_realm", "node1", "worker1", "realm2");
        await ErrorAsync(() => f.RemoteAsync("router", "stop_router_realm", "node1", "worker1", "realm2"), "crossbar.error.no_such_object");
        Assert.Equal(["realm1"], ((SimulatedRouterWorker)node.Workers["worker1"]).Realms.Keys);
    }

    [Fact]
    public async Task Router_roles_transports_paths_and_components_start_and_stop()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        var router = (SimulatedRouterWorker)node.Workers["worker1"];

        await f.RemoteAsync("router", "start_router_realm_role", "node1", "worker1", "realm1", "ops", Config("""{"name":"ops","permissions":[]}"""));
        await ErrorAsync(() => f.RemoteAsync("router", "start_realm_role", "node1", "worker1", "realm1", "ops", Config("{}")), "crossbar.error.already_running");
        Assert.Equal("ops", Obj(await f.RemoteAsync("router", "get_router_realm_role", "node1", "worker1", "realm1", "ops")).GetProperty("name").GetString());
        await f.RemoteAsync("router", "stop_realm_role", "node1", "worker1", "realm1", "ops");
        await ErrorAsync(() => f.RemoteAsync("router", "stop_router_realm_role", "node1", "worker1", "realm1", "ops"), "crossbar.error.no_such_object");

        await f.RemoteAsync("router", "start_router_transport", "node1", "worker1", "transport2", Config("""{"type":"web","endpoint":{"type":"tcp","port":9090},"paths":{"ws":{"type":"websocket"}}}"""), true);
        Assert.Equal(["ws"], router.Transports["transport2"].Paths.Keys);
        await ErrorAsync(() => f.RemoteAsync("router", "start_router_transport", "node1", "worker1", "transport3", Config("{}")), "crossbar.error.invalid_configuration");
        await f.RemoteAsync("router", "start_router_transport_path", "node1", "worker1", "transport2", "info", Config("""{"type":"nodeinfo"}"""));
        Assert.Equal("nodeinfo", Obj(await f.RemoteAsync("router", "get_router_transport_path", "node1", "worker1", "transport2", "info")).GetProperty("type").GetString());
        await ErrorAsync(() => f.RemoteAsync("router", "start_transport_path", "node1", "worker1", "transport2", "info", Config("""{"type":"nodeinfo"}""")), "crossbar.error.already_running");
        await f.RemoteAsync("router", "stop_router_transport_path", "node1", "worker1", "transport2", "info");
        await f.RemoteAsync("router", "stop_router_transport", "node1", "worker1", "transport2");
        await ErrorAsync(() => f.RemoteAsync("router", "get_router_transport", "node1", "worker1", "transport2"), "crossbar.error.no_such_object");

        await f.RemoteAsync("router", "start_router_component", "node1", "worker1", "auth", Config("""{"type":"class","classname":"auth.Authenticator"}"""));
        Assert.Equal(["component1", "auth"], Strings(await f.RemoteAsync("router", "get_router_components", "node1", "worker1")));
        await f.RemoteAsync("router", "stop_router_component", "node1", "worker1", "auth");
        await ErrorAsync(() => f.RemoteAsync("router", "stop_router_component", "node1", "worker1", "auth"), "crossbar.error.no_such_object");
    }

    [Fact]
    public async Task Container_components_and_proxy_transports_start_and_stop()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync();
        JsonElement started = Obj(await f.RemoteAsync("container", "start_container_component", "node1", "container1", Config("""{"type":"class","classname":"app.Two"}""")));
        Assert.Equal("component2", started.GetProperty("id").GetString());
        await f.RemoteAsync("container", "start_container_component", "node1", "container1", Config("""{"id":"named","type":"class","classname":"app.Three"}"""));
        await ErrorAsync(() => f.RemoteAsync("container", "start_container_component", "node1", "container1", Config("""{"id":"named"}""")), "crossbar.error.already_running");
        Assert.Equal(["component1", "component2", "named"], Strings(await f.RemoteAsync("container", "get_container_components", "node1", "container1")));
        JsonElement stopped = Obj(await f.RemoteAsync("container", "stop_container_component", "node1", "container1", "component2"));
        Assert.Equal(Alice, stopped.GetProperty("caller").GetProperty("authid").GetString());
        await ErrorAsync(() => f.RemoteAsync("container", "get_container_component", "node1", "container1", "component2"), "crossbar.error.no_such_object");

        await f.RemoteAsync("proxy", "start_proxy_transport", "node1", "proxy1", "transport2", Config("""{"type":"web","endpoint":{"type":"tcp","port":9443}}"""));
        await ErrorAsync(() => f.RemoteAsync("proxy", "start_proxy_transport", "node1", "proxy1", "transport2", Config("""{"type":"web"}""")), "crossbar.error.already_running");
        await f.RemoteAsync("proxy", "stop_proxy_transport", "node1", "proxy1", "transport2");
        await ErrorAsync(() => f.RemoteAsync("proxy", "stop_proxy_transport", "node1", "proxy1", "transport2"), "crossbar.error.no_such_object");
        Assert.Equal("realm1", (await f.RemoteAsync("proxy", "get_proxy_routes", "node1", "proxy1"))[0][0].GetProperty("realm").GetString());
    }

    [Fact]
    public async Task Trace_data_pages_by_from_seq_to_seq_and_limit()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync();
        static List<long> Seqs(WampPayload p) => [.. p[0].EnumerateArray().Select(r => r.GetProperty("seq").GetInt64())];
        Assert.Equal(25, Seqs(await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1")).Count);
        Assert.Equal([10, 11, 12], Seqs(await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 10, 12, 100)));
        Assert.Equal([20, 21], Seqs(await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 20, null, 2)));
        Assert.Equal([23, 24], Seqs(await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 23, null, 10)));
        Assert.Empty(Seqs(await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 30, null, 10)));
        JsonElement first = (await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 0, 0, 1))[0][0];
        Assert.Equal("CALL", first.GetProperty("msg_type").GetString());
        Assert.Equal("realm1", first.GetProperty("realm").GetString());
        await ErrorAsync(() => f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "trace1", 0, null, 10001), "wamp.error.invalid_argument");
        await ErrorAsync(() => f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", "nope", 0, null, 1), "crossbar.error.no_such_object");
    }

    [Fact]
    public async Task Traces_start_and_stop()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        JsonElement started = Obj(await f.RemoteAsync("tracing", "start_router_trace", "node1", "worker1", null, Config("""{"trace_level":"action"}""")));
        string id = started.GetProperty("id").GetString()!;
        Assert.Equal("running", started.GetProperty("status").GetString());
        await ErrorAsync(() => f.RemoteAsync("tracing", "start_router_trace", "node1", "worker1", id, null), "crossbar.error.already_running");
        SimulatedTrace trace = ((SimulatedRouterWorker)node.Workers["worker1"]).Traces[id];
        trace.Add(f.Time.GetUtcNow(), "realm1", "rx", 1, "PUBLISH", "com.example.topic");
        Assert.Equal("stopped", Obj(await f.RemoteAsync("tracing", "stop_router_trace", "node1", "worker1", id)).GetProperty("status").GetString());
        await ErrorAsync(() => f.RemoteAsync("tracing", "stop_router_trace", "node1", "worker1", id), "crossbar.error.not_running");
        await ErrorAsync(() => f.RemoteAsync("tracing", "stop_router_trace", "node1", "worker1", "nope"), "crossbar.error.no_such_object");
        Assert.Single((await f.RemoteAsync("tracing", "get_router_trace_data", "node1", "worker1", id))[0].EnumerateArray());
        await f.RemoteAsync("tracing", "start_router_trace", "node1", "worker1", "trace1", null);
        Assert.Equal("running", Obj(await f.RemoteAsync("tracing", "get_router_trace", "node1", "worker1", "trace1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Docker_containers_start_and_stop_and_images_update_and_remove()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync();
        string running = Strings(await f.RemoteAsync("docker", "get_docker_containers", "node1"))[0];
        await ErrorAsync(() => f.RemoteAsync("docker", "start_docker_container", "node1", running, null), "crossbar.error.already_running");
        Assert.Equal("exited", Obj(await f.RemoteAsync("docker", "stop_docker_container", "node1", running)).GetProperty("status").GetString());
        await ErrorAsync(() => f.RemoteAsync("docker", "stop_docker_container", "node1", running), "crossbar.error.not_running");
        await ErrorAsync(() => f.RemoteAsync("docker", "stop_docker_container", "node1", "nope"), "crossbar.error.no_such_object");
        Assert.Equal("running", Obj(await f.RemoteAsync("docker", "start_docker_container", "node1", running, null)).GetProperty("status").GetString());

        JsonElement created = Obj(await f.RemoteAsync("docker", "start_docker_container", "node1", null, Config("""{"image":"python:3.11-slim"}""")));
        Assert.Equal("python:3.11-slim", created.GetProperty("image").GetString());
        Assert.Equal(2, Obj(await f.RemoteAsync("docker", "get_docker_status", "node1")).GetProperty("containers_running").GetInt32());
        await ErrorAsync(() => f.RemoteAsync("docker", "start_docker_container", "node1", null, Config("{}")), "crossbar.error.invalid_configuration");

        List<string> images = Strings(await f.RemoteAsync("docker", "get_docker_images", "node1"));
        Assert.Equal(JsonValueKind.String, Obj(await f.RemoteAsync("docker", "update_docker_image", "node1", images[0])).GetProperty("updated").ValueKind);
        await ErrorAsync(() => f.RemoteAsync("docker", "remove_docker_image", "node1", images[1]), "crossbar.error.dependent_objects");
        await f.RemoteAsync("docker", "stop_docker_container", "node1", created.GetProperty("id").GetString());
        node.DockerContainers.Remove(created.GetProperty("id").GetString()!);
        await f.RemoteAsync("docker", "remove_docker_image", "node1", images[1]);
        await ErrorAsync(() => f.RemoteAsync("docker", "get_docker_image", "node1", images[1]), "crossbar.error.no_such_object");

        node.HasDocker = false;
        await ErrorAsync(() => f.RemoteAsync("docker", "get_docker_status", "node1"), "crossbar.error.feature_unavailable");
    }

    [Fact]
    public async Task Meta_api_answers_about_the_simulated_router_realm()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync();
        Task<WampPayload> Meta(string uri, params object?[] rest) => f.RemoteAsync("router.meta", uri, ["node1", "worker1", "realm1", .. rest]);

        Assert.Equal(2, (await Meta("wamp.session.count"))[0].GetInt32());
        Assert.Equal(1, (await Meta("wamp.session.count", FakeJsonArray("""["public"]""")))[0].GetInt32());
        long session = (await Meta("wamp.session.list"))[0][0].GetInt64();
        Assert.Equal("backend1", (await Meta("wamp.session.get", session))[0].GetProperty("authid").GetString());
        await ErrorAsync(() => Meta("wamp.session.get", 1L), "wamp.error.no_such_session");

        long reg = (await Meta("wamp.registration.list"))[0].GetProperty("exact")[0].GetInt64();
        Assert.Equal(reg, (await Meta("wamp.registration.lookup", "com.example.add2"))[0].GetInt64());
        Assert.Equal(reg, (await Meta("wamp.registration.match", "com.example.add2"))[0].GetInt64());
        Assert.Equal(JsonValueKind.Null, (await Meta("wamp.registration.match", "com.example.nope"))[0].ValueKind);
        Assert.Equal("com.example.add2", (await Meta("wamp.registration.get", reg))[0].GetProperty("uri").GetString());
        Assert.Equal(session, (await Meta("wamp.registration.list_callees", reg))[0][0].GetInt64());
        Assert.Equal(1, (await Meta("wamp.registration.count_callees", reg))[0].GetInt32());
        await ErrorAsync(() => Meta("wamp.registration.get", 1L), "wamp.error.no_such_registration");

        long sub = (await Meta("wamp.subscription.list"))[0].GetProperty("exact")[0].GetInt64();
        Assert.Equal(sub, (await Meta("wamp.subscription.lookup", "com.example.oncounter"))[0].GetInt64());
        Assert.Equal(sub, (await Meta("wamp.subscription.match", "com.example.oncounter"))[0][0].GetInt64());
        Assert.Equal("com.example.oncounter", (await Meta("wamp.subscription.get", sub))[0].GetProperty("uri").GetString());
        Assert.Single((await Meta("wamp.subscription.list_subscribers", sub))[0].EnumerateArray());
        Assert.Equal(1, (await Meta("wamp.subscription.count_subscribers", sub))[0].GetInt32());
        await ErrorAsync(() => Meta("wamp.subscription.get", 1L), "wamp.error.no_such_subscription");
    }
}
