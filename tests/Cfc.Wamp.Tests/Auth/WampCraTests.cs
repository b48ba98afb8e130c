using System.Text.Json;
using Cfc.Wamp.Auth;

namespace Cfc.Wamp.Tests.Auth;

public class WampCraTests
{
    private const string SpecChallenge = "{ \"nonce\": \"LHRTC9zeOIrt_9U3\", \"authprovider\": \"userdb\", \"authid\": \"peter\", \"timestamp\": \"2014-06-22T16:36:25.448Z\", \"authrole\": \"user\", \"authmethod\": \"wampcra\", \"session\": 3251278072152162}";

    [Fact]
    public void Vector_a_autobahn_derive_key() =>
        Assert.Equal("qzcdsr9uu/L5hnss3kjNTRe490ETgA70ZBaB5rvnJ5Y=", WampCra.DeriveKey("L3L1YUE8Txlw", "salt123", 1000, 32));

    [Fact]
    public void Vector_b_autobahn_hmac() =>
        Assert.Equal("1njQtmmeYO41N5EWEzD2kAjjEKRZ5kPZt/TzpYXOzR0=", WampCra.Sign("L3L1YUE8Txlw", "[1, 2, 3]"));

    [Fact]
    public void Vector_c_crossbar_derive_key() =>
        Assert.Equal("prq7+YkJ1/KlW1X0YczMHw==", WampCra.DeriveKey("secret1", "salt123", 100, 16));

    [Fact]
    public void Vector_d_spec_challenge_hmac() =>
        Assert.Equal("g3rbrS3LXjzaG0ZMGw5j6di+rkK5pbpkzm2R8O7LfxQ=", WampCra.Sign("secret1", SpecChallenge));

    [Fact]
    public void Default_derivation_parameters_are_1000_and_32() =>
        Assert.Equal(WampCra.DeriveKey("L3L1YUE8Txlw", "salt123", 1000, 32), WampCra.DeriveKey("L3L1YUE8Txlw", "salt123"));

    [Fact]
    public async Task Authenticator_signs_an_unsalted_challenge()
    {
        WampAuthenticator auth = WampAuthenticator.WampCra("peter", "secret1");
        Assert.Equal(["wampcra"], auth.AuthMethods);
        Assert.Equal("peter", auth.AuthId);

        WampAuthenticateResponse response = await auth.AuthenticateAsync("wampcra", Extra(w => w.WriteString("challenge", SpecChallenge)), CancellationToken.None);

        Assert.Equal("g3rbrS3LXjzaG0ZMGw5j6di+rkK5pbpkzm2R8O7LfxQ=", response.Signature);
    }

    [Fact]
    public async Task Authenticator_derives_the_key_when_the_router_salts()
    {
        WampAuthenticator auth = WampAuthenticator.WampCra("peter", "secret1");
        JsonElement extra = Extra(w =>
        {
            w.WriteString("challenge", SpecChallenge);
            w.WriteString("salt", "salt123");
            w.WriteNumber("iterations", 100);
            w.WriteNumber("keylen", 16);
        });

        WampAuthenticateResponse response = await auth.AuthenticateAsync("wampcra", extra, CancellationToken.None);

        Assert.Equal(WampCra.Sign("prq7+YkJ1/KlW1X0YczMHw==", SpecChallenge), response.Signature);
    }

    [Fact]
    public async Task Salt_without_iterations_and_keylen_uses_the_defaults()
    {
        WampAuthenticator auth = WampAuthenticator.WampCra("peter", "L3L1YUE8Txlw");
        JsonElement extra = Extra(w =>
        {
            w.WriteString("challenge", "[1, 2, 3]");
            w.WriteString("salt", "salt123");
        });

        WampAuthenticateResponse response = await auth.AuthenticateAsync("wampcra", extra, CancellationToken.None);

        Assert.Equal(WampCra.Sign("qzcdsr9uu/L5hnss3kjNTRe490ETgA70ZBaB5rvnJ5Y=", "[1, 2, 3]"), response.Signature);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"challenge\": 42}")]
    [InlineData("{\"challenge\": \"x\", \"salt\": 5}")]
    [InlineData("{\"challenge\": \"x\", \"salt\": \"s\", \"iterations\": -1}")]
    [InlineData("{\"challenge\": \"x\", \"salt\": \"s\", \"keylen\": \"32\"}")]
    public async Task Malformed_challenges_fail_clearly(string extraJson)
    {
        WampAuthenticator auth = WampAuthenticator.WampCra("peter", "secret1");

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await auth.AuthenticateAsync("wampcra", JsonDocument.Parse(extraJson).RootElement, CancellationToken.None));

        Assert.Equal("wamp.error.cannot_authenticate", ex.ErrorUri);
        Assert.Contains("wampcra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_method_is_refused()
    {
        WampAuthenticator auth = WampAuthenticator.WampCra("peter", "secret1");

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await auth.AuthenticateAsync("ticket", WampJson.EmptyObject, CancellationToken.None));

        Assert.Contains("'ticket'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_is_never_printed() =>
        Assert.DoesNotContain("secret1", WampAuthenticator.WampCra("peter", "secret1").ToString(), StringComparison.Ordinal);

    internal static JsonElement Extra(Action<Utf8JsonWriter> write) => WampJson.BuildObject(write);
}
