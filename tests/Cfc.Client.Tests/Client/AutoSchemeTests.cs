using Cfc.Client.Testing;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using Cfc.Wamp.Transport;

namespace Cfc.Client.Tests.Client;

/// <summary>
/// CfcUriScheme.Auto is the default: it finds out the server's API at connect for one round trip more than a named scheme,
/// picks the scheme the fake serves in each of its schemes, and a client made with CfcClient.Create(options) learns it
/// when StartAsync connects (subscriptions made earlier follow, a call made before StartAsync fails and says why).
/// The real master's answer to Auto is checked in tests/Cfc.Master.Tests.
/// </summary>
public sealed class AutoSchemeTests
{
    private const string User = "superuser";

    [Fact]
    public void Auto_is_the_default_scheme()
    {
        Assert.Equal(CfcUriScheme.Auto, new CfcClientOptions().UriScheme);
    }

    [Theory]
    [InlineData(CfcUriScheme.CrossbarMaster)]
    [InlineData(CfcUriScheme.Fabric)]
    [InlineData(CfcUriScheme.Legacy)]
    public async Task The_default_costs_one_round_trip_at_connect_and_picks_the_scheme_the_fake_serves(CfcUriScheme served)
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = served });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab1"] = ["owner"] });
        // Answers come late, so that a CALL the client would send only after reading an answer shows in the log as a second round trip.
        fake.DelayAnswers(TimeSpan.FromMilliseconds(300));

        foreach (string realm in new[] { CfcRealms.Global, "lab1" })
        {
            var byDefault = new RecordingTransportFactory();
            await using (CfcClient client = await CfcClient.ConnectAsync(Options(fake, key, realm, byDefault)))
            {
                Assert.Equal(served, client.UriScheme);
                Assert.Equal((RoundTrips: 1, Calls: 3), byDefault.AfterWelcome());
            }

            var named = new RecordingTransportFactory();
            await using (CfcClient client = await CfcClient.ConnectAsync(Options(fake, key, realm, named) with { UriScheme = served }))
            {
                Assert.Equal((RoundTrips: 0, Calls: 0), named.AfterWelcome());
            }
        }
    }

    [Theory]
    [InlineData(CfcUriScheme.CrossbarMaster)]
    [InlineData(CfcUriScheme.Fabric)]
    [InlineData(CfcUriScheme.Legacy)]
    public async Task A_client_made_before_connecting_finds_out_the_scheme_when_it_starts_and_its_early_subscriptions_follow(CfcUriScheme served)
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = served });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using CfcClient client = CfcClient.Create(Options(fake, key, CfcRealms.Global, transport: null));
        var created = new TaskCompletionSource<RealmCreatedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Equal(CfcUriScheme.Auto, client.UriScheme);
        Task<CfcEventSubscription> subscribing = client.ManagementRealms.OnRealmCreated.SubscribeAsync(e => created.TrySetResult(e), timeout.Token);
        InvalidOperationException early = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ManagementRealms.GetRealmsAsync(timeout.Token));
        Assert.Contains("StartAsync", early.Message, StringComparison.Ordinal);
        Assert.Contains("CfcClientOptions.UriScheme", early.Message, StringComparison.Ordinal);

        Task starting = client.StartAsync(timeout.Token);
        Task<IReadOnlyList<string>> whileConnecting = client.ManagementRealms.GetRealmsAsync(timeout.Token);
        await starting;
        await using CfcEventSubscription subscription = await subscribing;
        await client.ManagementRealms.CreateRealmAsync("lab2", timeout.Token);

        Assert.Equal(served, client.UriScheme);
        Assert.NotNull(await whileConnecting);
        Assert.Equal("lab2", (await created.Task.WaitAsync(timeout.Token)).RealmName);
    }

    [Fact]
    public async Task A_call_waiting_for_the_scheme_fails_with_why_when_connecting_fails()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var options = new CfcClientOptions
        {
            Url = new Uri($"ws://127.0.0.1:{FreeTcpPort()}/ws"),
            Connection = new WampConnectionOptions { Reconnect = null },
        };
        await using CfcClient client = CfcClient.Create(options);

        Task starting = client.StartAsync(timeout.Token);
        Task waiting = client.System.GetStatusAsync(timeout.Token);

        CfcException failed = await Assert.ThrowsAnyAsync<CfcException>(() => starting);
        CfcException same = await Assert.ThrowsAnyAsync<CfcException>(() => waiting);
        Assert.Same(failed, same);
        Assert.Equal(CfcUriScheme.Auto, client.UriScheme);
    }

    [Fact]
    public void A_wrapped_session_needs_a_named_scheme()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => CfcClient.Create(new ScriptedWampClient(), CfcUriScheme.Auto));

        Assert.Contains("name the scheme", error.Message, StringComparison.Ordinal);
    }

    private static CfcClientOptions Options(FakeCfc fake, CryptosignKey key, string realm, IWampTransportFactory? transport) => new()
    {
        Url = fake.Url,
        Realm = realm,
        Authenticator = CfcAuthenticator.Cryptosign(key, User),
        Connection = new WampConnectionOptions { TransportFactory = transport },
    };

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
