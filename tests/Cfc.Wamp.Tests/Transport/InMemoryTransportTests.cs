using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Tests.Transport;

public class InMemoryTransportTests
{
    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Frames_travel_both_ways_as_copies()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair();
        byte[] frame = [1, 2, 3];

        await client.SendAsync(frame, WampFrameKind.Text, cts.Token);
        frame[0] = 9;
        using var received = new PooledBufferWriter();
        Assert.True(await server.ReceiveAsync(received, cts.Token));
        await server.SendAsync(new byte[] { 4, 5 }, WampFrameKind.Text, cts.Token);
        using var back = new PooledBufferWriter();
        Assert.True(await client.ReceiveAsync(back, cts.Token));

        Assert.Equal(new byte[] { 1, 2, 3 }, received.WrittenSpan.ToArray());
        Assert.Equal(new byte[] { 4, 5 }, back.WrittenSpan.ToArray());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task A_clean_close_delivers_pending_frames_then_ends_both_receives()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair();
        using var buffer = new PooledBufferWriter();
        ValueTask<bool> clientReceive = client.ReceiveAsync(buffer, cts.Token);

        await client.SendAsync(new byte[] { 7 }, WampFrameKind.Text, cts.Token);
        await client.CloseAsync(cts.Token);

        using var received = new PooledBufferWriter();
        Assert.True(await server.ReceiveAsync(received, cts.Token));
        Assert.False(await server.ReceiveAsync(received, cts.Token));
        Assert.False(await clientReceive);
        await Assert.ThrowsAsync<WampConnectionLostException>(async () => await server.SendAsync(new byte[] { 1 }, WampFrameKind.Text, cts.Token));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Abort_fails_the_other_side_as_a_lost_connection()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair();
        using var buffer = new PooledBufferWriter();
        ValueTask<bool> serverReceive = server.ReceiveAsync(buffer, cts.Token);

        client.Abort();

        await Assert.ThrowsAsync<WampConnectionLostException>(async () => await serverReceive);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task The_size_limit_refuses_without_breaking_the_connection()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair(512);

        WampException ex = await Assert.ThrowsAsync<WampException>(async () => await client.SendAsync(new byte[513], WampFrameKind.Text, cts.Token));
        await client.SendAsync(new byte[512], WampFrameKind.Text, cts.Token);
        using var received = new PooledBufferWriter();

        Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);
        Assert.Contains("513", ex.Message, StringComparison.Ordinal);
        Assert.Contains("512", ex.Message, StringComparison.Ordinal);
        Assert.True(await server.ReceiveAsync(received, cts.Token));
        Assert.Equal(512, received.WrittenCount);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task The_factory_hands_out_transports_for_the_first_serializer()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        var servers = new List<InMemoryTransport>();
        var factory = new InMemoryTransportFactory(serializer =>
        {
            (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair();
            servers.Add(server);
            return client;
        });

        WampTransportConnection firstConnection = await factory.ConnectAsync(new Uri("ws://in-memory"), [WampSerializer.Cbor, WampSerializer.Json], new WampTransportSettings(), cts.Token);
        IWampTransport first = firstConnection.Transport;
        WampTransportConnection secondConnection = await factory.ConnectAsync(new Uri("ws://in-memory"), [WampSerializer.Json], new WampTransportSettings(), cts.Token);
        IWampTransport second = secondConnection.Transport;

        Assert.Equal(WampSerializer.Cbor, firstConnection.Serializer);
        Assert.Equal(WampSerializer.Json, secondConnection.Serializer);
        Assert.NotSame(first, second);
        Assert.Equal(2, factory.ConnectCount);
        Assert.Equal(2, servers.Count);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task The_factory_can_hand_out_a_pre_made_transport()
    {
        using CancellationTokenSource cts = Timeouts.Token();
        (InMemoryTransport client, _) = InMemoryTransport.CreatePair();
        var factory = new InMemoryTransportFactory(client);

        WampTransportConnection connection = await factory.ConnectAsync(new Uri("ws://in-memory"), [WampSerializer.Json], new WampTransportSettings(), cts.Token);

        Assert.Same(client, connection.Transport);
        Assert.Equal(WampSerializer.Json, connection.Serializer);
    }
}
