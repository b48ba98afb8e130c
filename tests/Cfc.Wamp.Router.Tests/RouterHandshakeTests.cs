using System.Text.Json;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterHandshakeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hello_is_welcomed_anonymously_with_the_implemented_features(bool webSocket)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket);
        RawPeer peer = await bed.ConnectAsync();

        JsonElement welcome = await peer.HelloAsync("realm1");

        Assert.Equal(2, welcome[0].GetInt32());
        long session = welcome[1].GetInt64();
        Assert.InRange(session, 1, 9007199254740992L);
        JsonElement details = welcome[2];
        Assert.Equal("realm1", details.GetProperty("realm").GetString());
        Assert.Equal("anonymous", details.GetProperty("authmethod").GetString());
        Assert.Equal("anonymous", details.GetProperty("authrole").GetString());
        Assert.False(string.IsNullOrEmpty(details.GetProperty("authid").GetString()));
        JsonElement dealer = details.GetProperty("roles").GetProperty("dealer").GetProperty("features");
        JsonElement broker = details.GetProperty("roles").GetProperty("broker").GetProperty("features");
        Assert.True(dealer.GetProperty("progressive_call_results").GetBoolean());
        Assert.True(dealer.GetProperty("call_canceling").GetBoolean());
        Assert.True(dealer.GetProperty("shared_registration").GetBoolean());
        Assert.True(broker.GetProperty("pattern_based_subscription").GetBoolean());
        Assert.True(broker.GetProperty("publisher_exclusion").GetBoolean());
        Assert.Contains("realm1", bed.Router.Realms);
        await bed.WaitForSessionCountAsync(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Goodbye_is_answered_with_goodbye_and_out_then_the_connection_closes(bool webSocket)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket);
        RawPeer peer = await bed.JoinAsync();

        await peer.SendAsync("""[6,{},"wamp.close.normal"]""");

        JsonElement goodbye = await peer.ExpectAsync(6);
        Assert.Equal("wamp.close.goodbye_and_out", goodbye[2].GetString());
        await peer.ExpectClosedAsync();
        await bed.WaitForSessionCountAsync(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_second_hello_after_join_is_a_protocol_violation(bool webSocket)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket);
        RawPeer peer = await bed.JoinAsync();

        await peer.SendAsync($$"""[1,"realm1",{"roles":{{RawPeer.AllRoles}}}]""");

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.protocol_violation", abort[2].GetString());
        Assert.False(string.IsNullOrEmpty(abort[1].GetProperty("message").GetString()));
        await peer.ExpectClosedAsync();
        await bed.WaitForSessionCountAsync(0);
    }

    [Theory]
    [InlineData("""[48,1,{},"com.example.proc"]""")]
    [InlineData("""[1,"realm1",{}]""")]
    [InlineData("""[1,"realm1",{"roles":{}}]""")]
    [InlineData("""[1,"realm1",{"roles":{"waiter":{}}}]""")]
    [InlineData("""[1,"realm1",{"roles":{"caller":{"features":{"call_canceling":1}}}}]""")]
    [InlineData("""[1,"bad realm",{"roles":{"caller":{}}}]""")]
    [InlineData("""[999,1]""")]
    [InlineData("""not json""")]
    public async Task Bad_opening_messages_are_aborted_as_protocol_violations(string frame)
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket: false);
        RawPeer peer = await bed.ConnectAsync();

        await peer.SendAsync(frame);

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.protocol_violation", abort[2].GetString());
        await peer.ExpectClosedAsync();
    }

    [Fact]
    public async Task Router_only_messages_from_a_joined_client_are_protocol_violations()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket: false);
        RawPeer peer = await bed.JoinAsync();

        await peer.SendAsync("""[36,1,2,{}]""");

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.protocol_violation", abort[2].GetString());
        await peer.ExpectClosedAsync();
    }

    [Fact]
    public async Task Unknown_realm_is_refused_when_realms_are_not_created_on_demand()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false, new WampRouterOptions { AutoCreateRealms = false },
            r => r.AddRealm(new WampRealmOptions("known")));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement abort = await peer.HelloAsync("unknown");

        Assert.Equal(3, abort[0].GetInt32());
        Assert.Equal("wamp.error.no_such_realm", abort[2].GetString());
        await peer.ExpectClosedAsync();

        RawPeer other = await bed.ConnectAsync();
        await other.JoinAsync("known");
    }

    [Fact]
    public async Task A_realm_without_a_usable_method_aborts_with_no_auth_method()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false, configure: r =>
            r.AddRealm(new WampRealmOptions("secure") { Authenticator = new WampRouterCredentials().AddTicket("alice", "t") }));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement abort = await peer.HelloAsync("secure");

        Assert.Equal(3, abort[0].GetInt32());
        Assert.Equal("wamp.error.no_auth_method", abort[2].GetString());
    }

    [Fact]
    public async Task Session_ids_are_distinct_and_the_client_is_cleaned_up_on_disconnect()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(webSocket: false);
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();
        Assert.NotEqual(a.SessionId, b.SessionId);
        await bed.WaitForSessionCountAsync(2);

        await a.DisposeAsync();

        await bed.WaitForSessionCountAsync(1);
    }
}
