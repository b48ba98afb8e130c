using System.Net.Sockets;
using Cfc.Wamp.Router;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Router.Tests;

/// <summary>
/// A RawSocket client that connects and never sends its handshake is dropped after the handshake timeout, measured on
/// the router's clock (so a fake clock decides it, not the wall clock).
/// </summary>
public sealed class RawSocketHandshakeTimeoutTests
{
    [Fact(Timeout = 60000)]
    public async Task A_client_that_never_sends_its_handshake_is_dropped_when_the_routers_clock_passes_the_timeout()
    {
        var clock = new FakeTimeProvider();
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(
            new WampRouterOptions { TimeProvider = clock }, new WampRouterHostOptions { RawSocketPort = 0 });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.RawSocketUrl!.Port);
        NetworkStream stream = tcp.GetStream();
        Task<int> read = stream.ReadAsync(new byte[4]).AsTask();

        // Below the timeout nothing happens, however long the test waits on the wall clock.
        clock.Advance(RawSocketListener.HandshakeTimeout - TimeSpan.FromSeconds(1));
        Assert.False(read.IsCompleted);

        // The listener arms its timer when it accepts the connection, which may be after the first advance: keep the
        // clock moving past the timeout until the router has let go of the connection (well before the 10 s the wall
        // clock would take).
        await Eventually.HoldsAsync(
            () =>
            {
                clock.Advance(RawSocketListener.HandshakeTimeout);
                return read.IsCompleted;
            },
            "the router closes the silent connection",
            within: TimeSpan.FromSeconds(5));

        // Closed by the router: the read ends (end of stream, or a reset the kernel reports as an IOException).
        if (!read.IsFaulted)
        {
            Assert.Equal(0, await read);
        }
        else
        {
            Assert.IsAssignableFrom<IOException>(read.Exception!.InnerException);
        }
    }
}
