using System.Net;
using System.Net.Sockets;
using Cfc.Wamp;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Router;

/// <summary>Accepts WAMP RawSocket clients on 127.0.0.1 and hands each one to the router as a session.</summary>
internal sealed class RawSocketListener : IAsyncDisposable
{
    /// <summary>A client that connects but never sends its 4-octet handshake must not hold a slot forever: it is dropped
    /// after this long, on the router's clock (<see cref="WampRouterOptions.TimeProvider"/>).</summary>
    internal static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly WampRouter _router;
    private readonly int _maxMessageSize;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;

    public RawSocketListener(WampRouter router, int port, int maxMessageSize)
    {
        _router = router;
        _maxMessageSize = maxMessageSize;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out of the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            if (_router.IsRefusingConnections)
            {
                return;
            }

            client.NoDelay = true;
            RawSocketTransport transport;
            try
            {
                using var timeout = new CancellationTokenSource(HandshakeTimeout, _router.TimeProvider);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                transport = await RawSocketTransport.AcceptAsync(
                    client.GetStream(), static id => WampSerializerIds.FromRawSocketId(id) is not null, _maxMessageSize, _router.TimeProvider, handshake.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WampException or IOException or OperationCanceledException or SocketException)
            {
                // A failed handshake was already answered (or the client left); nothing to serve.
                return;
            }

            try
            {
                await _router.AcceptCoreAsync(transport, WampSerializerIds.FromRawSocketId(transport.SerializerId)!.Value, "rawsocket", cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host is stopping.
            }
        }
    }
}
