using System.Reflection;
using Cfc.Client.Api;

namespace Cfc.Client.Tests.EndToEnd;

public class EndToEndCoverageTests
{
    private static readonly Type[] ApiGroups =
    [.. typeof(CfcClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.PropertyType)
        .Where(t => t.IsInterface && t.Namespace is not null && t.Namespace.StartsWith("Cfc.Client", StringComparison.Ordinal))
        // The Crossbar.io master's own API (client.Domain, client.Fleet) is walked against the real master in
        // tests/Cfc.Master.Tests; the fake walks the documents' groups. Master/CrossbarMasterOutcomeTests lists every member.
        .Where(t => t != typeof(IMasterDomain) && t != typeof(IMasterFleet))];

    [Fact]
    public void Every_api_group_of_CfcClient_has_an_end_to_end_walk()
    {
        Assert.Equal(11, ApiGroups.Length);
        Assert.Equal(ApiGroups.Select(t => t.Name).Order(), EndToEndCoverage.Exercised.Keys.Select(t => t.Name).Order());
    }

    [Fact]
    public void Every_method_and_event_of_every_api_group_is_exercised_end_to_end()
    {
        List<string> missing = [.. ApiGroups.SelectMany(api => EndToEndCoverage.MembersOf(api)
            .Where(m => !EndToEndCoverage.Exercised.GetValueOrDefault(api, []).Contains(m))
            .Select(m => $"{api.Name}.{m}"))];
        Assert.Empty(missing);
    }

    [Fact]
    public void The_lists_name_only_real_members()
    {
        foreach ((Type api, string[] members) in EndToEndCoverage.Exercised)
        {
            Assert.All(members, m => Assert.Contains(m, EndToEndCoverage.MembersOf(api)));
        }

        Assert.Contains(nameof(IRemoteRouterMeta.CallMetaAsync), EndToEndCoverage.Exercised[typeof(IRemoteRouterMeta)]);
    }
}
