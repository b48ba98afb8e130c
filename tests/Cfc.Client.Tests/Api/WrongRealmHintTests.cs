using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Api;

/// <summary>A missing callee caused by calling an API group on the wrong kind of realm says which realm to join.</summary>
public sealed class WrongRealmHintTests
{
    private const string NoSuchProcedure = "wamp.error.no_such_procedure";
    private const string ManagementHint = "remote and management-realm procedures live on a management realm";
    private const string GlobalHint = "global-realm procedures (System, ManagementRealms) live on the global realm";

    [Fact]
    public async Task A_remote_call_on_the_global_realm_hints_at_a_management_realm_via_the_session_realm()
    {
        var peer = new ScriptedWampClient
        {
            SessionDetails = Details(CfcRealms.Global),
            Responder = (uri, _) => throw new WampException(NoSuchProcedure, $"no callee registered for procedure <{uri}>"),
        };
        await using CfcClient client = CfcClient.Create(peer);

        CfcNoSuchProcedureException ex = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.RemoteNode.GetWorkersAsync("node1"));

        Assert.Equal(NoSuchProcedure, ex.ErrorUri);
        Assert.Contains("no callee registered for procedure", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            $": {ManagementHint}, not on the global realm {CfcRealms.Global}; connect with CfcClientOptions.Realm = \"<your management realm>\"",
            ex.Message,
            StringComparison.Ordinal);

        CfcNoSuchProcedureException meta = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.RemoteRouterMeta.CallMetaAsync("node1", "w", "r", "wamp.session.count"));
        Assert.Contains(ManagementHint, meta.Message, StringComparison.Ordinal);
        CfcNoSuchProcedureException own = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.ManagementRealm.GetStatusAsync());
        Assert.Contains(ManagementHint, own.Message, StringComparison.Ordinal);

        // The right realm for the procedure: no_such_procedure keeps its plain message.
        CfcNoSuchProcedureException global = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.System.GetStatusAsync());
        Assert.DoesNotContain("live on", global.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_global_call_on_a_management_realm_hints_at_the_global_realm_via_the_options_realm()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => throw new WampException(NoSuchProcedure, "no callee") };
        var options = new CfcClientOptions
        {
            Url = new Uri("ws://127.0.0.1:9/ws"),
            Realm = "mrealm1",
            Authenticator = CfcAuthenticator.Ticket("alice", "t"),
            UriScheme = CfcUriScheme.Legacy,
        };
        await using CfcClient client = await CfcClient.ConnectAsync(options, (_, _) => Task.FromResult<IWampClient>(peer), CancellationToken.None);

        CfcNoSuchProcedureException ex = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.ManagementRealms.CreateRealmAsync("r2"));

        Assert.EndsWith(
            $": {GlobalHint}, not on the management realm mrealm1; connect with CfcClientOptions.Realm = CfcRealms.Global (\"{CfcRealms.Global}\")",
            ex.Message,
            StringComparison.Ordinal);
        CfcNoSuchProcedureException offline = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => client.RemoteNode.GetWorkersAsync("node1"));
        Assert.DoesNotContain("live on", offline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_hint_for_other_errors_an_unknown_realm_or_a_procedure_both_realms_serve()
    {
        var peer = new ScriptedWampClient { SessionDetails = Details(CfcRealms.Global), Responder = (_, _) => throw new WampException("crossbar.error.no_such_object") };
        await using CfcClient client = CfcClient.Create(peer);
        CfcNotFoundException other = await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteNode.GetWorkersAsync("node1"));
        Assert.DoesNotContain("live on", other.Message, StringComparison.Ordinal);

        var unknown = new ScriptedWampClient { Responder = (_, _) => throw new WampException(NoSuchProcedure) };
        await using CfcClient unknownRealm = CfcClient.Create(unknown);
        CfcNoSuchProcedureException plain = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => unknownRealm.RemoteNode.GetWorkersAsync("node1"));
        Assert.DoesNotContain("live on", plain.Message, StringComparison.Ordinal);

        // crossbarfabriccenter.mrealm.get_nodes is both ManagementRealms.GetNodes and ManagementRealm.GetNodes.
        var shared = new ScriptedWampClient { SessionDetails = Details("mrealm1"), Responder = (_, _) => throw new WampException(NoSuchProcedure) };
        await using CfcClient sharedClient = CfcClient.Create(shared);
        CfcNoSuchProcedureException both = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => sharedClient.ManagementRealm.GetNodesAsync());
        Assert.DoesNotContain("live on", both.Message, StringComparison.Ordinal);
    }

    private static WampSessionDetails Details(string realm) => new(1, realm, "alice", "user", "cryptosign", WampJson.EmptyObject);
}
