using Cfc.Wamp.Router;
using Cfc.Wamp;
using Cfc.Wamp.Transport;

namespace Cfc.Benchmarks;

/// <summary>How a benchmark's clients reach the in-process router.</summary>
public enum BenchTransport
{
    /// <summary>Channels in the same process: measures the WAMP stack without sockets.</summary>
    InMemory,

    /// <summary>A real WebSocket over 127.0.0.1 (Kestrel on the router side).</summary>
    WebSocket,
}

/// <summary>An in-process router plus a way to connect clients to it over the chosen transport.</summary>
internal sealed class BenchRouter : IAsyncDisposable
{
    public const string Realm = "realm1";

    private readonly WampRouter _router;
    private readonly WampRouterHost? _host;

    private BenchRouter(WampRouter router, WampRouterHost? host)
    {
        _router = router;
        _host = host;
    }

    public static async Task<BenchRouter> StartAsync(BenchTransport transport)
    {
        if (transport == BenchTransport.WebSocket)
        {
            WampRouterHost host = await WampRouterHost.StartNewAsync();
            return new BenchRouter(host.Router, host);
        }

        return new BenchRouter(new WampRouter(), null);
    }

    public Task<WampClient> ConnectAsync(WampSerializer serializer = WampSerializer.Json) => WampClient.ConnectAsync(Options(serializer));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        else
        {
            await _router.DisposeAsync();
        }
    }

    private WampClientOptions Options(WampSerializer serializer) => new()
    {
        Url = _host?.Url ?? new Uri("ws://127.0.0.1/in-memory"),
        Realm = Realm,
        Serializers = [serializer],
        KeepAliveInterval = TimeSpan.Zero, // no pings in the middle of a measurement
        TransportFactory = _host is null ? new InMemoryTransportFactory(Pair) : null,
    };

    private IWampTransport Pair(WampSerializer serializer)
    {
        (InMemoryTransport client, InMemoryTransport server) = InMemoryTransport.CreatePair();
        _ = _router.AcceptAsync(server, serializer);
        return client;
    }
}
