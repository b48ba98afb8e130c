using System.Net.WebSockets;

namespace Cfc.Wamp.Transport;

/// <summary>
/// Settings a transport needs: limits, keep-alive, TLS and the WebSocket hooks. The client builds them from its
/// <see cref="WampConnectionOptions"/>; the defaults are <see cref="WampConnectionOptions.Defaults"/>.
/// </summary>
public sealed record WampTransportSettings
{
    /// <summary>The largest message sent or accepted, in bytes. Default: <see cref="WampConnectionOptions.Defaults.MaxMessageSize"/>.</summary>
    public int MaxMessageSize { get; init; } = WampConnectionOptions.Defaults.MaxMessageSize;

    /// <summary>How often to ping the peer. Default: <see cref="WampConnectionOptions.Defaults.KeepAliveInterval"/>. <see cref="TimeSpan.Zero"/> turns pings off.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = WampConnectionOptions.Defaults.KeepAliveInterval;

    /// <summary>How long to wait for a pong before the connection is considered dead. Default: <see cref="WampConnectionOptions.Defaults.KeepAliveTimeout"/>.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = WampConnectionOptions.Defaults.KeepAliveTimeout;

    /// <summary>The clock for keep-alive (RawSocket) and for the close grace period of every transport. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>TLS for <c>wss://</c> and <c>rss://</c>: trusted roots, a validation callback, client certificates. Default: <see langword="null"/> (system defaults).</summary>
    public WampTlsOptions? Tls { get; init; }

    /// <summary>
    /// Whether a WebSocket redirect (HTTP 3xx to the upgrade) is followed. Default: <see langword="false"/> (refused with a
    /// clear error). When on, a redirect is followed at most 5 times, never from <c>wss://</c> to <c>ws://</c>, and never to
    /// another host while <see cref="SendsCredentials"/> is set.
    /// </summary>
    public bool AllowRedirects { get; init; }

    /// <summary>
    /// Whether the connection will carry credentials (a non-anonymous authenticator, a client certificate, headers set by
    /// <see cref="ConfigureWebSocket"/>): a redirect to another host is then refused. Default: <see langword="true"/>.
    /// </summary>
    public bool SendsCredentials { get; init; } = true;

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Default: none.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }
}
