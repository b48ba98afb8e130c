namespace Cfc.Client.Tests.Api;

/// <summary><see cref="CfcWireUris"/>: the public lookup a peer serving the CFC API (the fake) uses instead of writing URIs again.</summary>
public sealed class WireUrisTests
{
    [Theory]
    [InlineData(CfcUriScheme.Fabric, "System", "get_status", "crossbarfabriccenter.system.get_status")]
    [InlineData(CfcUriScheme.Legacy, "System", "get_status", "cfc.get_status")]
    [InlineData(CfcUriScheme.CrossbarMaster, "System", "get_status", "crossbarfabriccenter.domain.get_status")]
    [InlineData(CfcUriScheme.Legacy, "RemoteNode", "get_status", "cfc.remote.node.get_status")]
    public void A_seed_name_of_a_group_has_one_uri_per_scheme(CfcUriScheme scheme, string group, string name, string uri) =>
        Assert.Equal(uri, CfcWireUris.Find(scheme, group, name));

    [Fact]
    public void A_name_outside_the_table_has_no_uri_but_the_group_prefix_serves_it()
    {
        Assert.Null(CfcWireUris.Find(CfcUriScheme.Legacy, "RemoteNode", "no_such_procedure"));
        Assert.Equal("cfc.remote.node.", CfcWireUris.GroupPrefix(CfcUriScheme.Legacy, "RemoteNode"));
    }

    [Fact]
    public void Auto_is_no_table_of_its_own() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CfcWireUris.Find(CfcUriScheme.Auto, "System", "get_status"));
}
