using System.Net.WebSockets;

namespace Cfc.Wamp.Transport;

/// <summary>Settings a transport needs: limits and keep-alive. Built from the client options.</summary>
public sealed record WampTransportSettings
{
    /// <summary>The largest message sent or accepted, in bytes. Default: 16 MiB (the RawSocket maximum).</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>How often to ping the peer. Default: 10 seconds. <see cref="TimeSpan.Zero"/> turns pings off.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a pong before the connection is considered dead. Default: 5 seconds.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Default: none.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }
}
