using Cfc.Wamp.Router;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class KeepAliveTests
{
    [Fact(Timeout = 30000)]
    public async Task A_stalled_connection_is_noticed_by_the_keep_alive_and_the_client_reconnects()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using var proxy = new TcpProxy(host.Url.Port);
        var url = new UriBuilder(host.Url) { Port = proxy.Port }.Uri;
        WampClientOptions options = Harness.Options(url) with
        {
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            KeepAliveTimeout = TimeSpan.FromMilliseconds(400),
        };
        await using WampClient client = await WampClient.ConnectAsync(options).WaitAsync(Harness.Wait);
        await client.RegisterAsync("com.app.ping", (_, _) => ValueTask.FromResult(Harness.Args(1)));
        long? session = client.SessionId;

        // The path goes silent: nothing is forwarded, nothing is closed. Only the missing pongs tell.
        proxy.StallExisting();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => client.State != WampConnectionState.Connected, "the dead connection noticed", TimeSpan.FromSeconds(8));
        TimeSpan noticed = watch.Elapsed;
        await Harness.ReconnectedAsync(client, session);

        Assert.IsType<WampConnectionLostException>(client.LastError);
        Assert.Equal(1, (await client.CallAsync("com.app.ping").WaitAsync(Harness.Wait)).Payload[0].GetInt64());
        Console.WriteLine($"Stall noticed after {noticed.TotalMilliseconds:0} ms (interval 200 ms + timeout 400 ms)");
    }
}
