using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.Master.Tests.Harness;

/// <summary>Anonymous application sessions on a WebSocket transport the tests open on the edge's router worker.</summary>
internal static class AppSessions
{
    /// <summary>Joins <paramref name="realm"/> at 127.0.0.1:<paramref name="port"/>; without reconnect, so that a killed session stays gone.</summary>
    public static async Task<CfcClient> ConnectAsync(int port, string realm, string serializer)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        return await CfcClient.ConnectAsync(
            new CfcClientOptions
            {
                Url = new Uri($"ws://127.0.0.1:{port}/ws"),
                Realm = realm,
                Authenticator = CfcAuthenticator.Anonymous,
                Serializer = MasterClients.Serializer(serializer),
                Connection = new WampConnectionOptions { Reconnect = null },
            },
            timeout.Token);
    }
}
