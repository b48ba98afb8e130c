using System.Text.Json;
using Cfc.Wamp.Auth;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Tests.Session;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// A hostile router during the handshake: it chooses the cost of authentication, the number of rounds, the realm it
/// welcomes to and the text it sends. The client bounds all of it (docs/security.md).
/// </summary>
public sealed class HostileHandshakeTests
{
    [Theory(Timeout = 20000)]
    [InlineData("iterations", "2147483647", "100000")]
    [InlineData("keylen", "419430400", "64")]
    [InlineData("iterations", "1e300", null)]
    public async Task A_salted_wampcra_challenge_above_the_limits_is_refused_at_once_with_a_clear_error(string field, string value, string? limit)
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with
        {
            Authenticator = WampAuthenticator.WampCra("peter", "secret1"),
        });
        await transport.NextAsync<HelloMessage>();
        string extra = field == "iterations"
            ? $$"""{"challenge":"c","salt":"s","iterations":{{value}},"keylen":32}"""
            : $$"""{"challenge":"c","salt":"s","iterations":1000,"keylen":{{value}}}""";
        transport.Push($"""[4, "wampcra", {extra}]""");

        // Before the cap this derived for minutes (2^31 iterations) or allocated 400 MiB; now nothing is derived.
        WampAuthenticationException ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => connect.Within());
        Assert.Equal("wamp.error.cannot_authenticate", ex.ErrorUri);
        Assert.Contains(field, ex.Message);
        if (limit is not null)
        {
            Assert.Contains(limit, ex.Message);
        }

        AbortMessage abort = await transport.NextAsync<AbortMessage>();
        Assert.Equal("wamp.error.cannot_authenticate", abort.Reason);
    }

    [Fact]
    public void The_documented_wampcra_limits_are_the_ones_enforced()
    {
        Assert.Equal(100_000, WampCra.MaxIterations);
        Assert.Equal(64, WampCra.MaxKeyLength);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1000, 32)]
    [InlineData(4097, 33)]
    [InlineData(10, 64)]
    public void The_cancellable_key_derivation_is_pbkdf2_hmac_sha256(int iterations, int keyLength)
    {
        byte[] expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("secret1"u8, "salt123"u8, iterations, System.Security.Cryptography.HashAlgorithmName.SHA256, keyLength);
        Assert.Equal(Convert.ToBase64String(expected), WampCra.DeriveKey("secret1", "salt123", iterations, keyLength, CancellationToken.None));
    }

    [Fact]
    public void Key_derivation_stops_when_its_token_is_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WampCra.DeriveKey("secret1", "salt", WampCra.MaxIterations, 32, cts.Token));
    }

    [Fact(Timeout = 20000)]
    public async Task More_challenge_rounds_than_the_limit_are_a_protocol_violation()
    {
        var auth = new TestAuthenticator();
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { Authenticator = auth });
        await transport.NextAsync<HelloMessage>();

        for (int i = 0; i < WampClientOptions.MaxChallengeRounds; i++)
        {
            transport.Push("""[4, "ticket", {}]""");
            await transport.NextAsync<AuthenticateMessage>();
        }

        transport.Push("""[4, "ticket", {}]""");
        WampProtocolViolationException ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => connect.Within());
        Assert.Contains("MaxChallengeRounds", ex.Message);
        Assert.Equal(WampClientOptions.MaxChallengeRounds, auth.Challenges.Count);
        Assert.Equal(WampProtocolViolationException.Uri, (await transport.NextAsync<AbortMessage>()).Reason);
    }

    [Fact(Timeout = 20000)]
    public async Task A_huge_cryptosign_challenge_is_refused_without_being_echoed_to_the_router_or_the_caller()
    {
        using var signer = Ed25519Signer.FromSeed(new byte[32]);
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)) with { Authenticator = WampAuthenticator.Cryptosign(signer) });
        await transport.NextAsync<HelloMessage>();
        string huge = new('\u001b', 1_000_000);
        transport.Push($$"""[4, "cryptosign", {"challenge":"{{huge.Replace("\u001b", "\\u001b", StringComparison.Ordinal)}}"}]""");

        WampAuthenticationException ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => connect.Within());
        AbortMessage abort = await transport.NextAsync<AbortMessage>();
        string sent = abort.Details.GetRawText();
        Assert.True(sent.Length < 1024, $"The ABORT echoed {sent.Length} characters.");
        Assert.True(ex.Message.Length < 1024, $"The exception message has {ex.Message.Length} characters.");
        Assert.DoesNotContain("\u001b", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20000)]
    public async Task A_welcome_for_another_realm_is_a_protocol_violation()
    {
        var transport = new ScriptedTransport();
        Task<WampClient> connect = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(transport)));
        await transport.NextAsync<HelloMessage>();
        transport.Push("""[2, 1, {"realm":"other.realm","authid":"x","authrole":"anonymous","roles":{}}]""");

        WampProtocolViolationException ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => connect.Within());
        Assert.Contains("other.realm", ex.Message);
        Assert.Contains("realm1", ex.Message);
    }

    [Fact(Timeout = 20000)]
    public async Task An_abort_for_system_shutdown_during_the_handshake_is_retried_but_an_authentication_refusal_is_not()
    {
        var shuttingDown = new ScriptedTransport();
        var refusing = new ScriptedTransport();
        var welcoming = new ScriptedTransport();
        var factory = new ScriptedTransportFactory(shuttingDown, welcoming, refusing);
        WampClientOptions options = TestRouter.Options(factory) with
        {
            Reconnect = new WampReconnectOptions { RetryFirstConnect = true, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = 0 },
        };

        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await shuttingDown.NextAsync<HelloMessage>();
        shuttingDown.Push("""[3, {"message":"restarting"}, "wamp.close.system_shutdown"]""");
        await welcoming.NextAsync<HelloMessage>();
        welcoming.Push($"[2, {TestRouter.SessionId}, {TestRouter.WelcomeDetails}]");
        await using WampClient client = await connect.Within();
        Assert.Equal(2, factory.Connects);

        // Without retries the shutdown ABORT is a WampException of its own URI, not an authentication failure.
        var once = new ScriptedTransport();
        Task<WampClient> single = WampClient.ConnectAsync(TestRouter.Options(new ScriptedTransportFactory(once)));
        await once.NextAsync<HelloMessage>();
        once.Push("""[3, {}, "wamp.close.system_shutdown"]""");
        WampException shutdown = await Assert.ThrowsAsync<WampException>(() => single.Within());
        Assert.IsNotType<WampAuthenticationException>(shutdown);
        Assert.Equal("wamp.close.system_shutdown", shutdown.ErrorUri);

        var refused = new ScriptedTransport();
        var refusedFactory = new ScriptedTransportFactory(refused, new ScriptedTransport());
        Task<WampClient> denied = WampClient.ConnectAsync(TestRouter.Options(refusedFactory) with { Reconnect = options.Reconnect });
        await refused.NextAsync<HelloMessage>();
        refused.Push("""[3, {}, "wamp.error.not_authorized"]""");
        await Assert.ThrowsAsync<WampAuthenticationException>(() => denied.Within());
        Assert.Equal(1, refusedFactory.Connects);
    }

    [Fact(Timeout = 20000)]
    public async Task Router_text_in_errors_is_escaped_and_capped_while_the_full_value_stays_in_the_payload()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.example.f");
            CallMessage sent = await router.NextAsync<CallMessage>();
            string forged = "ok\r\n2026-01-01 INFO forged line\u001b[31m\0" + new string('x', 5_000_000);
            router.Push($"[8, 48, {sent.RequestId}, {{}}, \"com.example.error\", [{JsonSerializer.Serialize(forged)}]]");

            WampException ex = await Assert.ThrowsAsync<WampException>(() => call.Within());
            Assert.True(ex.Message.Length <= ServerText.MaxLength + 100, $"The message has {ex.Message.Length} characters.");
            Assert.DoesNotContain('\r', ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
            Assert.DoesNotContain('\u001b', ex.Message);
            Assert.DoesNotContain('\0', ex.Message);
            Assert.Contains("\\u000D\\u000A", ex.Message, StringComparison.Ordinal);
            Assert.Equal(forged, ex.Payload[0].GetString());
        }
    }

    [Fact(Timeout = 20000)]
    public async Task A_million_digit_number_is_not_printed_in_full()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.example.f");
            CallMessage sent = await router.NextAsync<CallMessage>();
            router.Push($"[8, 48, {sent.RequestId}, {{}}, \"com.example.error\", [{new string('9', 1_000_000)}]]");
            WampException ex = await Assert.ThrowsAsync<WampException>(() => call.Within());
            Assert.True(ex.Message.Length <= ServerText.MaxLength + 100, $"The message has {ex.Message.Length} characters.");
        }
    }

    [Theory(Timeout = 20000)]
    [InlineData("com.example.error\\r\\nforged")]
    [InlineData("com.example..error")]
    [InlineData("com.example#error")]
    [InlineData("com example")]
    public async Task An_error_uri_that_is_not_a_uri_is_a_protocol_violation(string uri)
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.example.f");
            CallMessage sent = await router.NextAsync<CallMessage>();
            router.Push($"[8, 48, {sent.RequestId}, {{}}, \"{uri}\", []]");
            WampProtocolViolationException ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => call.Within());
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Fact]
    public void Sanitize_escapes_control_and_format_characters_and_caps_the_length()
    {
        Assert.Equal("a\\u000Ab\\u001Bc\\u202Ed", ServerText.Sanitize("a\nb\u001bc\u202Ed"));
        Assert.Equal("plain text", ServerText.Sanitize("plain text"));
        string capped = ServerText.Sanitize(new string('y', 10_000));
        Assert.StartsWith(new string('y', ServerText.MaxLength), capped, StringComparison.Ordinal);
        Assert.EndsWith($"({10_000 - ServerText.MaxLength} more characters)", capped, StringComparison.Ordinal);
    }
}

/// <summary>Shapes that JSON allows but WAMP must not read two ways.</summary>
public sealed class HostileShapeTests
{
    [Fact(Timeout = 20000)]
    public async Task A_result_with_progress_twice_is_a_protocol_violation_not_a_progress_message()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var progress = new List<WampResult>();
            Task<WampResult> call = client.CallAsync("com.example.f", default, new WampCallOptions { OnProgress = progress.Add });
            CallMessage sent = await router.NextAsync<CallMessage>();
            router.Push($$"""[50, {{sent.RequestId}}, {"progress": false, "progress": true}, ["final"]]""");
            await Assert.ThrowsAsync<WampProtocolViolationException>(() => call.Within());
            Assert.Empty(progress);
        }
    }
}
