namespace Cfc.Wamp.Transport;

/// <summary>Picks the transport by the address's scheme: WebSocket for <c>ws</c>/<c>wss</c>, RawSocket for <c>rs</c>/<c>rss</c>/<c>tcp</c>.</summary>
public sealed class DefaultWampTransportFactory : IWampTransportFactory
{
    /// <summary>The shared instance (the factory is stateless).</summary>
    public static DefaultWampTransportFactory Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme switch
        {
            "ws" or "wss" => WebSocketTransportFactory.Instance.ConnectAsync(url, serializers, settings, cancellationToken),
            "rs" or "rss" or "tcp" => RawSocketTransportFactory.Instance.ConnectAsync(url, serializers, settings, cancellationToken),
            _ => throw new ArgumentException($"No WAMP transport for '{url.Scheme}://'; use ws, wss, rs, rss or tcp.", nameof(url)),
        };
    }
}
