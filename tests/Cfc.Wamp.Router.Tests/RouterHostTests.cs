using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterHostTests
{
    [Fact]
    public async Task Url_is_a_loopback_websocket_address_on_a_free_port()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();

        Assert.Equal("ws", host.Url.Scheme);
        Assert.Equal("127.0.0.1", host.Url.Host);
        Assert.NotEqual(0, host.Url.Port);
        Assert.Equal("/ws", host.Url.AbsolutePath);
    }

    [Theory]
    [InlineData(new[] { "wamp.2.json" }, "wamp.2.json")]
    [InlineData(new[] { "x.unknown", "wamp.2.cbor", "wamp.2.json" }, "wamp.2.cbor")]
    [InlineData(new[] { "wamp.2.msgpack", "wamp.2.json" }, "wamp.2.msgpack")]
    public async Task The_first_supported_subprotocol_the_client_offers_is_chosen(string[] offered, string expected)
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();

        await using WebSocketPeer peer = await WebSocketPeer.ConnectAsync(host.Url, offered);

        Assert.Equal(expected, peer.SubProtocol);
    }

    [Fact]
    public async Task A_client_without_a_known_subprotocol_is_refused()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();

        await Assert.ThrowsAsync<WebSocketException>(() => WebSocketPeer.ConnectAsync(host.Url, "mqtt"));
    }

    [Fact]
    public async Task Refused_connections_fail_until_the_window_ends()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();

        host.Router.RefuseConnections(TimeSpan.FromMinutes(5));
        Assert.True(host.Router.IsRefusingConnections);
        await Assert.ThrowsAsync<WebSocketException>(() => WebSocketPeer.ConnectAsync(host.Url));

        host.Router.RefuseConnections(TimeSpan.Zero);
        host.Router.RefuseNewConnections = true;
        await Assert.ThrowsAsync<WebSocketException>(() => WebSocketPeer.ConnectAsync(host.Url));

        host.Router.RefuseNewConnections = false;
        await using WebSocketPeer peer = await WebSocketPeer.ConnectAsync(host.Url);
        await peer.JoinAsync();
    }

    [Fact]
    public async Task Drop_all_connections_closes_abruptly_and_cleans_up_sessions()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(true);
        RawPeer callee = await bed.JoinAsync();
        var subscriber = (WebSocketPeer)await bed.JoinAsync();
        await callee.RegisterAsync("com.example.p");
        await subscriber.SubscribeAsync("com.example.topic");
        await bed.WaitForSessionCountAsync(2);

        await bed.Router.DropAllConnectionsAsync();

        await subscriber.ExpectClosedAsync();
        Assert.False(subscriber.ClosedCleanly);
        await bed.WaitForSessionCountAsync(0);

        // The router keeps serving new clients, and the dropped callee's procedure is gone.
        RawPeer caller = await bed.JoinAsync();
        await caller.CallAsync("com.example.p");
        Assert.Equal("wamp.error.no_such_procedure", (await caller.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Delayed_answers_arrive_late_but_in_order()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer caller = await bed.JoinAsync();
        bed.Router.DelayAnswers(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        long first = await caller.CallAsync("wamp.session.count");
        long second = await caller.CallAsync("com.example.missing");

        Assert.Equal(first, (await caller.ExpectAsync(50))[1].GetInt64());
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"answer came after {watch.Elapsed}");
        Assert.Equal(second, (await caller.ExpectAsync(8))[2].GetInt64());

        bed.Router.DelayAnswers(TimeSpan.Zero);
        await caller.CallAsync("wamp.session.count");
        await caller.ExpectAsync(50);
    }

    [Fact]
    public async Task CallsReceived_counts_every_call_the_router_took_answered_or_refused()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer caller = await bed.JoinAsync();
        Assert.Equal(0, bed.Router.CallsReceived);

        await caller.CallAsync("wamp.session.count");
        await caller.ExpectAsync(50);
        Assert.Equal(1, bed.Router.CallsReceived);

        await caller.CallAsync("com.example.missing");
        await caller.ExpectAsync(8);
        Assert.Equal(2, bed.Router.CallsReceived);

        // Counted before it is routed: a call the router holds (its answer delayed) is already counted.
        bed.Router.DelayAnswers(TimeSpan.FromMinutes(5));
        await caller.CallAsync("wamp.session.count");
        await Eventually.HoldsAsync(() => bed.Router.CallsReceived == 3);
    }

    [Fact]
    public async Task Disposing_the_host_says_goodbye_to_every_session()
    {
        WampRouterHost host = await WampRouterHost.StartNewAsync();
        WebSocketPeer peer;
        try
        {
            peer = await WebSocketPeer.ConnectAsync(host.Url);
            await peer.JoinAsync();
        }
        finally
        {
            await host.DisposeAsync().AsTask().WaitAsync(RawPeer.Timeout);
        }

        JsonElement goodbye = await peer.ExpectAsync(6);
        Assert.Equal("wamp.close.system_shutdown", goodbye[2].GetString());
        await peer.ExpectClosedAsync();
        Assert.True(peer.ClosedCleanly);
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_accept_ends_the_session()
    {
        var router = new WampRouter();
        (MemoryTransport server, MemoryTransport client) = MemoryTransport.CreatePair();
        using var cts = new CancellationTokenSource();
        Task session = router.AcceptAsync(server, WampSerializer.Json, cts.Token);
        await using var peer = new MemoryPeer(client);
        await peer.JoinAsync();

        await cts.CancelAsync();

        await session.WaitAsync(RawPeer.Timeout);
        await peer.ExpectClosedAsync();
        Assert.Equal(0, router.SessionCount);
        await router.DisposeAsync();
    }
}
