using System.Net;
using System.Net.Sockets;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Tests.Transport;

public class RawSocketTransportTests
{
    private static readonly WampTransportSettings NoKeepAlive = new() { KeepAliveInterval = TimeSpan.Zero };

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task The_handshake_announces_the_size_and_adopts_the_routers_limit()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token, routerExponent: 9);

        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json, WampSerializer.Cbor], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        Assert.Equal(new byte[] { 0x7F, 0xF1, 0x00, 0x00 }, await handshake);
        Assert.Equal(WampSerializer.Json, transportConnection.Serializer);
        Assert.Equal(1 << 18, ((RawSocketTransport)transport).MaxSendSize);
        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await transport.SendAsync(new byte[(1 << 18) + 1], WampFrameKind.Text, cts.Token));
        Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);
        Assert.Contains("262144", ex.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(WampSerializer.Cbor, 1 << 20, 0xB3)]
    [InlineData(WampSerializer.MessagePack, 512, 0x02)]
    [InlineData(WampSerializer.Json, 1_000_000, 0xA1)]
    public async Task The_handshake_carries_the_serializer_and_the_largest_size_we_accept(WampSerializer kind, int maxMessageSize, byte expected)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);

        WampTransportConnection transportConnection = await DefaultWampTransportFactory.Instance.ConnectAsync(peer.Url("tcp"), [kind], NoKeepAlive with { MaxMessageSize = maxMessageSize }, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;

        Assert.Equal(expected, (await handshake)[1]);
        Assert.Equal(kind, transportConnection.Serializer);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(1, "does not support the requested serializer")]
    [InlineData(2, "maximum message size")]
    [InlineData(3, "reserved bits")]
    [InlineData(4, "maximum connection count")]
    [InlineData(7, "unknown error code 7")]
    public async Task Each_refusal_code_reads_clearly(int code, string expected)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task refuse = Task.Run(async () =>
        {
            await peer.AcceptAsync(cts.Token);
            await peer.ReadAsync(4, cts.Token);
            await peer.WriteAsync([0x7F, (byte)(code << 4), 0, 0], cts.Token);
        });

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token));
        await refuse.WaitAsync(Timeouts.Wait);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"error {code}", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_peer_that_does_not_speak_rawsocket_is_a_protocol_violation()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task http = Task.Run(async () =>
        {
            await peer.AcceptAsync(cts.Token);
            await peer.WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), cts.Token);
        });

        WampProtocolViolationException ex = await Assert.ThrowsAsync<WampProtocolViolationException>(async () =>
            await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token));
        await http.WaitAsync(Timeouts.Wait);

        Assert.Contains("0x48", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Messages_are_framed_with_a_four_octet_header_both_ways()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;
        byte[] large = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        await transport.SendAsync("hello"u8.ToArray(), WampFrameKind.Text, cts.Token);
        await transport.SendAsync(large, WampFrameKind.Text, cts.Token);
        Assert.Equal(new byte[] { 0, 0, 0, 5, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, await peer.ReadAsync(9, cts.Token));
        (byte type, byte[] payload) = await peer.ReadFrameAsync(cts.Token);
        Assert.Equal(0, type);
        Assert.Equal(large, payload);

        await peer.WriteFrameAsync(0, large, cts.Token);
        using var received = new PooledBufferWriter(16);
        Assert.True(await transport.ReceiveAsync(received, cts.Token));
        Assert.True(received.WrittenSpan.SequenceEqual(large));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_ping_is_answered_with_a_pong_echoing_its_payload()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;
        using var received = new PooledBufferWriter();
        ValueTask<bool> receive = transport.ReceiveAsync(received, cts.Token);

        await peer.WriteFrameAsync(1, [9, 8, 7], cts.Token);
        (byte type, byte[] payload) = await peer.ReadFrameAsync(cts.Token);
        await peer.WriteFrameAsync(2, [1], cts.Token);
        await peer.WriteFrameAsync(0, "[1]"u8.ToArray(), cts.Token);

        Assert.Equal(2, type);
        Assert.Equal(new byte[] { 9, 8, 7 }, payload);
        Assert.True(await receive);
        Assert.Equal("[1]"u8.ToArray(), received.WrittenSpan.ToArray());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_ping_that_arrives_during_a_large_write_is_answered_after_the_whole_message_and_never_holds_the_reader()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;

        // 12 MiB the peer does not read yet: the write fills the socket buffers and waits.
        byte[] large = new byte[12 * 1024 * 1024];
        Random.Shared.NextBytes(large);
        Task send = transport.SendAsync(large, WampFrameKind.Text, cts.Token).AsTask();

        // The reader answers the PING by queuing its PONG for the one writer, and reads on: the message behind the PING
        // arrives while the large write still waits (a reader that waited for the writer would never get here).
        using var received = new PooledBufferWriter();
        ValueTask<bool> receive = transport.ReceiveAsync(received, cts.Token);
        await peer.WriteFrameAsync(1, [4, 2], cts.Token);
        await peer.WriteFrameAsync(0, "[1]"u8.ToArray(), cts.Token);
        Assert.True(await receive);
        Assert.Equal("[1]"u8.ToArray(), received.WrittenSpan.ToArray());

        // On the wire: the whole message, then the PONG (a frame is never cut in half).
        (byte type, byte[] payload) = await peer.ReadFrameAsync(cts.Token);
        Assert.Equal(0, type);
        Assert.True(payload.AsSpan().SequenceEqual(large));
        await send;
        (type, payload) = await peer.ReadFrameAsync(cts.Token);
        Assert.Equal(2, type);
        Assert.Equal(new byte[] { 4, 2 }, payload);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task An_oversized_incoming_frame_fails_and_closes()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive with { MaxMessageSize = 1024 }, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        Assert.Equal(0x11, (await handshake)[1]);

        await peer.WriteAsync([0, 0, 0x04, 0x01], cts.Token);
        using var received = new PooledBufferWriter();
        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await transport.ReceiveAsync(received, cts.Token));

        Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);
        Assert.Contains("1025", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await peer.Stream.ReadAsync(new byte[1], cts.Token));
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(new byte[] { 0x10, 0, 0, 1 })]
    [InlineData(new byte[] { 0x03, 0, 0, 1 })]
    [InlineData(new byte[] { 0x08, 0, 0, 1 })]
    public async Task Invalid_frame_headers_are_protocol_violations(byte[] header)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;

        await peer.WriteAsync([.. header, 0], cts.Token);
        using var received = new PooledBufferWriter();

        await Assert.ThrowsAsync<WampProtocolViolationException>(async () => await transport.ReceiveAsync(received, cts.Token));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Keep_alive_pings_and_declares_a_silent_peer_dead()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        var settings = new WampTransportSettings { KeepAliveInterval = TimeSpan.FromMilliseconds(50), KeepAliveTimeout = TimeSpan.FromMilliseconds(300) };
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], settings, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;
        using var received = new PooledBufferWriter();
        ValueTask<bool> receive = transport.ReceiveAsync(received, cts.Token);

        // Answer the first PING; stay silent on the second.
        (byte firstType, byte[] firstPayload) = await peer.ReadFrameAsync(cts.Token);
        await peer.WriteFrameAsync(2, firstPayload, cts.Token);
        (byte secondType, byte[] secondPayload) = await peer.ReadFrameAsync(cts.Token);

        WampConnectionLostException ex = await Assert.ThrowsAsync<WampConnectionLostException>(async () => await receive);
        Assert.Equal(1, firstType);
        Assert.Equal(1, secondType);
        Assert.Equal(8, firstPayload.Length);
        Assert.NotEqual(firstPayload, secondPayload);
        Assert.Contains("PING", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampConnectionEndReason.KeepAliveTimeout, ex.EndReason);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Closing_sends_a_clean_end_of_stream_and_a_peer_close_ends_receive()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        IWampTransport transport = transportConnection.Transport;
        await handshake;

        await transport.CloseAsync(cts.Token);
        Assert.Equal(0, await peer.Stream.ReadAsync(new byte[1], cts.Token));
        await transport.DisposeAsync();

        await using var peer2 = new RawSocketPeer();
        Task<byte[]> handshake2 = peer2.HandshakeAsync(cts.Token);
        await using IWampTransport transport2 = (await RawSocketTransportFactory.Instance.ConnectAsync(peer2.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token)).Transport;
        await handshake2;
        peer2.Stream.Socket.Shutdown(SocketShutdown.Send);
        using var received = new PooledBufferWriter();
        Assert.False(await transport2.ReceiveAsync(received, cts.Token));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_break_inside_a_frame_is_a_lost_connection()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        await using var peer = new RawSocketPeer();
        Task<byte[]> handshake = peer.HandshakeAsync(cts.Token);
        WampTransportConnection transportConnection = await RawSocketTransportFactory.Instance.ConnectAsync(peer.Url(), [WampSerializer.Json], NoKeepAlive, cts.Token);
        await using IWampTransport transport = transportConnection.Transport;
        await handshake;

        await peer.WriteAsync([0, 0, 0, 10, 1, 2], cts.Token);
        peer.CloseConnection();
        using var received = new PooledBufferWriter();

        await Assert.ThrowsAsync<WampConnectionLostException>(async () => await transport.ReceiveAsync(received, cts.Token));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Server_side_accept_talks_to_our_client()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<RawSocketTransport> accept = Task.Run(async () =>
        {
            Socket socket = await listener.AcceptSocketAsync(cts.Token);
            return await RawSocketTransport.AcceptAsync(new NetworkStream(socket, ownsSocket: true), id => WampSerializerIds.FromRawSocketId(id) is not null, 1 << 16, cts.Token);
        });

        await using IWampTransport client = (await RawSocketTransportFactory.Instance.ConnectAsync(new Uri($"rs://127.0.0.1:{port}"), [WampSerializer.Cbor], NoKeepAlive, cts.Token)).Transport;
        await using RawSocketTransport server = await accept.WaitAsync(Timeouts.Wait);

        Assert.Equal(WampSerializerIds.RawSocketId(WampSerializer.Cbor), server.SerializerId);
        Assert.Equal(1 << 16, ((RawSocketTransport)client).MaxSendSize);
        await client.SendAsync(new byte[] { 1, 2 }, WampFrameKind.Text, cts.Token);
        using var atServer = new PooledBufferWriter();
        Assert.True(await server.ReceiveAsync(atServer, cts.Token));
        await server.SendAsync(atServer.WrittenMemory, WampFrameKind.Text, cts.Token);
        using var atClient = new PooledBufferWriter();
        Assert.True(await client.ReceiveAsync(atClient, cts.Token));
        Assert.Equal(new byte[] { 1, 2 }, atClient.WrittenSpan.ToArray());

        await client.CloseAsync(cts.Token);
        Assert.False(await server.ReceiveAsync(atServer, cts.Token));
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData(new byte[] { 0x7F, 0xF5, 0, 0 }, 0x10, "unsupported RawSocket serializer 5")]
    [InlineData(new byte[] { 0x7F, 0xF0, 0, 0 }, 0x10, "unsupported RawSocket serializer 0")]
    [InlineData(new byte[] { 0x7F, 0xF1, 0, 1 }, 0x30, "reserved bits")]
    public async Task Server_side_accept_refuses_with_the_right_code(byte[] request, byte expectedReply, string expectedText)
    {
        using CancellationTokenSource cts = Timeouts.Token();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<RawSocketTransport> accept = Task.Run(async () =>
        {
            Socket socket = await listener.AcceptSocketAsync(cts.Token);
            return await RawSocketTransport.AcceptAsync(new NetworkStream(socket, ownsSocket: true), id => WampSerializerIds.FromRawSocketId(id) is not null, 1 << 16, cts.Token);
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);

        await client.GetStream().WriteAsync(request, cts.Token);
        byte[] reply = new byte[4];
        await client.GetStream().ReadExactlyAsync(reply, cts.Token);

        Assert.Equal(new byte[] { 0x7F, expectedReply, 0, 0 }, reply);
        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await accept.WaitAsync(Timeouts.Wait));
        Assert.Contains(expectedText, ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Our_client_reads_the_servers_refusal()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task accept = Task.Run(async () =>
        {
            using Socket socket = await listener.AcceptSocketAsync(cts.Token);
            await Assert.ThrowsAsync<WampException>(async () =>
                await RawSocketTransport.AcceptAsync(new NetworkStream(socket), id => id == 1, 1 << 16, cts.Token));
        });

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await RawSocketTransportFactory.Instance.ConnectAsync(new Uri($"rs://127.0.0.1:{port}"), [WampSerializer.MessagePack, WampSerializer.Json], NoKeepAlive, cts.Token));
        await accept.WaitAsync(Timeouts.Wait);

        Assert.Contains("serializer (RawSocket id 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addresses_without_a_port_are_refused()
    {
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await RawSocketTransportFactory.Instance.ConnectAsync(new Uri("rs://127.0.0.1"), [WampSerializer.Json], NoKeepAlive, CancellationToken.None));

        Assert.Contains("port", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(512, 0)]
    [InlineData(1023, 0)]
    [InlineData(1024, 1)]
    [InlineData(1_000_000, 10)]
    [InlineData(16 * 1024 * 1024, 15)]
    public void The_announced_length_never_exceeds_the_limit(int maxMessageSize, int exponent) =>
        Assert.Equal(exponent, RawSocketProtocol.LengthExponent(maxMessageSize));

    [Theory]
    [InlineData(0, new byte[] { 0, 0, 0, 0 })]
    [InlineData(0x123456, new byte[] { 0, 0x12, 0x34, 0x56 })]
    [InlineData(1 << 24, new byte[] { 0x08, 0, 0, 0 })]
    public void Frame_headers_round_trip_including_exactly_16_MiB(int length, byte[] expected)
    {
        byte[] header = new byte[4];

        RawSocketProtocol.WriteFrameHeader(header, 0, length);

        Assert.Equal(expected, header);
        Assert.True(RawSocketProtocol.TryReadFrameHeader(header, out byte type, out int read));
        Assert.Equal(0, type);
        Assert.Equal(length, read);
    }
}
