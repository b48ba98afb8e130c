using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cfc.Wamp.Auth;
using Cfc.Wamp.Router;
using NSec.Cryptography;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterAuthTests
{
    private static Task<RouterTestBed> StartAsync(bool webSocket, WampRouterCredentials credentials) =>
        RouterTestBed.StartAsync(webSocket, configure: r => r.AddRealm(new WampRealmOptions("secure") { Authenticator = credentials }));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ticket_with_the_right_secret_joins(bool webSocket)
    {
        await using RouterTestBed bed = await StartAsync(webSocket, new WampRouterCredentials().AddTicket("alice", "s3cret", "admin"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement challenge = await peer.HelloAsync("secure", ""","authmethods":["ticket"],"authid":"alice" """);
        Assert.Equal(4, challenge[0].GetInt32());
        Assert.Equal("ticket", challenge[1].GetString());
        await peer.SendAsync("""[5,"s3cret",{}]""");

        JsonElement welcome = await peer.ExpectAsync(2);
        Assert.Equal("alice", welcome[2].GetProperty("authid").GetString());
        Assert.Equal("admin", welcome[2].GetProperty("authrole").GetString());
        Assert.Equal("ticket", welcome[2].GetProperty("authmethod").GetString());
    }

    [Fact]
    public async Task Ticket_with_a_wrong_secret_is_not_authorized()
    {
        await using RouterTestBed bed = await StartAsync(false, new WampRouterCredentials().AddTicket("alice", "s3cret"));
        RawPeer peer = await bed.ConnectAsync();

        await peer.HelloAsync("secure", ""","authmethods":["ticket"],"authid":"alice" """);
        await peer.SendAsync("""[5,"wrong",{}]""");

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.not_authorized", abort[2].GetString());
        Assert.False(string.IsNullOrEmpty(abort[1].GetProperty("message").GetString()));
        await peer.ExpectClosedAsync();
        Assert.Equal(0, bed.Router.SessionCount);
    }

    [Fact]
    public async Task Ticket_for_an_unknown_user_is_not_authorized_without_a_challenge()
    {
        await using RouterTestBed bed = await StartAsync(false, new WampRouterCredentials().AddTicket("alice", "s3cret"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement abort = await peer.HelloAsync("secure", ""","authmethods":["ticket"],"authid":"mallory" """);

        Assert.Equal(3, abort[0].GetInt32());
        Assert.Equal("wamp.error.not_authorized", abort[2].GetString());
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, null)]
    [InlineData(false, "salt123")]
    public async Task Wampcra_with_the_right_secret_joins(bool webSocket, string? salt)
    {
        await using RouterTestBed bed = await StartAsync(webSocket, new WampRouterCredentials().AddWampCra("peter", "secret1", "user", salt, 100, 16));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement challenge = await peer.HelloAsync("secure", ""","authmethods":["wampcra"],"authid":"peter" """);
        Assert.Equal(4, challenge[0].GetInt32());
        Assert.Equal("wampcra", challenge[1].GetString());
        JsonElement extra = challenge[2];
        string challengeText = extra.GetProperty("challenge").GetString()!;
        using (JsonDocument inner = JsonDocument.Parse(challengeText))
        {
            Assert.Equal("peter", inner.RootElement.GetProperty("authid").GetString());
            Assert.Equal("wampcra", inner.RootElement.GetProperty("authmethod").GetString());
        }

        byte[] key = Encoding.UTF8.GetBytes("secret1");
        if (salt is not null)
        {
            Assert.Equal(salt, extra.GetProperty("salt").GetString());
            Assert.Equal(100, extra.GetProperty("iterations").GetInt32());
            Assert.Equal(16, extra.GetProperty("keylen").GetInt32());
            key = Encoding.ASCII.GetBytes(Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(key, Encoding.UTF8.GetBytes(salt), 100, HashAlgorithmName.SHA256, 16)));
        }

        string signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challengeText)));
        await peer.SendAsync($$"""[5,"{{signature}}",{}]""");

        JsonElement welcome = await peer.ExpectAsync(2);
        Assert.Equal("peter", welcome[2].GetProperty("authid").GetString());
        Assert.Equal("wampcra", welcome[2].GetProperty("authmethod").GetString());
    }

    [Fact]
    public async Task Wampcra_with_a_wrong_secret_is_not_authorized()
    {
        await using RouterTestBed bed = await StartAsync(false, new WampRouterCredentials().AddWampCra("peter", "secret1"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement challenge = await peer.HelloAsync("secure", ""","authmethods":["wampcra"],"authid":"peter" """);
        string challengeText = challenge[2].GetProperty("challenge").GetString()!;
        string signature = Convert.ToBase64String(HMACSHA256.HashData("wrong"u8, Encoding.UTF8.GetBytes(challengeText)));
        await peer.SendAsync($$"""[5,"{{signature}}",{}]""");

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.not_authorized", abort[2].GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cryptosign_with_a_real_ed25519_signature_joins(bool webSocket)
    {
        using Key key = Key.Create(SignatureAlgorithm.Ed25519);
        string pubkey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        await using RouterTestBed bed = await StartAsync(webSocket, new WampRouterCredentials().AddCryptosign(pubkey, "node1", "node"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement challenge = await peer.HelloAsync("secure", $$""","authmethods":["cryptosign"],"authextra":{"pubkey":"{{pubkey}}"}""");
        Assert.Equal(4, challenge[0].GetInt32());
        Assert.Equal("cryptosign", challenge[1].GetString());
        Assert.Equal(JsonValueKind.Null, challenge[2].GetProperty("channel_binding").ValueKind);
        byte[] challengeBytes = Convert.FromHexString(challenge[2].GetProperty("challenge").GetString()!);
        Assert.Equal(32, challengeBytes.Length);

        byte[] signature = SignatureAlgorithm.Ed25519.Sign(key, challengeBytes);
        await peer.SendAsync($$"""[5,"{{Convert.ToHexStringLower([.. signature, .. challengeBytes])}}",{}]""");

        JsonElement welcome = await peer.ExpectAsync(2);
        Assert.Equal("node1", welcome[2].GetProperty("authid").GetString());
        Assert.Equal("node", welcome[2].GetProperty("authrole").GetString());
        Assert.Equal("cryptosign", welcome[2].GetProperty("authmethod").GetString());
    }

    [Theory]
    [InlineData("other-key")]
    [InlineData("wrong-tail")]
    [InlineData("short")]
    public async Task Cryptosign_with_a_bad_signature_is_not_authorized(string how)
    {
        using Key key = Key.Create(SignatureAlgorithm.Ed25519);
        using Key other = Key.Create(SignatureAlgorithm.Ed25519);
        string pubkey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        await using RouterTestBed bed = await StartAsync(false, new WampRouterCredentials().AddCryptosign(pubkey, "node1"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement challenge = await peer.HelloAsync("secure", $$""","authmethods":["cryptosign"],"authextra":{"pubkey":"{{pubkey}}"}""");
        byte[] challengeBytes = Convert.FromHexString(challenge[2].GetProperty("challenge").GetString()!);
        byte[] wrongTail = RandomNumberGenerator.GetBytes(32);
        string answer = how switch
        {
            "other-key" => Convert.ToHexStringLower([.. SignatureAlgorithm.Ed25519.Sign(other, challengeBytes), .. challengeBytes]),
            "wrong-tail" => Convert.ToHexStringLower([.. SignatureAlgorithm.Ed25519.Sign(key, wrongTail), .. wrongTail]),
            _ => Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, challengeBytes)),
        };
        await peer.SendAsync($$"""[5,"{{answer}}",{}]""");

        JsonElement abort = await peer.ExpectAsync(3);
        Assert.Equal("wamp.error.not_authorized", abort[2].GetString());
    }

    [Theory]
    [InlineData(""","authmethods":["cryptosign"]""")]
    [InlineData(""","authmethods":["cryptosign"],"authextra":{"pubkey":"abcd"}""")]
    [InlineData(""","authmethods":["cryptosign"],"authextra":{"pubkey":"1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d"}""")]
    public async Task Cryptosign_without_a_valid_known_pubkey_is_not_authorized(string details)
    {
        await using RouterTestBed bed = await StartAsync(false, new WampRouterCredentials().AddCryptosign(new string('a', 64), "node1"));
        RawPeer peer = await bed.ConnectAsync();

        JsonElement abort = await peer.HelloAsync("secure", details);

        Assert.Equal(3, abort[0].GetInt32());
        Assert.Equal("wamp.error.not_authorized", abort[2].GetString());
    }

    [Fact]
    public async Task The_first_offered_method_the_realm_supports_is_used()
    {
        var credentials = new WampRouterCredentials { AllowAnonymous = true }.AddTicket("alice", "t");
        await using RouterTestBed bed = await StartAsync(false, credentials);
        RawPeer peer = await bed.ConnectAsync();

        JsonElement welcome = await peer.HelloAsync("secure", ""","authmethods":["cryptosign","anonymous","ticket"],"authid":"alice" """);

        Assert.Equal(2, welcome[0].GetInt32());
        Assert.Equal("anonymous", welcome[2].GetProperty("authmethod").GetString());
    }

    [Fact]
    public async Task A_custom_authenticator_decides_identity()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false, new WampRouterOptions { DefaultAuthenticator = new UpperCaseTickets() });
        RawPeer peer = await bed.ConnectAsync();

        await peer.HelloAsync("any.realm", ""","authmethods":["ticket"],"authid":"bob" """);
        await peer.SendAsync("""[5,"BOB",{}]""");

        JsonElement welcome = await peer.ExpectAsync(2);
        Assert.Equal("bob", welcome[2].GetProperty("authid").GetString());
        Assert.Equal("any.realm-user", welcome[2].GetProperty("authrole").GetString());
        Assert.Equal("custom", welcome[2].GetProperty("authprovider").GetString());
        Assert.Equal(42, welcome[2].GetProperty("authextra").GetProperty("x").GetInt32());
    }

    [Fact]
    public void Answers_are_checked_with_the_published_vectors()
    {
        // WAMP-CRA vector (c)+(d): a salted secret is derived ("secret1", "salt123", 100, 16 -> "prq7+YkJ1/KlW1X0YczMHw==")
        // and the derived key signs the challenge; vector (d) signs the spec's example challenge with the plain secret.
        const string challenge = """{ "nonce": "LHRTC9zeOIrt_9U3", "authprovider": "userdb", "authid": "peter", "timestamp": "2014-06-22T16:36:25.448Z", "authrole": "user", "authmethod": "wampcra", "session": 3251278072152162}""";
        Assert.True(RouterChallenges.VerifyWampCra(new WampRouterPrincipal("peter", "user") { Secret = "secret1" }, challenge, "g3rbrS3LXjzaG0ZMGw5j6di+rkK5pbpkzm2R8O7LfxQ="));
        Assert.False(RouterChallenges.VerifyWampCra(new WampRouterPrincipal("peter", "user") { Secret = "secret2" }, challenge, "g3rbrS3LXjzaG0ZMGw5j6di+rkK5pbpkzm2R8O7LfxQ="));
        var salted = new WampRouterPrincipal("peter", "user") { Secret = "secret1", Salt = "salt123", Iterations = 100, KeyLength = 16 };
        Assert.True(RouterChallenges.VerifyWampCra(salted, challenge, WampCra.Sign("prq7+YkJ1/KlW1X0YczMHw==", challenge)));

        // Cryptosign vector 1 (challenge ff x 32): only the key that signed it is accepted.
        byte[] ff = Enumerable.Repeat((byte)0xff, 32).ToArray();
        const string sig1 = "b32675b221f08593213737bef8240e7c15228b07028e19595294678c90d11c0cae80a357331bfc5cc9fb71081464e6e75013517c2cf067ad566a6b7b728e5d03";
        string answer = sig1 + new string('f', 64);
        Assert.True(RouterChallenges.VerifyCryptosign("1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d", ff, answer));
        Assert.False(RouterChallenges.VerifyCryptosign("6ed32739ff04a6074044ff0b0e3bfc7c856bc9d5f1d25efc57363bda0af3a8b0", ff, answer));
    }

    private sealed class UpperCaseTickets : IWampRouterAuthenticator
    {
        public bool Supports(string realm, string authMethod) => authMethod == "ticket";

        public ValueTask<WampRouterPrincipal?> FindPrincipalAsync(WampAuthRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult<WampRouterPrincipal?>(new WampRouterPrincipal(request.AuthId, request.Realm + "-user")
            {
                Secret = request.AuthId!.ToUpperInvariant(),
                AuthProvider = "custom",
                AuthExtra = JsonDocument.Parse("""{"x":42}""").RootElement.Clone(),
            });
    }
}
