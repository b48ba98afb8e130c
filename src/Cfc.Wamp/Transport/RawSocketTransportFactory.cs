using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Cfc.Wamp.Transport;

/// <summary>
/// Connects RawSocket transports: <c>rs://host:port</c> and <c>tcp://host:port</c> over TCP, <c>rss://host:port</c>
/// over TLS. RawSocket negotiates a single serializer, so the first one offered is asked for.
/// </summary>
public sealed class RawSocketTransportFactory : IWampTransportFactory
{
    /// <summary>The shared instance (the factory is stateless).</summary>
    public static RawSocketTransportFactory Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(serializers);
        ArgumentNullException.ThrowIfNull(settings);
        if (url.Scheme is not ("rs" or "rss" or "tcp"))
        {
            throw new ArgumentException($"A RawSocket transport needs an rs://, rss:// or tcp:// address, not '{url.Scheme}://'.", nameof(url));
        }

        if (url.IsDefaultPort || url.Port <= 0)
        {
            throw new ArgumentException($"A RawSocket address needs a port, e.g. {url.Scheme}://{url.Host}:8080; '{url}' has none.", nameof(url));
        }

        if (serializers.Count == 0)
        {
            throw new ArgumentException("At least one serializer must be offered.", nameof(serializers));
        }

        WampSerializer serializer = serializers[0];
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            try
            {
                await socket.ConnectAsync(new DnsEndPoint(url.IdnHost, url.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw TransportErrors.CouldNotConnect(url, ex);
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            if (url.Scheme == "rss")
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                try
                {
                    await ssl.AuthenticateAsClientAsync(WampTlsOptions.Apply(url.IdnHost, settings.Tls), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
                {
                    throw TransportErrors.Lost($"The TLS handshake with {url} failed", ex);
                }
            }

            RawSocketTransport transport = await RawSocketTransport.ConnectCoreAsync(stream, socket, WampSerializerIds.RawSocketId(serializer), settings, cancellationToken).ConfigureAwait(false);
            return new WampTransportConnection(transport, serializer);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            throw;
        }
    }
}
