using Cfc.Wamp.Router;

namespace Cfc.Wamp.Router.Tests;

/// <summary>A router under test, reached over real WebSockets (Kestrel on 127.0.0.1) or in-memory transports.</summary>
internal sealed class RouterTestBed : IAsyncDisposable
{
    private readonly List<RawPeer> _peers = [];
    private readonly List<Task> _sessions = [];

    private RouterTestBed(WampRouter router, WampRouterHost? host)
    {
        Router = router;
        Host = host;
    }

    public WampRouter Router { get; }

    public WampRouterHost? Host { get; }

    public static async Task<RouterTestBed> StartAsync(bool webSocket, WampRouterOptions? options = null, Action<WampRouter>? configure = null)
    {
        var router = new WampRouter(options);
        configure?.Invoke(router);
        if (!webSocket)
        {
            return new RouterTestBed(router, null);
        }

        var host = new WampRouterHost(router);
        using var cts = new CancellationTokenSource(RawPeer.Timeout);
        await host.StartAsync(cts.Token);
        return new RouterTestBed(router, host);
    }

    public async Task<RawPeer> ConnectAsync()
    {
        RawPeer peer;
        if (Host is not null)
        {
            peer = await WebSocketPeer.ConnectAsync(Host.Url);
        }
        else
        {
            (MemoryTransport server, MemoryTransport client) = MemoryTransport.CreatePair();
            _sessions.Add(Router.AcceptAsync(server, WampSerializer.Json));
            peer = new MemoryPeer(client);
        }

        _peers.Add(peer);
        return peer;
    }

    public async Task<RawPeer> JoinAsync(string realm = "realm1")
    {
        RawPeer peer = await ConnectAsync();
        await peer.JoinAsync(realm);
        return peer;
    }

    /// <summary>Waits (bounded) until the router has exactly <paramref name="count"/> sessions.</summary>
    public Task WaitForSessionCountAsync(int count) =>
        Eventually.HoldsAsync(() => Router.SessionCount == count, $"{count} sessions on the router", RawPeer.Timeout);

    public async ValueTask DisposeAsync()
    {
        foreach (RawPeer peer in _peers)
        {
            await peer.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync().AsTask().WaitAsync(RawPeer.Timeout);
        }
        else
        {
            await Router.DisposeAsync().AsTask().WaitAsync(RawPeer.Timeout);
        }

        await Task.WhenAll(_sessions).WaitAsync(RawPeer.Timeout);
    }
}
