using System.Text.Json;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Master.Tests;

/// <summary>
/// The remote API through the kit's edge node, named by its node id (the client resolves the master's oid): node
/// status, workers, a router worker with realm, role, Web transport and Web service, tracing, the realm meta bridge,
/// and a container worker running the kit's cbm_hello component.
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class RemoteApiTests(CrossbarMasterKit kit)
{
    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task The_node_reports_its_status_and_workers_by_node_id(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);

        NodeStatus status = await client.RemoteNode.GetStatusAsync(Edge);

        Assert.StartsWith("Crossbar.io", status.Title, StringComparison.Ordinal);
        Assert.Equal(kit.EdgeManagementRealm, status.ManagementRealm);
        Assert.Equal(Edge, status.ManagementNodeId);
        Assert.NotNull(await client.RemoteNode.GetWorkersAsync(Edge));
        CfcNotFoundException unknown = await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteNode.GetStatusAsync("no-such-node"));
        Assert.Contains("no node with node id 'no-such-node' is paired", unknown.Message, StringComparison.Ordinal);
        if (kit.EdgeNodeOid is { } oid)
        {
            // an oid is passed as is
            Assert.Equal(status.Title, (await client.RemoteNode.GetStatusAsync(oid)).Title);
        }
    }

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_router_worker_runs_a_realm_with_a_role_a_web_transport_a_web_service_and_a_trace(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string worker = $"rw-{serializer}";
        string realmName = $"app-{serializer}";
        int webPort = FreePort.Next();
        int wampPort = FreePort.Next();

        WorkerStarted started = await client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("router"));
        try
        {
            Assert.Equal((worker, "started"), (started.Id, started.Status));
            Assert.Contains(worker, await client.RemoteNode.GetWorkersAsync(Edge));
            WorkerInfo info = await client.RemoteNode.GetWorkerAsync(Edge, worker);
            Assert.Equal(("router", "started"), (info.Type, info.Status));
            await Assert.ThrowsAsync<CfcAlreadyExistsException>(() => client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("router")));
            Assert.Equal(JsonValueKind.Array, (await client.RemoteWorker.GetWorkerLogAsync(Edge, worker, 5)).ValueKind);
            Assert.NotEmpty(await client.RemoteWorker.GetPythonpathAsync(Edge, worker));
            Assert.NotEqual(JsonValueKind.Undefined, (await client.RemoteWorker.GetCpuAffinityAsync(Edge, worker)).ValueKind);

            // realm and role
            RouterRealmStarted realm = await client.RemoteRouter.StartRouterRealmAsync(Edge, worker, "realm1", EdgeConfigs.Realm(realmName));
            Assert.Equal("realm1", realm.Id);
            Assert.Contains("realm1", await client.RemoteRouter.GetRouterRealmsAsync(Edge, worker));
            Assert.Equal(realmName, (await client.RemoteRouter.GetRouterRealmAsync(Edge, worker, "realm1")).Config!.Value.GetProperty("name").GetString());
            Assert.Equal("role1", (await client.RemoteRouter.StartRouterRealmRoleAsync(Edge, worker, "realm1", "role1", EdgeConfigs.AnonymousRole())).Id);
            Assert.Equal("anonymous", (await client.RemoteRouter.GetRouterRealmRoleAsync(Edge, worker, "realm1", "role1")).Config!.Value.GetProperty("name").GetString());
            await AssertRoleListAsync(client, worker);

            // Web transport and a Web service on it
            RouterTransportStarted transport = await client.RemoteRouter.StartRouterTransportAsync(Edge, worker, "web1", EdgeConfigs.WebTransport(webPort));
            Assert.Equal("web1", transport.Id);
            Assert.Equal("web", (await client.RemoteRouter.GetRouterTransportAsync(Edge, worker, "web1")).Type);
            Assert.Contains("/", await client.RemoteRouter.GetRouterTransportPathsAsync(Edge, worker, "web1"));
            await client.RemoteRouter.StartRouterTransportPathAsync(Edge, worker, "web1", "info", EdgeConfigs.JsonService("hello"));
            Assert.NotNull(await client.RemoteRouter.GetRouterTransportPathAsync(Edge, worker, "web1", "info"));
            await client.RemoteRouter.StopRouterTransportPathAsync(Edge, worker, "web1", "info");
            await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteRouter.GetRouterTransportPathAsync(Edge, worker, "web1", "info"));

            // a WebSocket transport; tracing, while an app session joins the realm (seen through the realm meta bridge)
            await client.RemoteRouter.StartRouterTransportAsync(Edge, worker, "ws1", EdgeConfigs.WebSocketTransport(wampPort));
            Assert.Contains("ws1", (await client.RemoteRouter.GetRouterTransportsAsync(Edge, worker)).GetRawText(), StringComparison.Ordinal);
            RouterTraceStarted trace = await client.RemoteTracing.StartRouterTraceAsync(
                Edge, worker, "trace1", new Dictionary<string, object?> { ["trace_level"] = "message", ["batching_period"] = 200 });
            Assert.Equal("trace1", trace.Id);
            using EventProbe<MetaSessionJoinedEvent> joins = await EventProbe<MetaSessionJoinedEvent>.StartAsync(client.RemoteRouterMeta.OnSessionJoin);
            await using (CfcClient app = await AppSessionAsync(wampPort, realmName, serializer))
            {
                MetaSessionJoinedEvent joined = await joins.WaitAsync(e => e.WorkerId == worker && e.Details.Session == app.SessionId);
                Assert.Equal((Edge, "realm1"), (joined.NodeId, joined.RealmId));
                Assert.True(await client.RemoteRouterMeta.GetSessionCountAsync(Edge, worker, "realm1") >= 1);
                Assert.Contains(app.SessionId!.Value, await client.RemoteRouterMeta.GetSessionsAsync(Edge, worker, "realm1"));
                Assert.Equal("anonymous", (await client.RemoteRouterMeta.GetSessionAsync(Edge, worker, "realm1", app.SessionId.Value)).Authrole);
                Assert.NotNull(await client.RemoteRouterMeta.GetRegistrationsAsync(Edge, worker, "realm1"));
            }

            Assert.Contains("trace1", await client.RemoteTracing.GetRouterTracesAsync(Edge, worker));
            Assert.Equal("running", (await client.RemoteTracing.GetRouterTraceAsync(Edge, worker, "trace1")).Status);
            Assert.NotNull(await client.RemoteTracing.GetRouterTraceDataAsync(Edge, worker, "trace1", 0, limit: 5));
            Assert.Equal("trace1", (await client.RemoteTracing.StopRouterTraceAsync(Edge, worker, "trace1")).Id);
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteTracing.GetRouterTraceAsync(Edge, worker, "nope"));

            Assert.Equal("web1", (await client.RemoteRouter.StopRouterTransportAsync(Edge, worker, "web1")).Id);
            Assert.Equal("ws1", (await client.RemoteRouter.StopRouterTransportAsync(Edge, worker, "ws1")).Id);
            await AssertStopRealmAsync(client, worker);
        }
        finally
        {
            await client.RemoteNode.StopWorkerAsync(Edge, worker);
        }

        Assert.DoesNotContain(worker, await client.RemoteNode.GetWorkersAsync(Edge));
        CfcNotFoundException stopped = await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteNode.StopWorkerAsync(Edge, worker));
        Assert.Equal("crossbar.error.no_such_worker", stopped.ErrorUri);
    }

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_container_worker_runs_the_kits_hello_component_which_registers_a_procedure(string serializer)
    {
        Assert.False(kit.IsExternal && kit.ClientDirectory is null, "the container test loads cbm_hello from the kit's client folder");
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string router = $"cr-{serializer}";
        string container = $"cw-{serializer}";
        string realmName = $"hello-{serializer}";
        int port = FreePort.Next();

        await client.RemoteNode.StartWorkerAsync(Edge, router, EdgeConfigs.Worker("router"));
        try
        {
            await client.RemoteRouter.StartRouterRealmAsync(Edge, router, "realm1", EdgeConfigs.Realm(realmName));
            await client.RemoteRouter.StartRouterRealmRoleAsync(Edge, router, "realm1", "role1", EdgeConfigs.AnonymousRole());
            await client.RemoteRouter.StartRouterTransportAsync(Edge, router, "ws1", EdgeConfigs.WebSocketTransport(port));
            WorkerStarted cw = await client.RemoteNode.StartWorkerAsync(
                Edge, container, EdgeConfigs.Worker("container", new Dictionary<string, object?> { ["pythonpath"] = new[] { kit.ClientDirectory } }));
            Assert.Equal(container, cw.Id);
            Assert.Empty(await client.RemoteContainer.GetContainerComponentsAsync(Edge, container));

            ContainerComponentStarted hello = await client.RemoteContainer.StartContainerComponentAsync(
                Edge, container, EdgeConfigs.HelloComponent("hello1", realmName, port));

            Assert.Equal("hello1", hello.Id);
            Assert.Equal(["hello1"], await client.RemoteContainer.GetContainerComponentsAsync(Edge, container));
            Assert.Equal("cbm_hello.Hello", (await client.RemoteContainer.GetContainerComponentAsync(Edge, container, "hello1")).Config!.Value.GetProperty("classname").GetString());
            await using (CfcClient app = await AppSessionAsync(port, realmName, serializer))
            {
                WampResult sum = await CallWhenRegisteredAsync(app, "com.example.add2", 2, 3);
                Assert.Equal(5, sum.Payload[0].GetInt32());
            }

            ContainerComponentStopped stopped = await client.RemoteContainer.StopContainerComponentAsync(Edge, container, "hello1");
            Assert.Equal("hello1", stopped.ComponentId);
            CfcException importFailed = await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteContainer.StartContainerComponentAsync(
                Edge, container, new Dictionary<string, object?>(EdgeConfigs.HelloComponent("bad", realmName, port)) { ["classname"] = "nosuchmodule.Nope" }));
            Assert.Equal("crossbar.error.class_import_failed", importFailed.ErrorUri);
        }
        finally
        {
            await StopQuietlyAsync(client, container);
            await StopQuietlyAsync(client, router);
        }
    }

    // crossbar v22.6.1's edge cannot serialize the role list; a fixed edge returns the ids.
    private async Task AssertRoleListAsync(CfcClient client, string worker)
    {
        try
        {
            Assert.Contains("role1", await client.RemoteRouter.GetRouterRealmRolesAsync(Edge, worker, "realm1"));
        }
        catch (CfcException bug) when (bug.ErrorUri == "wamp.error.runtime_error")
        {
            Assert.Contains("known bug of the crossbar v22.6.1 edge", bug.Message, StringComparison.Ordinal);
        }
    }

    // crossbar v22.6.1 fails stop_router_realm (the stop_realm bug); with the upstream fix it stops the realm.
    private async Task AssertStopRealmAsync(CfcClient client, string worker)
    {
        try
        {
            Assert.Equal("realm1", (await client.RemoteRouter.StopRouterRealmAsync(Edge, worker, "realm1")).Id);
        }
        catch (CfcException bug) when (bug.ErrorUri == "wamp.error.runtime_error")
        {
            Assert.Contains("known bug of crossbar v22.6.1", bug.Message, StringComparison.Ordinal);
            Assert.Contains("RemoteNode.StopWorkerAsync", bug.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<CfcClient> AppSessionAsync(int port, string realm, string serializer)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        return await CfcClient.ConnectAsync(
            new CfcClientOptions
            {
                Url = new Uri($"ws://127.0.0.1:{port}/ws"),
                Realm = realm,
                Authenticator = CfcAuthenticator.Anonymous,
                Serializer = MasterClients.Serializer(serializer),
            },
            timeout.Token);
    }

    // The component registers right after it joins; poll (bounded) until its procedure is there.
    private static async Task<WampResult> CallWhenRegisteredAsync(CfcClient app, string procedure, int a, int b)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        while (true)
        {
            try
            {
                return await app.Wamp.CallAsync(procedure, new WampPayloadBuilder().Add(a).Add(b).Build(), null, timeout.Token);
            }
            catch (WampException e) when (e.ErrorUri == "wamp.error.no_such_procedure" && !timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    private async Task StopQuietlyAsync(CfcClient client, string worker)
    {
        try
        {
            await client.RemoteNode.StopWorkerAsync(Edge, worker);
        }
        catch (CfcNotFoundException)
        {
            // it did not start
        }
    }
}
