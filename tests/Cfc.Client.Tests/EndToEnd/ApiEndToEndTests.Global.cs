using Cfc.Client.Api;

namespace Cfc.Client.Tests.EndToEnd;

/// <summary>
/// Walks every typed method and event of Cfc.Client against FakeCfc through a real CfcClient over a real WebSocket.
/// One subclass per (URI scheme, serializer), each with its own FakeCfc; one test per API group.
/// </summary>
public abstract partial class ApiEndToEndTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EndToEndFixture
{
    protected TFixture Fx { get; } = fixture;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task System_status_and_ticks()
    {
        var walk = new ApiWalk(typeof(IFabricSystem));
        using EventRecorder<TickEvent> ticks = walk.Did(nameof(IFabricSystem.OnTick), Fx.Global.System.OnTick).Record();

        SystemStatus status = await walk.Did(nameof(IFabricSystem.GetStatusAsync), Fx.Global.System.GetStatusAsync());

        Assert.Equal("v17.8.1", status.Version);
        Assert.Equal(CfcRealms.Global, status.Realm);
        Assert.False(string.IsNullOrEmpty(status.Nonce));
        Assert.True(status.Now > DateTimeOffset.UtcNow.AddMinutes(-1));
        TickEvent tick = await ticks.WaitAsync(t => t.Tick > status.Tick);
        Assert.True(tick.Now >= status.Now);
        walk.AssertComplete();
    }

    [Fact]
    public async Task Management_realms_roles_and_pairing_with_their_events()
    {
        var walk = new ApiWalk(typeof(IManagementRealms));
        IManagementRealms api = Fx.Global.ManagementRealms;
        using EventRecorder<RealmCreatingEvent> creating = walk.Did(nameof(api.OnRealmCreating), api.OnRealmCreating).Record();
        using EventRecorder<RealmCreatedEvent> created = walk.Did(nameof(api.OnRealmCreated), api.OnRealmCreated).Record();
        using EventRecorder<RealmDeletingEvent> deleting = walk.Did(nameof(api.OnRealmDeleting), api.OnRealmDeleting).Record();
        using EventRecorder<RealmDeletedEvent> deleted = walk.Did(nameof(api.OnRealmDeleted), api.OnRealmDeleted).Record();
        using EventRecorder<RoleGrantedEvent> granted = walk.Did(nameof(api.OnRoleGranted), api.OnRoleGranted).Record();
        using EventRecorder<RoleRevokedEvent> revoked = walk.Did(nameof(api.OnRoleRevoked), api.OnRoleRevoked).Record();
        using EventRecorder<NodePairedEvent> paired = walk.Did(nameof(api.OnNodePaired), api.OnNodePaired).Record();
        using EventRecorder<NodeUnpairedEvent> unpaired = walk.Did(nameof(api.OnNodeUnpaired), api.OnNodeUnpaired).Record();
        string realm = Unique("mr");

        ManagementRealmInfo info = await walk.Did(nameof(api.CreateRealmAsync), api.CreateRealmAsync(realm));
        Assert.Equal(realm, info.Name);
        Assert.Equal(EndToEndFixture.Alice, info.Owner);
        Assert.False(string.IsNullOrEmpty(info.Oid));
        Assert.Equal(realm, (await creating.WaitAsync(e => e.RealmName == realm)).RealmName);
        Assert.Equal(info.Oid, (await created.WaitAsync(e => e.RealmName == realm)).Details.Oid);
        Assert.Contains(realm, await walk.Did(nameof(api.GetRealmsAsync), api.GetRealmsAsync()));
        Assert.Equal(info.Oid, (await walk.Did(nameof(api.GetRealmAsync), api.GetRealmAsync(realm))).Oid);

        await walk.Did(nameof(api.GrantRoleAsync), api.GrantRoleAsync(realm, EndToEndFixture.Bob, CfcRole.Admin));
        RoleGrantedEvent grant = await granted.WaitAsync(e => e.RealmName == realm);
        Assert.Equal(EndToEndFixture.Bob, grant.UserId);
        IReadOnlyDictionary<string, IReadOnlyList<string>> roles = await walk.Did(nameof(api.GetRolesAsync), api.GetRolesAsync(realm));
        Assert.Contains("owner", roles[EndToEndFixture.Alice]);
        Assert.Contains("admin", roles[EndToEndFixture.Bob]);
        await walk.Did(nameof(api.RevokeRoleAsync), api.RevokeRoleAsync(realm, EndToEndFixture.Bob, CfcRole.Admin));
        Assert.Equal(EndToEndFixture.Bob, (await revoked.WaitAsync(e => e.RealmName == realm)).UserId);
        Assert.False((await api.GetRolesAsync(realm)).ContainsKey(EndToEndFixture.Bob));

        using CryptosignKey nodeKey = CryptosignKey.Generate();
        NodePaired pairedNode = await walk.Did(nameof(api.PairNodeAsync), api.PairNodeAsync(nodeKey.PublicKeyHex, realm, "edge1", new Dictionary<string, object?> { ["site"] = "lab" }));
        Assert.Equal(nodeKey.PublicKeyHex, pairedNode.Pubkey);
        NodePairedEvent pairedEvent = await paired.WaitAsync(e => e.RealmName == realm);
        Assert.Equal("edge1", pairedEvent.NodeId);
        Assert.Contains("edge1", await walk.Did(nameof(api.GetNodesAsync), api.GetNodesAsync()));
        NodeInfo node = await walk.Did(nameof(api.GetNodeAsync), api.GetNodeAsync("edge1"));
        Assert.Equal(nodeKey.PublicKeyHex, node.Pubkey);
        Assert.Equal("edge1", node.AuthId);
        Assert.Equal(info.Oid, node.MrealmOid);

        NodeUnpaired unpairedNode = await walk.Did(nameof(api.UnpairNodeAsync), api.UnpairNodeAsync(nodeKey.PublicKeyHex));
        Assert.Equal(node.Oid, unpairedNode.Oid);
        Assert.Equal("edge1", (await unpaired.WaitAsync(e => e.RealmName == realm)).NodeId);
        Assert.DoesNotContain("edge1", await api.GetNodesAsync());

        RealmDeleted gone = await walk.Did(nameof(api.DeleteRealmAsync), api.DeleteRealmAsync(realm, cascade: true));
        Assert.Equal(realm, gone.Name);
        Assert.Equal(realm, (await deleting.WaitAsync(e => e.RealmName == realm)).RealmName);
        Assert.Equal(info.Oid, (await deleted.WaitAsync(e => e.RealmName == realm)).Details.Oid);
        Assert.DoesNotContain(realm, await api.GetRealmsAsync());
        walk.AssertComplete();
    }

    [Fact]
    public async Task Management_realm_status_and_nodes()
    {
        var walk = new ApiWalk(typeof(IManagementRealm));
        string realm = Unique("mr");
        await using CfcClient mrealm = await Fx.ManagementRealmWithNodeAsync(realm);

        ManagementRealmStatus status = await walk.Did(nameof(IManagementRealm.GetStatusAsync), mrealm.ManagementRealm.GetStatusAsync());
        Assert.Equal(realm, status.Realm);
        Assert.NotNull(status.Now);
        Assert.Equal(["node1"], await walk.Did(nameof(IManagementRealm.GetNodesAsync), mrealm.ManagementRealm.GetNodesAsync()));
        NodeInfo node = await walk.Did(nameof(IManagementRealm.GetNodeAsync), mrealm.ManagementRealm.GetNodeAsync("node1"));
        Assert.Equal("node1", node.AuthId);
        Assert.Equal("online", node.Status);
        walk.AssertComplete();
    }
}
