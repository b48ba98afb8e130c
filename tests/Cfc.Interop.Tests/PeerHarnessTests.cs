using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cfc.Interop.Tests.Harness;

namespace Cfc.Interop.Tests;

/// <summary>
/// Checks the harness itself, without our client: the router launcher answers raw WAMP and authenticates
/// autobahn-js, so a failing client test points at our client and not at the harness.
/// </summary>
[Collection(FoxWampCollection.Name)]
public sealed class PeerHarnessTests(FoxWampRouterFixture router)
{
    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(InteropSecrets.Realm)]
    [InlineData(InteropSecrets.DottedRealm)]
    public async Task Raw_hello_is_welcomed_on_a_created_realm(string realm)
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        using ClientWebSocket ws = await OpenAsync(router.AnonymousUrl, cts.Token);

        await SendAsync(ws, """[1,"REALM",{"roles":{"caller":{}}}]""".Replace("REALM", realm, StringComparison.Ordinal), cts.Token);
        JsonElement welcome = await ReceiveAsync(ws, cts.Token);

        Assert.Equal(2, welcome[0].GetInt32());
        Assert.True(welcome[1].GetInt64() > 0);
        Assert.Equal(realm, welcome[2].GetProperty("realm").GetString());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Raw_hello_for_an_unknown_realm_is_aborted_and_the_router_survives()
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        using (ClientWebSocket ws = await OpenAsync(router.AnonymousUrl, cts.Token))
        {
            await SendAsync(ws, """[1,"com.example.unknown",{"roles":{"caller":{}}}]""", cts.Token);
            JsonElement abort = await ReceiveAsync(ws, cts.Token);
            Assert.Equal(3, abort[0].GetInt32());
            Assert.Equal("wamp.error.no_such_realm", abort[2].GetString());
        }

        using ClientWebSocket again = await OpenAsync(router.AnonymousUrl, cts.Token);
        await SendAsync(again, """[1,"realm1",{"roles":{"caller":{}}}]""", cts.Token);
        Assert.Equal(2, (await ReceiveAsync(again, cts.Token))[0].GetInt32());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Raw_result_carries_fox_wamps_null_keyword_arguments()
    {
        // The quirk our client must tolerate (autobahn-python does not): RESULT [50, id, {}, [n], null].
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        using ClientWebSocket ws = await OpenAsync(router.AnonymousUrl, cts.Token);
        await SendAsync(ws, """[1,"realm1",{"roles":{"caller":{}}}]""", cts.Token);
        Assert.Equal(2, (await ReceiveAsync(ws, cts.Token))[0].GetInt32());

        await SendAsync(ws, """[48,7,{},"wamp.session.count"]""", cts.Token);
        JsonElement result = await ReceiveAsync(ws, cts.Token);

        Assert.Equal(50, result[0].GetInt32());
        Assert.Equal(7, result[1].GetInt64());
        Assert.Equal(JsonValueKind.Number, result[3][0].ValueKind);
        Assert.Equal(5, result.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result[4].ValueKind);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Autobahn_js_caller_reaches_autobahn_js_callee()
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        await using PeerProcess caller = router.StartPeer("caller.js", "--procedure", prefix + "add2", "--args", "[20,22]");

        JsonElement result = await caller.ExpectAsync("result");

        Assert.Equal(42, result.GetProperty("args")[0].GetInt32());
    }

    public static TheoryData<string, string, string> AutobahnJsLogins => new()
    {
        { "ticket", InteropSecrets.TicketUser, InteropSecrets.Ticket },
        { "wampcra", InteropSecrets.CraUser, InteropSecrets.CraSecret },
        { "wampcra", InteropSecrets.SaltedCraUser, InteropSecrets.SaltedCraSecret },
        { "cryptosign", InteropSecrets.CryptosignUser, InteropSecrets.CryptosignSeedHex },
    };

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [MemberData(nameof(AutobahnJsLogins))]
    public async Task Autobahn_js_authenticates_with_the_router_launcher(string method, string authId, string secret)
    {
        await using PeerProcess caller = InteropPeers.StartNode(
            "caller.js", "--url", router.AuthUrl.ToString(), "--realm", InteropSecrets.Realm,
            "--authmethod", method, "--authid", authId, "--secret", secret, "--procedure", "wamp.session.count");

        JsonElement result = await caller.ExpectAsync("result");

        Assert.Equal(JsonValueKind.Number, result.GetProperty("args")[0].ValueKind);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("ticket", InteropSecrets.TicketUser, "wrong")]
    [InlineData("wampcra", InteropSecrets.SaltedCraUser, "wrong")]
    [InlineData("cryptosign", "", InteropSecrets.UnknownCryptosignSeedHex)]
    public async Task Autobahn_js_with_a_wrong_secret_is_refused(string method, string authId, string secret)
    {
        await using PeerProcess caller = InteropPeers.StartNode(
            "caller.js", "--url", router.AuthUrl.ToString(), "--realm", InteropSecrets.Realm,
            "--authmethod", method, "--authid", authId.Length == 0 ? "nobody" : authId, "--secret", secret, "--procedure", "wamp.session.count");

        JsonElement closed = await caller.NextAsync();

        Assert.Equal(InteropSecrets.AuthenticationFailed, closed.GetProperty("reason").GetString());
    }

    private static async Task<ClientWebSocket> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol("wamp.2.json");
        await ws.ConnectAsync(url, cancellationToken);
        Assert.Equal("wamp.2.json", ws.SubProtocol);
        return ws;
    }

    private static Task SendAsync(ClientWebSocket ws, string json, CancellationToken cancellationToken) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket ws, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int length = 0;
        while (true)
        {
            ValueWebSocketReceiveResult r = await ws.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, r.MessageType);
            length += r.Count;
            if (r.EndOfMessage)
            {
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
                return doc.RootElement.Clone();
            }
        }
    }
}
