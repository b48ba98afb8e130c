using System.Net;
using System.Net.Sockets;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Tests.Session;

/// <summary>WampClient.Create makes a client without the network; StartAsync connects it once.</summary>
public sealed class CreateThenStartTests
{
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ws");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_created_client_is_disconnected_refuses_work_until_started_then_connects()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using WampClient client = WampClient.Create(new WampClientOptions { Url = host.Url, Realm = "realm1" });

        Assert.Equal(WampConnectionState.Disconnected, client.State);
        var early = await Assert.ThrowsAsync<WampConnectionLostException>(() => client.CallAsync("com.x"));
        Assert.Contains("not connected", early.Message, StringComparison.Ordinal);

        await client.StartAsync().Within();

        Assert.Equal(WampConnectionState.Connected, client.State);
        Assert.NotNull(client.SessionId);
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartAsync());
        Assert.Contains("started already", again.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_failed_start_without_reconnect_leaves_the_client_failed_with_the_reason()
    {
        await using WampClient client = WampClient.Create(new WampClientOptions { Url = ClosedPort(), Realm = "realm1", ConnectTimeout = TimeSpan.FromSeconds(5) });

        await Assert.ThrowsAnyAsync<WampException>(() => client.StartAsync());

        Assert.Equal(WampConnectionState.Failed, client.State);
        Assert.NotNull(client.LastError);
        await Assert.ThrowsAsync<WampConnectionLostException>(() => client.CallAsync("com.x"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Work_queued_while_a_retrying_start_waits_gets_the_session_once_the_router_is_up()
    {
        Uri url = ClosedPort();
        await using WampClient client = WampClient.Create(new WampClientOptions
        {
            Url = url,
            Realm = "realm1",
            Reconnect = new WampReconnectOptions { RetryFirstConnect = true, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        });
        Task started = client.StartAsync();
        Assert.Equal(WampConnectionState.Connecting, client.State);
        await Eventually.HoldsAsync(() => client.LastError is not null, ScriptedTransport.Wait);
        Task<long?> publish = client.PublishAsync("com.x", default, new WampPublishOptions { Acknowledge = true });

        await using WampRouterHost host = await WampRouterHost.StartNewAsync(hostOptions: new WampRouterHostOptions { Port = url.Port });

        await started.Within();
        Assert.NotNull(await publish.Within());
    }
}
