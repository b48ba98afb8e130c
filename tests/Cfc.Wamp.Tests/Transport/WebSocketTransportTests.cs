using System.Net.WebSockets;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Tests.Transport;

public class WebSocketTransportTests
{
    private static readonly WampTransportSettings Settings = new() { KeepAliveInterval = TimeSpan.FromSeconds(10), KeepAliveTimeout = TimeSpan.FromSeconds(5) };

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Offers_subprotocols_in_the_users_order_and_uses_the_one_chosen()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], EchoAsync);

        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.MessagePack, WampSerializer.Json, WampSerializer.Cbor], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        Assert.Equal(["wamp.2.msgpack", "wamp.2.json", "wamp.2.cbor"], server.LastOffered);
        Assert.Equal(WampSerializer.MessagePack, transportConnection.Serializer);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Uses_the_routers_pick_when_it_is_not_the_first()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(_ => "wamp.2.json", EchoAsync);

        WampTransportConnection transportConnection = await DefaultWampTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Cbor, WampSerializer.Json], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        Assert.Equal(WampSerializer.Json, transportConnection.Serializer);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_missing_subprotocol_is_an_error_naming_what_was_offered()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(_ => null, EchoAsync);

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Cbor, WampSerializer.Json], Settings, cts.Token));

        Assert.Contains("no subprotocol", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wamp.2.cbor, wamp.2.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(WampSerializer.Json, WebSocketMessageType.Text)]
    [InlineData(WampSerializer.Cbor, WebSocketMessageType.Binary)]
    [InlineData(WampSerializer.MessagePack, WebSocketMessageType.Binary)]
    public async Task Json_goes_in_text_frames_and_the_rest_in_binary(WampSerializer kind, WebSocketMessageType expected)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        var seen = new TaskCompletionSource<WebSocketMessageType>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], async socket =>
        {
            byte[] buffer = new byte[64];
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            seen.TrySetResult(result.MessageType);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
        });
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [kind], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        await transport.SendAsync("[1]"u8.ToArray(), WampSerializerIds.FrameKind(transportConnection.Serializer), cts.Token);

        Assert.Equal(expected, await seen.Task.WaitAsync(Timeouts.Wait));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_message_in_many_frames_arrives_whole()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        byte[] message = Enumerable.Range(0, 1_000_000).Select(i => (byte)(i * 7)).ToArray();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], async socket =>
        {
            for (int offset = 0; offset < message.Length; offset += 4096)
            {
                int count = Math.Min(4096, message.Length - offset);
                await socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Binary, offset + count == message.Length, cts.Token);
            }

            await socket.SendAsync("x"u8.ToArray(), WebSocketMessageType.Binary, true, cts.Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
        });
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Cbor], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        using var first = new PooledBufferWriter();
        using var second = new PooledBufferWriter();

        Assert.True(await transport.ReceiveAsync(first, cts.Token));
        Assert.True(await transport.ReceiveAsync(second, cts.Token));
        Assert.False(await transport.ReceiveAsync(second, cts.Token));

        Assert.True(first.WrittenSpan.SequenceEqual(message));
        Assert.Equal("x"u8.ToArray(), second.WrittenSpan.ToArray());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task An_oversized_send_fails_and_the_connection_keeps_working()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], EchoAsync);
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Json], Settings with { MaxMessageSize = 1000 }, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await transport.SendAsync(new byte[1001], WampFrameKind.Text, cts.Token));
        await transport.SendAsync("[2]"u8.ToArray(), WampFrameKind.Text, cts.Token);
        using var echo = new PooledBufferWriter();

        Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);
        Assert.Contains("1001", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
        Assert.True(await transport.ReceiveAsync(echo, cts.Token));
        Assert.Equal("[2]"u8.ToArray(), echo.WrittenSpan.ToArray());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task An_oversized_incoming_message_fails_and_closes_with_1009()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        var closeStatus = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], async socket =>
        {
            await socket.SendAsync(new byte[50_000], WebSocketMessageType.Binary, true, cts.Token);
            byte[] buffer = new byte[64];
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            closeStatus.TrySetResult(result.MessageType == WebSocketMessageType.Close ? socket.CloseStatus : null);
        });
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Cbor], Settings with { MaxMessageSize = 20_000 }, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        using var buffer = new PooledBufferWriter();

        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await transport.ReceiveAsync(buffer, cts.Token));

        Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);
        Assert.Contains("20000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await closeStatus.Task.WaitAsync(Timeouts.Wait));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Closing_either_side_ends_the_other_sides_receive_cleanly()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        var serverSawEnd = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], async socket =>
        {
            // The server side reuses the same transport class, as the in-process router does.
            await using var serverTransport = new WebSocketTransport(socket, 1 << 20);
            using var buffer = new PooledBufferWriter();
            bool received = await serverTransport.ReceiveAsync(buffer, cts.Token);
            bool more = await serverTransport.ReceiveAsync(buffer, cts.Token);
            serverSawEnd.TrySetResult(received && !more && buffer.WrittenSpan.SequenceEqual("[6]"u8));
        });
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Json], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        using var clientBuffer = new PooledBufferWriter();
        ValueTask<bool> pendingReceive = transport.ReceiveAsync(clientBuffer, cts.Token);

        await transport.SendAsync("[6]"u8.ToArray(), WampFrameKind.Text, cts.Token);
        await transport.CloseAsync(cts.Token);

        Assert.True(await serverSawEnd.Task.WaitAsync(Timeouts.Wait));
        Assert.False(await pendingReceive);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_server_close_ends_the_clients_receive_cleanly()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using WebSocketTestServer server = await WebSocketTestServer.StartAsync(offered => offered[0], async socket =>
        {
            await using var serverTransport = new WebSocketTransport(socket, 1 << 20);
            await serverTransport.CloseAsync(cts.Token);
        });
        WampTransportConnection transportConnection = await WebSocketTransportFactory.Instance.ConnectAsync(server.Url, [WampSerializer.Json], Settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        using var buffer = new PooledBufferWriter();

        Assert.False(await transport.ReceiveAsync(buffer, cts.Token));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_refused_connection_is_a_lost_connection()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await Assert.ThrowsAsync<WampConnectionLostException>(async () =>
            await WebSocketTransportFactory.Instance.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws"), [WampSerializer.Json], Settings, cts.Token));
    }

    [Fact]
    public async Task Unknown_schemes_are_refused_by_the_default_factory()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await DefaultWampTransportFactory.Instance.ConnectAsync(new Uri("http://127.0.0.1:1/"), [WampSerializer.Json], Settings, CancellationToken.None));
    }

    private static async Task EchoAsync(WebSocket socket)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var transport = new WebSocketTransport(socket, 1 << 20);
        using var buffer = new PooledBufferWriter();
        try
        {
            while (await transport.ReceiveAsync(buffer, cts.Token))
            {
                await transport.SendAsync(buffer.WrittenMemory, WampFrameKind.Text, cts.Token);
                buffer.Clear();
            }
        }
        catch (Exception ex) when (ex is WampException or OperationCanceledException)
        {
            // The test ended the connection abruptly; the echo just stops.
        }
    }
}
