using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class HandshakeTests
{
    [Fact(Timeout = 20000)]
    public async Task Hello_names_the_realm_agent_and_only_the_implemented_role_features()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { Agent = "test-agent/1" });
        HelloMessage hello = await transport.NextAsync<HelloMessage>();
        transport.Push($"[2, {TestRouter.SessionId}, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.Within();

        Assert.Equal("realm1", hello.Realm);
        Assert.Equal("test-agent/1", hello.Details.GetProperty("agent").GetString());
        JsonElement roles = hello.Details.GetProperty("roles");
        Assert.Equal(["caller_identification", "progressive_call_results", "call_canceling"], Features(roles, "caller"));
        Assert.Equal(["caller_identification", "pattern_based_registration", "shared_registration", "progressive_call_results", "registration_revocation", "call_canceling"], Features(roles, "callee"));
        Assert.Equal(["publisher_identification", "subscriber_blackwhite_listing", "publisher_exclusion"], Features(roles, "publisher"));
        Assert.Equal(["publisher_identification", "pattern_based_subscription", "subscription_revocation"], Features(roles, "subscriber"));
        Assert.Equal("""["anonymous"]""", hello.Details.GetProperty("authmethods").GetRawText());
        Assert.False(hello.Details.TryGetProperty("authid", out _));
        Assert.False(hello.Details.TryGetProperty("authextra", out _));
    }

    [Fact(Timeout = 20000)]
    public async Task Welcome_opens_the_session_and_exposes_its_details()
    {
        (WampClient client, _) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Assert.Equal(WampConnectionState.Connected, client.State);
            Assert.Equal(TestRouter.SessionId, client.SessionId);
            Assert.Equal("realm1", client.SessionDetails!.Realm);
            Assert.Equal("anon-1", client.SessionDetails.AuthId);
            Assert.Equal("anonymous", client.SessionDetails.AuthRole);
            Assert.Equal("anonymous", client.SessionDetails.AuthMethod);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Challenges_are_answered_with_authenticate_over_several_rounds()
    {
        var auth = new TestAuthenticator();
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { Authenticator = auth });

        HelloMessage hello = await transport.NextAsync<HelloMessage>();
        Assert.Equal("""["ticket","wampcra"]""", hello.Details.GetProperty("authmethods").GetRawText());
        Assert.Equal("joe", hello.Details.GetProperty("authid").GetString());
        Assert.Equal("admin", hello.Details.GetProperty("authrole").GetString());
        Assert.Equal("""{"pubkey":"abcd"}""", hello.Details.GetProperty("authextra").GetRawText());

        transport.Push("""[4, "ticket", {}]""");
        AuthenticateMessage first = await transport.NextAsync<AuthenticateMessage>();
        Assert.Equal("sig-1", first.Signature);
        Assert.Equal("{}", first.Extra.GetRawText());

        transport.Push("""[4, "wampcra", {"challenge": "c2"}]""");
        AuthenticateMessage second = await transport.NextAsync<AuthenticateMessage>();
        Assert.Equal("sig-2", second.Signature);

        transport.Push($"[2, {TestRouter.SessionId}, {{\"authid\":\"joe\",\"authrole\":\"admin\",\"authmethod\":\"wampcra\",\"roles\":{{\"dealer\":{{}}}}}}]");
        await using WampClient client = await connect.Within();
        Assert.Equal(WampConnectionState.Connected, client.State);
        Assert.Equal("joe", client.SessionDetails!.AuthId);
        Assert.Equal("realm1", client.SessionDetails.Realm);
        Assert.Equal([("ticket", "{}"), ("wampcra", """{"challenge": "c2"}""")], auth.Challenges);
    }

    [Fact(Timeout = 20000)]
    public async Task Abort_on_join_fails_connect_with_the_routers_reason_and_message()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)));
        await transport.NextAsync<HelloMessage>();
        transport.Push("""[3, {"message": "no such ticket"}, "wamp.error.not_authorized"]""");

        var ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => connect.Within());
        Assert.Equal("wamp.error.not_authorized", ex.ErrorUri);
        Assert.Contains("no such ticket", ex.Message);
        Assert.Contains("realm1", ex.Message);
        await transport.Closed.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Abort_message_falls_back_to_the_first_argument()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)));
        await transport.NextAsync<HelloMessage>();
        transport.Push("""[3, {}, "wamp.error.no_such_realm", ["realm1 does not exist"]]""");

        var ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => connect.Within());
        Assert.Equal("wamp.error.no_such_realm", ex.ErrorUri);
        Assert.Contains("realm1 does not exist", ex.Message);
    }

    [Fact(Timeout = 20000)]
    public async Task Challenge_the_authenticator_cannot_answer_aborts_and_fails_connect()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { Authenticator = new TestAuthenticator { Fail = true } });
        await transport.NextAsync<HelloMessage>();
        transport.Push("""[4, "ticket", {}]""");

        AbortMessage abort = await transport.NextAsync<AbortMessage>();
        Assert.Equal("wamp.error.cannot_authenticate", abort.Reason);
        var ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => connect.Within());
        Assert.Contains("no secret", ex.Message);
    }

    [Fact(Timeout = 20000)]
    public async Task Handshake_without_welcome_times_out_naming_url_and_realm_and_closes_the_transport()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });
        await transport.NextAsync<HelloMessage>();

        var ex = await Assert.ThrowsAsync<WampTimeoutException>(() => connect.Within());
        Assert.Contains(TestRouter.Url.ToString(), ex.Message);
        Assert.Contains("realm1", ex.Message);
        await transport.Closed.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Connect_honours_the_cancellation_token()
    {
        var transport = new ScriptedTransport();
        using var cts = new CancellationTokenSource();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)), cts.Token);
        await transport.NextAsync<HelloMessage>();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.Within());
        await transport.Closed.Within();
    }

    [Theory(Timeout = 20000)]
    [InlineData("""[36, 1, 2, {}]""", "EVENT before WELCOME")]
    [InlineData("""[50, 1, {}]""", "RESULT before WELCOME")]
    [InlineData("""not json""", "undecodable")]
    public async Task Anything_but_welcome_abort_or_challenge_before_joining_is_a_protocol_violation(string frame, string expected)
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)));
        await transport.NextAsync<HelloMessage>();
        transport.Push(frame);

        AbortMessage abort = await transport.NextAsync<AbortMessage>();
        Assert.Equal("wamp.error.protocol_violation", abort.Reason);
        Assert.Contains(expected, abort.Details.GetProperty("message").GetString());
        var ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => connect.Within());
        Assert.Contains(expected, ex.Message);
        await transport.Closed.Within();
    }

    [Fact(Timeout = 20000)]
    public async Task Without_a_transport_factory_the_built_in_websocket_transport_is_used()
    {
        // A port nobody listens on: the built-in WebSocket transport tries it and reports a clear connection failure.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        WampClientOptions options = TestRouter.Options(new ScriptedTransportFactory()) with
        {
            TransportFactory = null,
            Url = new Uri($"ws://127.0.0.1:{port}/ws"),
        };
        var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(options).Within());
        Assert.StartsWith($"Could not connect to ws://127.0.0.1:{port}/ws: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase); // the root cause, not only the wrapper's text
        Assert.Contains("check the host and port", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 20000)]
    public async Task Invalid_options_are_rejected_before_connecting()
    {
        var factory = new ScriptedTransportFactory();
        await Assert.ThrowsAsync<ArgumentException>(() => WampClient.ConnectAsync(TestRouter.Options(factory) with { Realm = " " }).Within());
        Assert.Equal(0, factory.Connects);
    }

    private static string[] Features(JsonElement roles, string role)
    {
        var names = new List<string>();
        foreach (JsonProperty p in roles.GetProperty(role).GetProperty("features").EnumerateObject())
        {
            Assert.Equal(JsonValueKind.True, p.Value.ValueKind);
            names.Add(p.Name);
        }

        return [.. names];
    }
}
