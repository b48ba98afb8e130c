using System.Net;
using System.Net.Http;
using System.Net.WebSockets;

namespace Cfc.Wamp.Transport;

/// <summary>
/// Connects WebSocket transports (<c>ws://</c>, <c>wss://</c>) with <see cref="ClientWebSocket"/> over an HTTP handler
/// of its own, so that the client, not the server, decides about redirects (not followed by default), TLS
/// (<see cref="WampTlsOptions"/>) and extensions (none is accepted unless asked for).
/// </summary>
public sealed class WebSocketTransportFactory : IWampTransportFactory
{
    /// <summary>The most redirects followed when <see cref="WampTransportSettings.AllowRedirects"/> is on.</summary>
    public const int MaxRedirects = 5;

    private static readonly IWebProxy? DefaultProxyPlaceholder = CreateOptionsProxy();

    /// <summary>The shared instance (the factory is stateless).</summary>
    public static WebSocketTransportFactory Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
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

        string[] offered = serializers.Select(WampSerializerIds.SubProtocol).Distinct().ToArray();
        Uri target = url;
        for (int redirects = 0; ; redirects++)
        {
            var socket = new ClientWebSocket();
            HttpMessageInvoker? invoker = null;
            try
            {
                bool askedForDeflate = Configure(socket.Options, offered, settings);
                invoker = CreateInvoker(socket.Options, target, settings);
                try
                {
                    await socket.ConnectAsync(target, invoker, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
                {
                    if (IsRedirect(socket.HttpStatusCode))
                    {
                        target = Redirect(url, target, socket, settings, redirects, ex);
                        socket.Dispose();
                        invoker.Dispose();
                        continue;
                    }

                    throw TransportErrors.CouldNotConnect(target, ex);
                }

                // An extension changes the framing; one the client did not offer cannot be spoken (RFC 6455 9.1).
                if (!askedForDeflate && socket.HttpResponseHeaders is { } headers
                    && headers.TryGetValue("Sec-WebSocket-Extensions", out IEnumerable<string>? extensions)
                    && extensions.Any(e => !string.IsNullOrWhiteSpace(e)))
                {
                    socket.Abort();
                    throw TransportErrors.Violation(
                        $"The router at {target} answered with the WebSocket extension(s) '{ServerText.Sanitize(string.Join(", ", extensions), 128)}', which the client did not offer; the connection was refused.");
                }

                // Crossbar and most routers answer with one of the offered subprotocols; anything else is unusable.
                WampSerializer? chosen = offered.Contains(socket.SubProtocol) ? WampSerializerIds.FromSubProtocol(socket.SubProtocol) : null;
                if (chosen is null)
                {
                    string answer = socket.SubProtocol is null ? "no subprotocol" : $"'{ServerText.Sanitize(socket.SubProtocol, 64)}'";
                    await new WebSocketTransport(socket, settings.MaxMessageSize)
                        .CloseAsync(CancellationToken.None).ConfigureAwait(false);
                    throw TransportErrors.SubprotocolRefused(target, answer, offered);
                }

                return new WampTransportConnection(new WebSocketTransport(socket, settings.MaxMessageSize, invoker) { TimeProvider = settings.TimeProvider }, chosen.Value);
            }
            catch
            {
                socket.Dispose();
                invoker?.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// The keep-alive values handed to <see cref="ClientWebSocket"/>. It checks for a missing pong only on a heartbeat
    /// every max(1 s, min(interval, timeout) / 4), so a dead peer is noticed up to two heartbeats late; the interval and
    /// timeout given to it are shortened by one heartbeat each so that detection stays within interval + timeout
    /// (exactly when the timeout is at least 2 s; see docs/security.md).
    /// </summary>
    internal static (TimeSpan Interval, TimeSpan Timeout) KeepAliveFor(TimeSpan interval, TimeSpan timeout)
    {
        if (interval <= TimeSpan.Zero)
        {
            return (interval, timeout);
        }

        TimeSpan heartbeat = Heartbeat(interval, timeout);
        TimeSpan shortenedInterval = interval - heartbeat;
        TimeSpan shortenedTimeout = timeout - heartbeat;
        return (shortenedInterval >= TimeSpan.FromMilliseconds(500) ? shortenedInterval : interval / 2,
            shortenedTimeout >= TimeSpan.FromMilliseconds(500) ? shortenedTimeout : timeout / 2);
    }

    /// <summary>The latest a dead peer is noticed with the values <see cref="KeepAliveFor"/> hands to <see cref="ClientWebSocket"/>.</summary>
    internal static TimeSpan DetectionBound(TimeSpan interval, TimeSpan timeout)
    {
        (TimeSpan i, TimeSpan t) = KeepAliveFor(interval, timeout);
        return i + t + (2 * Heartbeat(i, t));
    }

    // ClientWebSocket's heartbeat period (System.Net.WebSockets, .NET 9+).
    private static TimeSpan Heartbeat(TimeSpan interval, TimeSpan timeout) =>
        TimeSpan.FromMilliseconds(Math.Max(1000, Math.Min(interval.TotalMilliseconds, timeout.TotalMilliseconds) / 4));

    private static IWebProxy? CreateOptionsProxy()
    {
        using var probe = new ClientWebSocket();
        return probe.Options.Proxy;
    }

    private static bool IsRedirect(HttpStatusCode code) => (int)code is 301 or 302 or 303 or 307 or 308;

    private static Uri Redirect(Uri original, Uri current, ClientWebSocket socket, WampTransportSettings settings, int redirects, Exception cause)
    {
        string? location = socket.HttpResponseHeaders is { } h && h.TryGetValue("Location", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
        string status = $"{(int)socket.HttpStatusCode} {socket.HttpStatusCode}";
        if (location is null || !Uri.TryCreate(current, location, out Uri? next) || next.Scheme is not ("ws" or "wss" or "http" or "https"))
        {
            throw WampErrors.RedirectRefused($"The router at {current} answered the WebSocket upgrade with {status} but no usable Location; not connected.", cause);
        }

        // A redirect names http(s) or ws(s); the WebSocket is opened on the matching ws(s) address.
        var builder = new UriBuilder(next) { Scheme = next.Scheme is "https" or "wss" ? "wss" : "ws" };
        if (next.IsDefaultPort)
        {
            builder.Port = -1;
        }

        next = builder.Uri;
        string where = $"The router at {current} answered the WebSocket upgrade with {status}, a redirect to {ServerText.Sanitize(next.ToString(), 256)}";
        if (!settings.AllowRedirects)
        {
            throw WampErrors.RedirectRefused($"{where}. Redirects are not followed: connect to that address directly, or set WampClientOptions.AllowRedirects.", cause);
        }

        if (redirects >= MaxRedirects)
        {
            throw WampErrors.RedirectRefused($"{where}, after {MaxRedirects} redirects already; not followed further.", cause);
        }

        if (original.Scheme == "wss" && next.Scheme != "wss")
        {
            throw WampErrors.RedirectRefused($"{where}. Not followed: it would leave TLS (wss:// to ws://).", cause);
        }

        if (settings.SendsCredentials && !string.Equals(next.IdnHost, original.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            throw WampErrors.RedirectRefused($"{where}. Not followed: it leads to another host, and the connection carries credentials (authenticator, client certificate or headers) that must not go there.", cause);
        }

        return next;
    }

    // Returns whether permessage-deflate was asked for (then the router may answer with it).
    private static bool Configure(ClientWebSocketOptions options, string[] offered, WampTransportSettings settings)
    {
        foreach (string subProtocol in offered)
        {
            options.AddSubProtocol(subProtocol);
        }

        // Interval alone only sends unsolicited PONGs; with a timeout (.NET 9+) it sends PINGs and detects a dead peer.
        (TimeSpan interval, TimeSpan timeout) = KeepAliveFor(settings.KeepAliveInterval, settings.KeepAliveTimeout);
        options.KeepAliveInterval = interval;
        if (interval > TimeSpan.Zero)
        {
            options.KeepAliveTimeout = timeout;
        }

        settings.ConfigureWebSocket?.Invoke(options);
        options.CollectHttpResponseDetails = true;
        return options.DangerousDeflateOptions is not null;
    }

    // The client's own handler: no automatic redirects, TLS from WampTlsOptions. What ConfigureWebSocket set on the socket
    // options that a custom handler does not accept there (proxy, credentials, cookies, certificates) moves onto it.
    private static HttpMessageInvoker CreateInvoker(ClientWebSocketOptions options, Uri target, WampTransportSettings settings)
    {
        // ClientWebSocketOptions.Proxy starts as a placeholder meaning "the system proxy"; the handler's default means the same.
        IWebProxy? proxy = ReferenceEquals(options.Proxy, DefaultProxyPlaceholder) ? null : options.Proxy;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            UseCookies = options.Cookies is not null,
            UseProxy = proxy is not null || ReferenceEquals(options.Proxy, DefaultProxyPlaceholder),
            Proxy = proxy,
            Credentials = options.Credentials,
            PreAuthenticate = false,
            SslOptions = WampTlsOptions.Apply(target.IdnHost, settings.Tls),
        };

        if (options.Cookies is { } cookies)
        {
            handler.CookieContainer = cookies;
            options.Cookies = null;
        }

        if (options.UseDefaultCredentials)
        {
            handler.Credentials = CredentialCache.DefaultCredentials;
            options.UseDefaultCredentials = false;
        }

        options.Credentials = null;
        options.Proxy = null;
        if (options.ClientCertificates is { Count: > 0 } certificates)
        {
            handler.SslOptions.ClientCertificates ??= [];
            handler.SslOptions.ClientCertificates.AddRange(certificates);
            options.ClientCertificates.Clear();
        }

        if (options.RemoteCertificateValidationCallback is { } callback)
        {
            handler.SslOptions.RemoteCertificateValidationCallback ??= callback;
            options.RemoteCertificateValidationCallback = null;
        }

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
