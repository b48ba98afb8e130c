using Cfc.Client.Testing;

namespace Cfc.Client.Tests.Master;

/// <summary>
/// The typed client under CfcUriScheme.CrossbarMaster against FakeCfc serving the master's contract (the same contract
/// tests/Cfc.Master.Tests checks against the real master), and CfcUriScheme.Auto against the fake in every scheme.
/// </summary>
public sealed class CrossbarMasterOnFakeTests
{
    private const string User = "superuser";

    [Fact]
    public async Task Realms_and_pairing_work_by_name_and_node_id_and_their_events_carry_names()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex);
        await using CfcClient global = await ConnectAsync(fake, key, CfcRealms.Global, CfcUriScheme.CrossbarMaster);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var paired = new TaskCompletionSource<NodePairedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable sub = await global.ManagementRealms.OnNodePaired.SubscribeAsync(e => paired.TrySetResult(e), timeout.Token);

        ManagementRealmInfo realm = await global.ManagementRealms.CreateRealmAsync("lab1");
        using CryptosignKey nodeKey = CryptosignKey.Generate();
        NodePaired node = await global.ManagementRealms.PairNodeAsync(nodeKey.PublicKeyHex, "lab1", "node1");

        Assert.Equal("lab1", realm.Name);
        Assert.Contains("lab1", await global.ManagementRealms.GetRealmsAsync());
        Assert.Contains("default", await global.ManagementRealms.GetRealmsAsync());
        Assert.Equal(realm.Oid, (await global.ManagementRealms.GetRealmAsync("lab1")).Oid);
        NodePairedEvent e = await paired.Task.WaitAsync(timeout.Token);
        Assert.Equal(("lab1", "node1", node.Oid), (e.RealmName, e.NodeId, e.Details.Oid));
        await Assert.ThrowsAsync<CfcNotSupportedException>(() => global.ManagementRealms.GetRolesAsync("lab1"));

        await using CfcClient lab = await ConnectAsync(fake, key, "lab1", CfcUriScheme.CrossbarMaster);
        Assert.Equal(["node1"], await lab.ManagementRealm.GetNodesAsync());
        Assert.Equal(node.Oid, (await lab.ManagementRealm.GetNodeAsync("node1")).Oid);
    }

    [Fact]
    public async Task OnRealmDeleted_decodes_the_deletion_object_the_masters_code_publishes()
    {
        // The master publishes {oid, name, created, deleted, owner, caller, unpaired} (mrealm.py, delete_mrealm); crossbar
        // v22.6.1 never gets that far (its stop_realm bug), the fake without MasterStopRealmBug does.
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex);
        await using CfcClient global = await ConnectAsync(fake, key, CfcRealms.Global, CfcUriScheme.CrossbarMaster);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var deleted = new TaskCompletionSource<RealmDeletedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable sub = await global.ManagementRealms.OnRealmDeleted.SubscribeAsync(e => deleted.TrySetResult(e), timeout.Token);
        ManagementRealmInfo realm = await global.ManagementRealms.CreateRealmAsync("gone1", timeout.Token);
        using CryptosignKey nodeKey = CryptosignKey.Generate();
        NodePaired node = await global.ManagementRealms.PairNodeAsync(nodeKey.PublicKeyHex, "gone1", "node1", cancellationToken: timeout.Token);

        await global.ManagementRealms.DeleteRealmAsync("gone1", cascade: true, timeout.Token);
        RealmDeletedEvent e = await deleted.Task.WaitAsync(timeout.Token);

        Assert.Equal(("gone1", realm.Oid, "gone1", User), (e.RealmName, e.Details.Oid, e.Details.Name, e.Details.Caller));
        Assert.NotNull(e.Details.Created);
        Assert.NotNull(e.Details.Deleted);
        Assert.False(string.IsNullOrEmpty(e.Details.Owner));
        Assert.Equal([node.Oid!], e.Details.Unpaired!);
    }

    [Theory]
    [InlineData(CfcUriScheme.CrossbarMaster)]
    [InlineData(CfcUriScheme.Fabric)]
    [InlineData(CfcUriScheme.Legacy)]
    public async Task Auto_picks_the_scheme_the_fake_serves_on_the_global_and_a_management_realm(CfcUriScheme served)
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = served });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab1"] = ["owner"] });
        await using CfcClient global = await ConnectAsync(fake, key, CfcRealms.Global, CfcUriScheme.Auto);
        await using CfcClient lab = await ConnectAsync(fake, key, "lab1", CfcUriScheme.Auto);

        Assert.Equal(served, global.UriScheme);
        Assert.Equal(served, lab.UriScheme);
        Assert.NotNull(await global.System.GetStatusAsync());
        Assert.NotNull(await lab.ManagementRealm.GetStatusAsync());
    }

    [Fact]
    public async Task A_document_scheme_against_the_master_contract_names_the_scheme_that_fits()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex);
        await using CfcClient fabric = await ConnectAsync(fake, key, CfcRealms.Global, CfcUriScheme.Fabric);

        CfcNoSuchProcedureException e = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => fabric.ManagementRealms.GetRealmsAsync());

        Assert.Equal((CfcUriScheme.Fabric, CfcUriScheme.CrossbarMaster), (e.Scheme!.Value, e.SuggestedScheme!.Value));
        Assert.Equal("crossbarfabriccenter.mrealm.get_realms", e.Procedure);
        Assert.Contains("it speaks CfcUriScheme.CrossbarMaster", e.Message, StringComparison.Ordinal);
    }

    private static Task<CfcClient> ConnectAsync(FakeCfc fake, CryptosignKey key, string realm, CfcUriScheme scheme) =>
        CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = realm,
            Authenticator = CfcAuthenticator.Cryptosign(key, User),
            UriScheme = scheme,
        });
}
