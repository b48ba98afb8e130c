using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>
/// Shutting a node down through the master. It runs on an edge of its own, paired under its own node id to a management
/// realm of its own (and unpaired at the end), so the shared edge stays up and the node check loop of the shared realm
/// is not disturbed (crossbar v22.6.1 stops that loop for good when a realm's nodes change during a run). One
/// serializer: each run costs a fresh edge (about 10 s).
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class NodeShutdownTests(CrossbarMasterKit kit)
{
    [Fact]
    public async Task A_node_shut_down_through_the_master_ends_its_process_and_goes_offline()
    {
        Assert.False(kit.IsExternal, "this test starts an edge node of its own; it needs the kit-started master");
        string nodeId = $"edge-sd-{Guid.NewGuid():N}"[..16];
        string realm = $"sd{Guid.NewGuid():N}"[..12];
        await using CrossbarMasterEdge edge = await kit.StartExtraEdgeAsync(nodeId, realm);
        await using CfcClient client = await MasterClients.ConnectAsync(kit, realm, "json");
        try
        {
            Assert.Equal(nodeId, (await client.RemoteNode.GetStatusAsync(nodeId)).ManagementNodeId);

            NodeShutdown shutdown = await client.RemoteNode.ShutdownAsync(nodeId);

            Assert.Equal(nodeId, shutdown.NodeId);
            Assert.True(await edge.WaitForExitAsync(MasterClients.Operation), $"the node process {edge.Pid} still runs after ShutdownAsync");
            Assert.Contains("Node shutdown requested", edge.ReadLog(), StringComparison.Ordinal);
            await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.RemoteNode.GetStatusAsync(nodeId));
        }
        finally
        {
            if (edge.PublicKey is { } pubkey)
            {
                await using CfcClient global = await MasterClients.ConnectAsync(kit, CfcRealms.Global, "json");
                await global.ManagementRealms.UnpairNodeAsync(pubkey);
            }
        }
    }
}
