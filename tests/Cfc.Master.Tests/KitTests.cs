using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Master.Tests;

/// <summary>The kit started a real master with a paired, connected edge and told us how to reach them.</summary>
[Collection(MasterCollection.Name)]
public sealed class KitTests(CrossbarMasterKit kit)
{
    [Fact]
    public void The_kit_reports_the_master_and_the_paired_edge()
    {
        Assert.Equal("ws", kit.MasterUrl.Scheme);
        Assert.Equal("127.0.0.1", kit.MasterUrl.Host);
        Assert.True(File.Exists(kit.SuperuserKeyFile), kit.SuperuserKeyFile);
        Assert.Matches("^[0-9a-f]{64}$", kit.SuperuserPublicKey);
        Assert.False(string.IsNullOrEmpty(kit.EdgeManagementRealm));
        Assert.False(string.IsNullOrEmpty(kit.EdgeAuthId));
        if (!kit.IsExternal)
        {
            Assert.Matches("^[0-9a-f-]{36}$", kit.EdgeNodeOid);
            Assert.True(Directory.Exists(kit.RunDirectory));
        }
    }

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task The_superuser_joins_the_global_realm_and_the_domain_answers(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, CfcRealms.Global, serializer, CfcUriScheme.Fabric);
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        WampResult result = await client.Wamp.CallAsync("crossbarfabriccenter.domain.get_status", WampPayload.Empty, null, timeout.Token);
        Assert.Equal("domain", result.Payload[0].GetProperty("type").GetString());
    }
}
