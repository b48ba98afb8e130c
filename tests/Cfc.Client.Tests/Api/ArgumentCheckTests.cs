using Cfc.Client.Tests.Fakes;

namespace Cfc.Client.Tests.Api;

/// <summary>Bad input is refused with an ArgumentException naming the parameter, before anything goes on the wire.</summary>
public sealed class ArgumentCheckTests
{
    private static readonly string GoodKey = new('a', 64);
    private static readonly Dictionary<string, object?> Config = new() { ["type"] = "router" };

    public static TheoryData<string, Func<CfcClient, Task>, string> Cases => new()
    {
        { "empty realm", c => c.ManagementRealms.CreateRealmAsync(""), "realmName" },
        { "white-space realm", c => c.ManagementRealms.DeleteRealmAsync("  "), "realmName" },
        { "null realm", c => c.ManagementRealms.GetRealmAsync(null!), "realmName" },
        { "empty node id", c => c.RemoteNode.GetWorkersAsync(""), "nodeId" },
        { "empty worker id", c => c.RemoteWorker.GetStatusAsync("n", ""), "workerId" },
        { "empty user id", c => c.ManagementRealms.GrantRoleAsync("r", "", CfcRole.Admin), "userId" },
        { "unknown role", c => c.ManagementRealms.RevokeRoleAsync("r", "u", (CfcRole)42), "roleName" },
        { "short pubkey", c => c.ManagementRealms.PairNodeAsync(new string('a', 63), "r", "n"), "pubkey" },
        { "non-hex pubkey", c => c.ManagementRealms.UnpairNodeAsync(new string('g', 64)), "pubkey" },
        { "pair: empty node id", c => c.ManagementRealms.PairNodeAsync(GoodKey, "r", ""), "nodeId" },
        { "null config", c => c.RemoteRouter.StartRouterRealmAsync("n", "w", "realm1", null!), "realmConfig" },
        { "unsupported config value", c => c.RemoteNode.StartWorkerAsync("n", "w", new Dictionary<string, object?> { ["x"] = new object() }), "config" },
        { "NaN in config", c => c.RemoteDocker.StartDockerContainerAsync("n", null, new Dictionary<string, object?> { ["cpu"] = double.NaN }), "containerConfig" },
        { "empty optional trace id", c => c.RemoteTracing.StartRouterTraceAsync("n", "w", "", Config), "traceId" },
        { "negative limit", c => c.RemoteTracing.GetRouterTraceDataAsync("n", "w", "t", 0, null, -1), "limit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_before_the_wire(string what, Func<CfcClient, Task> call, string parameter)
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);

        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => { _ = call(client); });

        Assert.True(parameter == ex.ParamName, $"{what}: expected parameter {parameter}, got {ex.ParamName} ({ex.Message})");
        Assert.Empty(peer.Calls);
    }

    [Fact]
    public void Role_names_round_trip_and_unknown_names_are_refused()
    {
        foreach (CfcRole role in Enum.GetValues<CfcRole>())
        {
            Assert.Equal(role, CfcRoles.Parse(CfcRoles.ToWire(role)));
        }

        Assert.Equal(["guest", "developer", "operator", "admin", "owner"], CfcRoles.All);
        Assert.Equal(CfcRole.Owner, CfcRoles.Parse("OWNER"));
        ArgumentException ex = Assert.Throws<ArgumentException>(() => CfcRoles.Parse("superuser"));
        Assert.Contains("guest, developer, operator, admin, owner", ex.Message);
    }

    [Fact]
    public async Task Public_keys_are_sent_in_lowercase()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);

        await client.ManagementRealms.UnpairNodeAsync(new string('A', 64));

        Assert.Equal($"[\"{new string('a', 64)}\"]", Payload.ArgsJson(peer.Calls[0].Payload));
    }
}
