using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>
/// Our authenticators against checks written independently in router.js (Node crypto, tweetnacl), the same
/// checks autobahn-js passes (see <see cref="PeerHarnessTests"/>).
/// </summary>
[Collection(FoxWampCollection.Name)]
public sealed class AuthInteropTests(FoxWampRouterFixture router)
{
    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task Ticket_succeeds() =>
        AssertJoinsAsync(WampAuthenticator.Ticket(InteropSecrets.TicketUser, InteropSecrets.Ticket), "ticket", InteropSecrets.TicketUser);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task WampCra_plain_succeeds() =>
        AssertJoinsAsync(WampAuthenticator.WampCra(InteropSecrets.CraUser, InteropSecrets.CraSecret), "wampcra", InteropSecrets.CraUser);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task WampCra_salted_succeeds() =>
        AssertJoinsAsync(WampAuthenticator.WampCra(InteropSecrets.SaltedCraUser, InteropSecrets.SaltedCraSecret), "wampcra", InteropSecrets.SaltedCraUser);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Cryptosign_with_the_vector_seed_succeeds_and_the_router_maps_the_key_to_its_authid()
    {
        using TestSigner signer = TestSigner.FromSeedHex(InteropSecrets.CryptosignSeedHex);
        Assert.Equal(InteropSecrets.CryptosignPublicKeyHex, signer.PublicKeyHex);

        await AssertJoinsAsync(WampAuthenticator.Cryptosign(signer), "cryptosign", InteropSecrets.CryptosignUser);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Cryptosign_with_an_explicit_authid_succeeds()
    {
        using TestSigner signer = TestSigner.FromSeedHex(InteropSecrets.CryptosignSeedHex);

        await AssertJoinsAsync(WampAuthenticator.Cryptosign(signer, InteropSecrets.CryptosignUser), "cryptosign", InteropSecrets.CryptosignUser);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task Wrong_ticket_is_refused() =>
        AssertRefusedAsync(WampAuthenticator.Ticket(InteropSecrets.TicketUser, "not-the-ticket"), InteropSecrets.AuthenticationFailed);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task Wrong_wampcra_secret_is_refused() =>
        AssertRefusedAsync(WampAuthenticator.WampCra(InteropSecrets.CraUser, "not-the-secret"), InteropSecrets.AuthenticationFailed);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public Task Wrong_salted_wampcra_secret_is_refused() =>
        AssertRefusedAsync(WampAuthenticator.WampCra(InteropSecrets.SaltedCraUser, "not-the-secret"), InteropSecrets.AuthenticationFailed);

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Unknown_cryptosign_key_is_refused()
    {
        using TestSigner signer = TestSigner.FromSeedHex(InteropSecrets.UnknownCryptosignSeedHex);

        await AssertRefusedAsync(WampAuthenticator.Cryptosign(signer), InteropSecrets.AuthenticationFailed);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Anonymous_on_the_authenticating_listener_is_refused_with_no_auth_method()
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        WampClientOptions options = router.Options() with { Url = router.AuthUrl };

        WampAuthenticationException ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => WampClient.ConnectAsync(options, cts.Token));

        Assert.Equal("wamp.error.no_auth_method", ex.ErrorUri);
    }

    private async Task AssertJoinsAsync(WampAuthenticator authenticator, string method, string authId)
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(authenticator, cancellationToken: cts.Token);

        Assert.Equal(WampConnectionState.Connected, client.State);
        Assert.Equal(method, client.SessionDetails?.AuthMethod);
        Assert.Equal(authId, client.SessionDetails?.AuthId);
        WampResult result = await client.CallAsync("wamp.session.count", cancellationToken: cts.Token);
        Assert.True(result.Payload[0].GetInt32() >= 1);
    }

    private async Task AssertRefusedAsync(WampAuthenticator authenticator, string reason)
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);

        WampAuthenticationException ex = await Assert.ThrowsAsync<WampAuthenticationException>(() => router.ConnectAsync(authenticator, cancellationToken: cts.Token));

        Assert.Equal(reason, ex.ErrorUri);
    }
}
