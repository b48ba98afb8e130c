using Cfc.Client;
using Cfc.Client.Testing;

namespace Cfc.Cli.Tests.Tool;

/// <summary>
/// A <see cref="FakeCfc"/> owned by the test (not the tool's embedded one), so that tests can point the real
/// <c>cfc</c> at a URL with a key file and profile, see what arrived, and control the server side.
/// </summary>
public sealed class TestCfc : IAsyncDisposable
{
    private TestCfc(FakeCfc fake) => Fake = fake;

    public FakeCfc Fake { get; }

    public string Url => Fake.Url.ToString();

    public static async Task<TestCfc> StartAsync() => new(await FakeCfc.StartAsync(new FakeCfcOptions()));

    /// <summary>Lets the owner of <paramref name="publicKeyHex"/> in as <paramref name="authId"/>, owner of realm lab with node1.</summary>
    public void AddOwner(string authId, string publicKeyHex)
    {
        Fake.AddUser(authId, publicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] });
        Fake.AddNode("lab", "node1");
    }

    /// <summary>A second user connected to realm lab (e.g. a callee or a publisher beside the tool).</summary>
    public async Task<CfcClient> ConnectUserAsync(string authId, string realm = "lab")
    {
        var key = CryptosignKey.Generate();
        Fake.AddUser(authId, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { [realm] = ["owner"] });
        return await CfcClient.ConnectAsync(new CfcClientOptions { Url = Fake.Url, Realm = realm, Authenticator = CfcAuthenticator.Cryptosign(key, authId) });
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
