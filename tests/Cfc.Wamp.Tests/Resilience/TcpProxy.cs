using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cfc.Wamp.Tests.Resilience;

/// <summary>
/// A TCP forwarder on 127.0.0.1 (free port) in front of a router, with two faults: cut every connection (RST),
/// or stall the existing ones (keep the sockets open but stop forwarding, like a dead NAT entry or a pulled cable).
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Task _accepting;

    public TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int ConnectionCount => _links.Count;

    /// <summary>Closes every connection at once (both sides see a reset).</summary>
    public void CutAll()
    {
        foreach (Link link in _links.Keys)
        {
            link.Cut();
        }
    }

    /// <summary>Stops forwarding on every existing connection; the sockets stay open. New connections work.</summary>
    public void StallExisting()
    {
        foreach (Link link in _links.Keys)
        {
            link.Stalled = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The accept loop ends with the listener.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            var link = new Link(client, upstream);
            _links[link] = 0;
            _ = link.RunAsync().ContinueWith(_ => _links.TryRemove(link, out byte _), TaskScheduler.Default);
        }
    }

    private sealed class Link(Socket client, Socket upstream)
    {
        private int _cut;

        public volatile bool Stalled;

        public Task RunAsync() => Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));

        public void Cut()
        {
            if (Interlocked.Exchange(ref _cut, 1) != 0)
            {
                return;
            }

            foreach (Socket s in new[] { client, upstream })
            {
                try
                {
                    s.LingerState = new LingerOption(true, 0); // RST, no FIN handshake
                    s.Close();
                }
                catch (Exception)
                {
                    // Already gone.
                }
            }
        }

        private async Task PumpAsync(Socket from, Socket to)
        {
            byte[] buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    int n = await from.ReceiveAsync(buffer, SocketFlags.None);
                    if (n == 0)
                    {
                        break;
                    }

                    if (Stalled)
                    {
                        // Swallow: the peer never hears of it, as over a dead path.
                        continue;
                    }

                    await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
                }
            }
            catch (Exception)
            {
                // A cut or a closed peer ends the link.
            }

            Cut();
        }
    }
}
