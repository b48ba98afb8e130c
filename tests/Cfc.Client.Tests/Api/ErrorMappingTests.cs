using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Api;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData("crossbar.error.no_such_object", typeof(CfcNotFoundException))]
    [InlineData("wamp.error.no_such_procedure", typeof(CfcNoSuchProcedureException))]
    [InlineData("fabric.no-such-realm", typeof(CfcNotFoundException))]
    [InlineData("fabric.node-not-paired", typeof(CfcNotFoundException))]
    [InlineData("crossbar.error.no_such_worker", typeof(CfcNotFoundException))]
    [InlineData("crossbar.error.already_exists", typeof(CfcAlreadyExistsException))]
    [InlineData("fabric.node-already-paired", typeof(CfcAlreadyExistsException))]
    [InlineData("fabric.realm-already-exists", typeof(CfcAlreadyExistsException))]
    [InlineData("wamp.error.not_authorized", typeof(CfcNotAuthorizedException))]
    [InlineData("fabric.not-authorized", typeof(CfcNotAuthorizedException))]
    [InlineData("wamp.error.authorization_failed", typeof(CfcNotAuthorizedException))]
    [InlineData("wamp.error.invalid_argument", typeof(CfcInvalidArgumentException))]
    [InlineData("fabric.invalid-realm", typeof(CfcInvalidArgumentException))]
    [InlineData("wamp.error.type_check_error", typeof(CfcInvalidArgumentException))]
    [InlineData("crossbar.error.dependent_objects", typeof(CfcException))]
    [InlineData("wamp.error.runtime_error", typeof(CfcException))]
    public async Task Server_errors_map_to_the_type_callers_branch_on(string uri, Type expected)
    {
        var peer = new ScriptedWampClient
        {
            Responder = (_, _) => throw new WampException(uri, payload: new WampPayloadBuilder().Add("the server's reason").Keyword("realm", "r1").Build()),
        };
        await using CfcClient client = CfcClient.Create(peer);

        CfcException ex = await Assert.ThrowsAnyAsync<CfcException>(() => client.ManagementRealms.CreateRealmAsync("r1"));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal(uri, ex.ErrorUri);
        Assert.Contains("crossbarfabriccenter.mrealm.create_realm", ex.Message);
        Assert.Contains(uri, ex.Message);
        Assert.Contains("the server's reason", ex.Message);
        Assert.Equal("the server's reason", ex.Arguments!.Value[0].GetString());
        Assert.Equal("r1", ex.ArgumentsKeywords!.Value.GetProperty("realm").GetString());
        Assert.IsType<WampException>(ex.InnerException);
    }

    [Fact]
    public async Task Local_failures_map_to_connection_lost_timeout_and_authentication()
    {
        Exception? next = null;
        var peer = new ScriptedWampClient { Responder = (_, _) => throw next! };
        await using CfcClient client = CfcClient.Create(peer);

        next = new WampConnectionLostException("socket closed");
        var lost = await Assert.ThrowsAsync<CfcConnectionLostException>(() => client.System.GetStatusAsync());
        Assert.Contains("socket closed", lost.Message);

        next = new WampTimeoutException("no result after 60 s");
        var timeout = await Assert.ThrowsAsync<CfcTimeoutException>(() => client.System.GetStatusAsync());
        Assert.Equal(WampTimeoutException.Uri, timeout.ErrorUri);

        next = new WampAuthenticationException("fabric.auth-failed.node-unpaired", "node is not paired");
        await Assert.ThrowsAsync<CfcAuthenticationException>(() => client.System.GetStatusAsync());
    }

    [Fact]
    public async Task Cancellation_passes_through_unchanged()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RemoteNode.GetStatusAsync("n1", cts.Token));

        peer.Responder = (_, _) => throw new OperationCanceledException();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RemoteNode.GetStatusAsync("n1"));
    }

    [Fact]
    public void Auth_failed_reasons_from_abort_are_authentication_errors()
    {
        CfcException ex = CfcErrors.Map(new WampException("fabric.auth-failed.new-user-auth-code-sent", "check your mail"), "Connecting");
        Assert.IsType<CfcAuthenticationException>(ex);
        Assert.StartsWith("Connecting failed with fabric.auth-failed.new-user-auth-code-sent", ex.Message);
    }
}
