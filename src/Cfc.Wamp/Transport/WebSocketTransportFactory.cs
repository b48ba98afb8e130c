using System.Net.WebSockets;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Transport;

/// <summary>Connects WebSocket transports (<c>ws://</c>, <c>wss://</c>) with <see cref="ClientWebSocket"/>.</summary>
public sealed class WebSocketTransportFactory : IWampTransportFactory
{
    /// <summary>The shared instance (the factory is stateless).</summary>
    public static WebSocketTransportFactory Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<IWampTransport> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(serializers);
        ArgumentNullException.ThrowIfNull(settings);
        if (url.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"A WebSocket transport needs a ws:// or wss:// address, not '{url.Scheme}://'.", nameof(url));
        }

        if (serializers.Count == 0)
        {
            throw new ArgumentException("At least one serializer must be offered.", nameof(serializers));
        }

        string[] offered = serializers.Select(s => WampSerializers.Get(s).SubProtocol).Distinct().ToArray();
        var socket = new ClientWebSocket();
        try
        {
            Configure(socket.Options, offered, settings);
            try
            {
                await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
            {
                throw TransportErrors.CouldNotConnect(url, ex);
            }

            // Crossbar and most routers answer with one of the offered subprotocols; anything else is unusable.
            IWampMessageSerializer? chosen = offered.Contains(socket.SubProtocol) ? WampSerializers.FromSubProtocol(socket.SubProtocol) : null;
            if (chosen is null)
            {
                string answer = socket.SubProtocol is null ? "no subprotocol" : $"'{socket.SubProtocol}'";
                await new WebSocketTransport(socket, JsonMessageSerializer.Instance, settings.MaxMessageSize)
                    .CloseAsync(CancellationToken.None).ConfigureAwait(false);
                throw new WampException(
                    "wamp.error.protocol_violation",
                    $"The router at {url} answered with {answer}, but the client offered the WebSocket subprotocols {string.Join(", ", offered)}.");
            }

            return new WebSocketTransport(socket, chosen, settings.MaxMessageSize);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Configure(ClientWebSocketOptions options, string[] offered, WampTransportSettings settings)
    {
        foreach (string subProtocol in offered)
        {
            options.AddSubProtocol(subProtocol);
        }

        // Interval alone only sends unsolicited PONGs; with a timeout (.NET 9+) it sends PINGs and detects a dead peer.
        options.KeepAliveInterval = settings.KeepAliveInterval;
        if (settings.KeepAliveInterval > TimeSpan.Zero)
        {
            options.KeepAliveTimeout = settings.KeepAliveTimeout;
        }

        settings.ConfigureWebSocket?.Invoke(options);
    }
}
