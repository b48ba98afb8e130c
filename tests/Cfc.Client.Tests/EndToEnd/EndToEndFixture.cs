using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.EndToEnd;

/// <summary>
/// One FakeCfc serving ONLY the fixture's URI scheme (so a client speaking the wrong scheme would fail), with users alice
/// and bob, and alice's client on the global realm over a real WebSocket with the fixture's serializer.
/// Ticks every 100 ms so on_tick is observable without a fake clock.
/// </summary>
public abstract class EndToEndFixture(CfcUriScheme scheme, WampSerializer serializer) : IAsyncLifetime
{
    public const string Alice = "alice@example.com";
    public const string Bob = "bob@example.com";

    public CfcUriScheme Scheme { get; } = scheme;

    public WampSerializer Serializer { get; } = serializer;

    public CryptosignKey AliceKey { get; } = CryptosignKey.Generate();

    public CryptosignKey BobKey { get; } = CryptosignKey.Generate();

    public FakeCfc Fake { get; private set; } = null!;

    /// <summary>Alice on the global realm.</summary>
    public CfcClient Global { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = Scheme, TickPeriod = TimeSpan.FromMilliseconds(100) });
        Fake.AddUser(Alice, AliceKey.PublicKeyHex);
        Fake.AddUser(Bob, BobKey.PublicKeyHex);
        Global = await ConnectAsync(CfcRealms.Global, AliceKey, Alice);
    }

    public Task<CfcClient> ConnectAsync(string realm, CryptosignKey key, string? authId) =>
        CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = Fake.Url,
            Realm = realm,
            Authenticator = CfcAuthenticator.Cryptosign(key, authId),
            Serializer = Serializer,
            UriScheme = Scheme,
            Connection = new() { ConnectTimeout = TimeSpan.FromSeconds(10), CallTimeout = TimeSpan.FromSeconds(10) },
        });

    /// <summary>Creates a management realm owned by alice, pairs node "node1" with it, and connects alice to it.</summary>
    public async Task<CfcClient> ManagementRealmWithNodeAsync(string realm, string nodeId = "node1")
    {
        await Global.ManagementRealms.CreateRealmAsync(realm);
        using var nodeKey = CryptosignKey.Generate();
        await Global.ManagementRealms.PairNodeAsync(nodeKey.PublicKeyHex, realm, nodeId);
        return await ConnectAsync(realm, AliceKey, Alice);
    }

    public async Task DisposeAsync()
    {
        await Global.DisposeAsync();
        await Fake.DisposeAsync();
        AliceKey.Dispose();
        BobKey.Dispose();
    }
}

public sealed class FabricJsonFixture() : EndToEndFixture(CfcUriScheme.Fabric, WampSerializer.Json);

public sealed class FabricCborFixture() : EndToEndFixture(CfcUriScheme.Fabric, WampSerializer.Cbor);

public sealed class FabricMessagePackFixture() : EndToEndFixture(CfcUriScheme.Fabric, WampSerializer.MessagePack);

public sealed class LegacyJsonFixture() : EndToEndFixture(CfcUriScheme.Legacy, WampSerializer.Json);

public sealed class LegacyCborFixture() : EndToEndFixture(CfcUriScheme.Legacy, WampSerializer.Cbor);

public sealed class LegacyMessagePackFixture() : EndToEndFixture(CfcUriScheme.Legacy, WampSerializer.MessagePack);
