using System.Net;
using System.Net.Sockets;

namespace Cfc.Wamp.Tests.Transport;

/// <summary>A fake RawSocket peer: a TcpListener on 127.0.0.1:0 that accepts one connection and lets the test speak bytes.</summary>
internal sealed class RawSocketPeer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private TcpClient? _client;

    public RawSocketPeer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url(string scheme = "rs") => new($"{scheme}://127.0.0.1:{Port}");

    public NetworkStream Stream => _client?.GetStream() ?? throw new InvalidOperationException("Not accepted yet.");

    public async Task AcceptAsync(CancellationToken cancellationToken)
    {
        _client = await _listener.AcceptTcpClientAsync(cancellationToken);
        _client.NoDelay = true;
    }

    public async Task<byte[]> ReadAsync(int count, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[count];
        await Stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken) => await Stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Reads one frame: its type and payload.</summary>
    public async Task<(byte Type, byte[] Payload)> ReadFrameAsync(CancellationToken cancellationToken)
    {
        byte[] header = await ReadAsync(4, cancellationToken);
        int length = (header[1] << 16) | (header[2] << 8) | header[3];
        return ((byte)(header[0] & 0x07), await ReadAsync(length, cancellationToken));
    }

    public Task WriteFrameAsync(byte type, byte[] payload, CancellationToken cancellationToken) =>
        WriteAsync([type, (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload], cancellationToken);

    /// <summary>Completes the handshake as a router accepting the client's serializer with LEN 15 (16 MiB).</summary>
    public async Task<byte[]> HandshakeAsync(CancellationToken cancellationToken, int routerExponent = 15)
    {
        await AcceptAsync(cancellationToken);
        byte[] request = await ReadAsync(4, cancellationToken);
        await WriteAsync([0x7F, (byte)((routerExponent << 4) | (request[1] & 0x0F)), 0, 0], cancellationToken);
        return request;
    }

    public void CloseConnection() => _client?.Dispose();

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
