using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.EndToEnd;

/// <summary>Authentication and error mapping against FakeCfc over a real WebSocket (json, Fabric).</summary>
public class AuthAndErrorEndToEndTests(FabricJsonFixture fx) : IClassFixture<FabricJsonFixture>
{
    [Fact]
    public async Task Cryptosign_with_an_unknown_key_is_refused_with_CfcAuthenticationException()
    {
        using CryptosignKey stranger = CryptosignKey.Generate();

        CfcAuthenticationException e = await Assert.ThrowsAsync<CfcAuthenticationException>(() => fx.ConnectAsync(CfcRealms.Global, stranger, null));

        Assert.Equal("wamp.error.not_authorized", e.ErrorUri);
    }

    [Fact]
    public async Task A_known_key_claiming_another_authid_is_refused()
    {
        await Assert.ThrowsAsync<CfcAuthenticationException>(() => fx.ConnectAsync(CfcRealms.Global, fx.BobKey, EndToEndFixture.Alice));
    }

    [Fact]
    public async Task Anonymous_is_refused_because_CFC_is_cryptosign_only()
    {
        await Assert.ThrowsAsync<CfcAuthenticationException>(() => CfcClient.ConnectAsync(new CfcClientOptions { Url = fx.Fake.Url, Connection = new() { ConnectTimeout = TimeSpan.FromSeconds(10) } }));
    }

    [Fact]
    public async Task A_user_without_a_role_cannot_join_a_management_realm_and_unknown_realms_do_not_exist()
    {
        string realm = $"err-{Guid.NewGuid():N}"[..16];
        await fx.Global.ManagementRealms.CreateRealmAsync(realm);

        await Assert.ThrowsAsync<CfcAuthenticationException>(() => fx.ConnectAsync(realm, fx.BobKey, EndToEndFixture.Bob));
        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => fx.ConnectAsync("no-such-realm", fx.AliceKey, EndToEndFixture.Alice));
        Assert.Equal("wamp.error.no_such_realm", e.ErrorUri);
    }

    [Fact]
    public async Task Errors_map_to_the_CfcException_subtypes()
    {
        string realm = $"err-{Guid.NewGuid():N}"[..16];
        await fx.Global.ManagementRealms.CreateRealmAsync(realm);

        await Assert.ThrowsAsync<CfcAlreadyExistsException>(() => fx.Global.ManagementRealms.CreateRealmAsync(realm));
        await Assert.ThrowsAsync<CfcNotFoundException>(() => fx.Global.ManagementRealms.GetRealmAsync("missing-realm"));
        await Assert.ThrowsAsync<CfcInvalidArgumentException>(() => fx.Global.ManagementRealms.RevokeRoleAsync(realm, EndToEndFixture.Alice, CfcRole.Owner));

        await using CfcClient bob = await fx.ConnectAsync(CfcRealms.Global, fx.BobKey, EndToEndFixture.Bob);
        await fx.Global.ManagementRealms.GrantRoleAsync(realm, EndToEndFixture.Bob, CfcRole.Guest);
        await Assert.ThrowsAsync<CfcNotAuthorizedException>(() => bob.ManagementRealms.DeleteRealmAsync(realm));
    }

    [Fact]
    public async Task Calling_an_api_group_on_the_wrong_realm_says_which_realm_to_join()
    {
        CfcNoSuchProcedureException remote = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => fx.Global.RemoteNode.GetWorkersAsync("node1"));
        Assert.Equal("wamp.error.no_such_procedure", remote.ErrorUri);
        Assert.Contains("remote and management-realm procedures live on a management realm", remote.Message, StringComparison.Ordinal);
        Assert.Contains("CfcClientOptions.Realm = \"<your management realm>\"", remote.Message, StringComparison.Ordinal);

        string realm = $"hint-{Guid.NewGuid():N}"[..16];
        await using CfcClient inside = await fx.ManagementRealmWithNodeAsync(realm);
        CfcNoSuchProcedureException global = await Assert.ThrowsAsync<CfcNoSuchProcedureException>(() => inside.ManagementRealms.GetRealmsAsync());
        Assert.Equal("wamp.error.no_such_procedure", global.ErrorUri);
        Assert.Contains($"live on the global realm, not on the management realm {realm}", global.Message, StringComparison.Ordinal);
        Assert.Contains("CfcClientOptions.Realm = CfcRealms.Global", global.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_realm_ends_the_sessions_on_it()
    {
        string realm = $"del-{Guid.NewGuid():N}"[..16];
        await fx.Global.ManagementRealms.CreateRealmAsync(realm);
        await using CfcClient inside = await fx.ConnectAsync(realm, fx.AliceKey, EndToEndFixture.Alice);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = inside.StateChanges.Subscribe(new StateObserver(s =>
        {
            if (s is CfcConnectionState.Disconnected or CfcConnectionState.Failed)
            {
                ended.TrySetResult();
            }
        }));

        await fx.Global.ManagementRealms.DeleteRealmAsync(realm);

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class StateObserver(Action<CfcConnectionState> onNext) : IObserver<CfcConnectionState>
    {
        public void OnNext(CfcConnectionState value) => onNext(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
