using System.Text;
using System.Text.Json;
using Cfc.Wamp.Auth;

namespace Cfc.Wamp.Tests.Auth;

public class CryptosignTests
{
    private const string ChannelId = "62e935ae755f3d48f80d4d59f6121358c435722a67e859cc0caa8b539027f2ff";

    private static readonly string Ff32 = string.Concat(Enumerable.Repeat("ff", 32));

    public static TheoryData<string, string, string, bool, string> Vectors => new()
    {
        {
            "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510", "1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d", Ff32, false,
            "b32675b221f08593213737bef8240e7c15228b07028e19595294678c90d11c0cae80a357331bfc5cc9fb71081464e6e75013517c2cf067ad566a6b7b728e5d03" + Ff32
        },
        {
            "d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd", "6ed32739ff04a6074044ff0b0e3bfc7c856bc9d5f1d25efc57363bda0af3a8b0", "b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d", false,
            "d4209ad10d5aff6bfbc009d7e924795de138a63515efc7afc6b01b7fe5201372190374886a70207b042294af5bd64ce725cd8dceb344e6d11c09d1aaaf4d660f" + "b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d"
        },
        {
            "6e1fde9cf9e2359a87420b65a87dc0c66136e66945196ba2475990d8a0c3a25b", "28e11f427b82b9a625ee7ac89a7d29326b505f2dc11dd88c1245f83b6da79a85", "b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2", false,
            "7beb282184baadd08f166f16dd683b39cab53816ed81e6955def951cb2ddad1ec184e206746fd82bda075af03711d3d5658fc84a76196b0fa8d1ebc92ef9f30b" + "b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2"
        },
        {
            "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510", "1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d", Ff32, true,
            "9b6f41540c9b95b4b7b281c3042fa9c54cef43c842d62ea3fd6030fcb66e70b3e80d49d44c29d1635da9348d02ec93f3ed1ef227dfb59a07b580095c2b82f80f" + "9d16ca518aa0c2b707f2b2a609edeca73bca8dd59817a633f35574ac6fd80d00"
        },
        {
            "d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd", "6ed32739ff04a6074044ff0b0e3bfc7c856bc9d5f1d25efc57363bda0af3a8b0", "b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d", true,
            "305aaa3ac25e98f651427688b3fc43fe7d8a68a7ec1d7d61c61517c519bd4a427c3015599d83ca28b4c652333920223844ef0725eb5dc2febfd6af7677b73f01" + "d0852a29b460fc92ec943242ac638a053bbacc200512b18b30d15083cbdc9282"
        },
        {
            "6e1fde9cf9e2359a87420b65a87dc0c66136e66945196ba2475990d8a0c3a25b", "28e11f427b82b9a625ee7ac89a7d29326b505f2dc11dd88c1245f83b6da79a85", "b05e6b8ad4d69abf74aa3be3c0ee40ae07d66e1895b9ab09285a2f1192d562d2", true,
            "ee3c7644fd8070532bc1fde3d70d742267da545d8c8f03e63bda63f1ad4214f4d2c4bfdb4eb9526def42deeb7e31602a6ff99eba893e0a4ad4d45892ca75e608" + "d2b75e24a189a7f78ca776ba36fc53f6c3e31c32f251f2c524f0a44202f2902d"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Spec_vectors_sign_exactly(string seed, string publicKey, string challenge, bool bound, string expected)
    {
        using Ed25519Signer signer = Ed25519Signer.FromSeedHex(seed);

        byte[] signed = CryptosignChallenge.SignChallenge(signer, Convert.FromHexString(challenge), bound ? Convert.FromHexString(ChannelId) : null);

        Assert.Equal(publicKey, signer.PublicKeyHex);
        Assert.Equal(expected, Convert.ToHexStringLower(signed));
        Assert.Equal(192, expected.Length);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Authenticator_answers_the_unbound_vectors(string seed, string publicKey, string challenge, bool bound, string expected)
    {
        using Ed25519Signer signer = Ed25519Signer.FromSeedHex(seed);
        WampAuthenticator auth = WampAuthenticator.Cryptosign(signer, "alice", "user");
        JsonElement extra = WampJson.BuildObject(w =>
        {
            w.WriteString("challenge", challenge);
            w.WriteNull("channel_binding");
        });

        WampAuthenticateResponse response = await auth.AuthenticateAsync("cryptosign", extra, CancellationToken.None);

        if (!bound)
        {
            Assert.Equal(expected, response.Signature);
        }

        Assert.True(CryptosignVerifier.Verify(publicKey, challenge, response.Signature));
    }

    [Fact]
    public void Rfc8032_test_1()
    {
        using Ed25519Signer signer = Ed25519Signer.FromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", signer.PublicKeyHex);
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(signer.Sign([])));
    }

    [Theory]
    [InlineData("545efb0a2192db8d43f118e9bf9aee081466e1ef36c708b96ee6f62dddad9122", "0e9192bc08512c8198da159c1ae600ba91729215f35d56102ee318558e773537",
        "a3a178fe792ed772a8fc092f8341e455de96670c8901264a7c312dbf940d5743626fe9fbc29b23dcd2169b308eca309de85a89ccd296b24835de3d95b16b7703")]
    [InlineData("4a3838f6fe75251e613329d53fc69b262d5eac97fb1d73bebbaed4015b53c862", "bbae60ea44cdd7b20dc7010a618b0f0803fab25a817520b4b7f057299b524deb",
        "fd5128d2d207ba58a9d1d6f41b72c747964ad9d1294077b3b1eee6130b05843ab12c53c7f2519f73d4feb82db19d8ca0fc26b62bde6518e79a882f5795bc9f00")]
    public void Verify_only_spec_examples(string publicKey, string challenge, string signature)
    {
        Assert.True(CryptosignVerifier.Verify(publicKey, challenge, signature + challenge));

        // Any single change must fail: tail, signature, key, length.
        string otherTail = challenge[..^2] + (challenge[^2..] == "00" ? "01" : "00");
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, signature + otherTail));
        Assert.False(CryptosignVerifier.Verify(publicKey, otherTail, signature + otherTail));
        string otherSignature = (signature[0] == '0' ? "1" : "0") + signature[1..];
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, otherSignature + challenge));
        Assert.False(CryptosignVerifier.Verify("1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d", challenge, signature + challenge));
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, signature));
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, signature + challenge + "00"));
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, null));
        Assert.False(CryptosignVerifier.Verify(publicKey, challenge, ("zz" + signature + challenge)[2..^2] + "zz"));
    }

    [Fact]
    public void Hello_authextra_carries_the_public_key_and_no_binding()
    {
        using Ed25519Signer signer = Ed25519Signer.FromSeedHex("4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510");
        WampAuthenticator auth = WampAuthenticator.Cryptosign(signer);
        bool written = false;

        JsonElement extra = WampJson.BuildObject(w => written = auth.WriteAuthExtra(w));

        Assert.True(written);
        Assert.Equal(["cryptosign"], auth.AuthMethods);
        Assert.Null(auth.AuthId);
        Assert.Equal("1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d", extra.GetProperty("pubkey").GetString());
        Assert.Equal(JsonValueKind.Null, extra.GetProperty("channel_binding").ValueKind);
    }

    [Theory]
    [InlineData("{\"challenge\": \"ffff\"}", "64 hex")]
    [InlineData("{\"challenge\": \"zz" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + "\"}", "64 hex")]
    [InlineData("{}", "no 'challenge'")]
    [InlineData("{\"challenge\": \"" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + "\", \"channel_binding\": \"tls-unique\"}", "channel binding")]
    public async Task Malformed_or_bound_challenges_are_refused(string extraJson, string expectedText)
    {
        using Ed25519Signer signer = Ed25519Signer.Generate();
        WampAuthenticator auth = WampAuthenticator.Cryptosign(signer);

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await auth.AuthenticateAsync("cryptosign", JsonDocument.Parse(extraJson).RootElement, CancellationToken.None));

        Assert.Equal("wamp.error.cannot_authenticate", ex.ErrorUri);
        Assert.Contains(expectedText, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_method_is_refused()
    {
        using Ed25519Signer signer = Ed25519Signer.Generate();

        await Assert.ThrowsAsync<WampException>(async () =>
            await WampAuthenticator.Cryptosign(signer).AuthenticateAsync("ticket", WampJson.EmptyObject, CancellationToken.None));
    }

    [Fact]
    public void Generated_keys_sign_verifiably_and_differ()
    {
        using Ed25519Signer a = Ed25519Signer.Generate();
        using Ed25519Signer b = Ed25519Signer.Generate();
        byte[] challenge = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

        string signature = Convert.ToHexStringLower(CryptosignChallenge.SignChallenge(a, challenge));

        Assert.NotEqual(a.PublicKeyHex, b.PublicKeyHex);
        Assert.True(CryptosignVerifier.Verify(a.PublicKey, challenge, signature));
        Assert.False(CryptosignVerifier.Verify(b.PublicKey, challenge, signature));
    }

    [Fact]
    public void The_seed_is_never_printed_and_bad_seeds_are_rejected_without_echo()
    {
        const string seed = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";
        using Ed25519Signer signer = Ed25519Signer.FromSeedHex(seed);

        Assert.DoesNotContain(seed, signer.ToString(), StringComparison.OrdinalIgnoreCase);
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Ed25519Signer.FromSeedHex(seed[..^2] + "zz"));
        Assert.DoesNotContain(seed[..20], ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => Ed25519Signer.FromSeed(new byte[31]));
    }

    [Fact]
    public void A_disposed_signer_refuses_to_sign()
    {
        Ed25519Signer signer = Ed25519Signer.Generate();
        signer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => signer.Sign([1, 2, 3]));
    }
}
