using Cfc.Client;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Master.Tests.Harness;

/// <summary>Connects typed clients to the kit's master as its superuser.</summary>
internal static class MasterClients
{
    /// <summary>The serializers every scenario runs with (the master offers all three on WebSocket).</summary>
    public static TheoryData<string> Serializers => new() { "json", "msgpack", "cbor" };

    /// <summary>Bound for one operation against the real master on a busy 2-core machine.</summary>
    public static readonly TimeSpan Operation = TimeSpan.FromSeconds(30);

    /// <summary>Connects to <paramref name="realm"/> with <paramref name="serializer"/> under <paramref name="scheme"/>.</summary>
    public static async Task<CfcClient> ConnectAsync(
        CrossbarMasterKit kit, string realm, string serializer, CfcUriScheme scheme = CfcUriScheme.CrossbarMaster)
    {
        using var timeout = new CancellationTokenSource(Operation);
        using CryptosignKey key = CryptosignKey.Load(kit.SuperuserKeyFile);
        return await CfcClient.ConnectAsync(
            new CfcClientOptions
            {
                Url = kit.MasterUrl,
                Realm = realm,
                Authenticator = CfcAuthenticator.Cryptosign(key, kit.SuperuserAuthId),
                Serializer = Serializer(serializer),
                UriScheme = scheme,
            },
            timeout.Token);
    }

    /// <summary>The serializer named <paramref name="name"/>.</summary>
    public static WampSerializer Serializer(string name) => name switch
    {
        "json" => WampSerializer.Json,
        "msgpack" => WampSerializer.MessagePack,
        "cbor" => WampSerializer.Cbor,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "json, msgpack or cbor"),
    };
}
