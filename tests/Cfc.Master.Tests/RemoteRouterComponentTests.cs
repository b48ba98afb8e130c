using System.Text.Json;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>
/// A router worker's own components and roles through the remote router API: the kit's cbm_hello class component runs
/// inside the router worker (found through a Python path added at run time), a role is stopped again, and the realm
/// reports its router-to-router links.
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class RemoteRouterComponentTests(CrossbarMasterKit kit)
{
    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_router_worker_runs_the_kits_hello_component_and_stops_a_role(string serializer)
    {
        Assert.False(kit.IsExternal && kit.ClientDirectory is null, "the router component test loads cbm_hello from the kit's client folder");
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string worker = $"rc-{serializer}";
        string realmName = $"comp-{serializer}";
        await client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("router"));
        try
        {
            await client.RemoteRouter.StartRouterRealmAsync(Edge, worker, "realm1", EdgeConfigs.Realm(realmName));
            await client.RemoteRouter.StartRouterRealmRoleAsync(Edge, worker, "realm1", "role1", EdgeConfigs.AnonymousRole());

            // a realm without router-to-router links
            JsonElement links = await client.Fleet.GetRouterRealmLinksAsync(Edge, worker, "realm1");
            Assert.Equal(JsonValueKind.Array, links.ValueKind);
            Assert.Equal(0, links.GetArrayLength());
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.Fleet.GetRouterRealmLinksAsync(Edge, worker, "no-such-realm"));

            // the component's module is found through the Python path added now
            await client.RemoteWorker.AddPythonpathAsync(Edge, worker, [kit.ClientDirectory!]);
            Assert.Equal(0, (await client.RemoteRouter.GetRouterComponentsAsync(Edge, worker)).GetArrayLength());
            RouterComponentStarted started = await client.RemoteRouter.StartRouterComponentAsync(Edge, worker, "hello1", HelloComponent(realmName));
            Assert.Equal("hello1", started.Id);
            await Assert.ThrowsAsync<CfcAlreadyExistsException>(() => client.RemoteRouter.StartRouterComponentAsync(Edge, worker, "hello1", HelloComponent(realmName)));

            JsonElement components = await client.RemoteRouter.GetRouterComponentsAsync(Edge, worker);
            Assert.Equal(["hello1"], components.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            RouterComponent hello = await client.RemoteRouter.GetRouterComponentAsync(Edge, worker, "hello1");
            Assert.Equal("hello1", hello.Id);
            Assert.NotNull(hello.Started);
            Assert.True(hello.Uptime >= 0, $"uptime {hello.Uptime}");
            Assert.Equal("cbm_hello.Hello", hello.Config!.Value.GetProperty("classname").GetString());
            Assert.Equal(realmName, hello.Config!.Value.GetProperty("realm").GetString());

            // crossbar cannot stop a router component: refused before the wire, with what to do instead
            CfcNotSupportedException stop = await Assert.ThrowsAsync<CfcNotSupportedException>(() => client.RemoteRouter.StopRouterComponentAsync(Edge, worker, "hello1"));
            Assert.Contains("RemoteNode.StopWorkerAsync", stop.Message, StringComparison.Ordinal);

            // the role goes away
            RouterRealmRoleStopped role = await client.RemoteRouter.StopRouterRealmRoleAsync(Edge, worker, "realm1", "role1");
            Assert.Equal("role1", role.Id);
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteRouter.GetRouterRealmRoleAsync(Edge, worker, "realm1", "role1"));
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteRouter.StopRouterRealmRoleAsync(Edge, worker, "realm1", "role1"));
        }
        finally
        {
            await client.RemoteNode.StopWorkerAsync(Edge, worker);
        }
    }

    // A class component inside the router worker joins its realm over the worker's in-process transport.
    private static Dictionary<string, object?> HelloComponent(string realm) => new()
    {
        ["type"] = "class",
        ["classname"] = "cbm_hello.Hello",
        ["realm"] = realm,
        ["role"] = "anonymous",
    };
}
