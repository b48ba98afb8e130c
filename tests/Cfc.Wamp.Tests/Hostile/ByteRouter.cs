using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// A scripted router at the byte level: a TcpListener on 127.0.0.1:0 (optionally TLS) whose every connection is handed
/// to the test's script, with helpers for the WebSocket upgrade and frames and the RawSocket handshake and frames, so
/// that every byte the client sees is chosen by the test. Stopped (listener and connections) on dispose.
/// </summary>
internal sealed class ByteRouter : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ByteConnection, Task> _script;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ByteConnection> _connections = [];
    private readonly Task _accepting;
    private int _accepted;

    public ByteRouter(Func<ByteConnection, Task> script, X509Certificate2? certificate = null, bool requireClientCertificate = false)
    {
        _script = script;
        _certificate = certificate;
        RequireClientCertificate = requireClientCertificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public bool RequireClientCertificate { get; }

    /// <summary>The client certificate the last TLS client presented, if any.</summary>
    public X509Certificate? LastClientCertificate { get; private set; }

    /// <summary>What the scripts failed with (a test asserts it is empty when that matters).</summary>
    public List<Exception> ScriptErrors { get; } = [];

    public Uri Url(string scheme, string host = "127.0.0.1", string path = "/ws") => new($"{scheme}://{host}:{Port}{path}");

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost (also usable as its own trusted root).</summary>
    public static X509Certificate2 CreateCertificate(string subject = "CN=hostile-router")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            foreach (ByteConnection c in _connections)
            {
                c.Dispose();
            }
        }

        await _accepting.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => RunAsync(client));
        }
    }

    private async Task RunAsync(TcpClient client)
    {
        client.NoDelay = true;
        Stream stream = client.GetStream();
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream, false);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = RequireClientCertificate,
                    // The test checks which client certificate arrived (if any); any is let in, it is self-signed.
#pragma warning disable CA5359
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
                }, _stop.Token);
                LastClientCertificate = ssl.RemoteCertificate;
                stream = ssl;
            }

            var connection = new ByteConnection(client, stream, _stop.Token);
            lock (_connections)
            {
                _connections.Add(connection);
            }

            await _script(connection);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the test ended; a hostile script does not need a clean end.
        }
        catch (Exception ex)
        {
            lock (ScriptErrors)
            {
                ScriptErrors.Add(ex);
            }
        }
    }
}

/// <summary>One accepted connection: raw bytes plus WebSocket and RawSocket helpers.</summary>
internal sealed class ByteConnection(TcpClient client, Stream stream, CancellationToken stopping) : IDisposable
{
    public Stream Stream { get; } = stream;

    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Reads the HTTP upgrade request: the request line and headers (names lower-cased).</summary>
    public async Task<(string RequestLine, Dictionary<string, string> Headers)> ReadHttpRequestAsync()
    {
        var text = new StringBuilder();
        byte[] one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await Stream.ReadExactlyAsync(one, Stopping);
            text.Append((char)one[0]);
        }

        string[] lines = text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return (lines[0], headers);
    }

    /// <summary>Answers the upgrade with 101, the first offered subprotocol, and any extra header lines.</summary>
    public async Task AcceptWebSocketAsync(Dictionary<string, string> request, params string[] extraHeaders)
    {
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for Sec-WebSocket-Accept; it is not used for security here.
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(request["Sec-WebSocket-Key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        string protocol = request["Sec-WebSocket-Protocol"].Split(',')[0].Trim();
        var response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        response.Append($"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {protocol}\r\n");
        foreach (string header in extraHeaders)
        {
            response.Append(header).Append("\r\n");
        }

        await WriteAsync(Encoding.ASCII.GetBytes(response.Append("\r\n").ToString()));
    }

    public Task WriteHttpAsync(string response) => WriteAsync(Encoding.ASCII.GetBytes(response));

    /// <summary>Reads one client WebSocket frame (masked): its opcode and unmasked payload.</summary>
    public async Task<(int Opcode, byte[] Payload)> ReadWebSocketFrameAsync()
    {
        byte[] head = await ReadAsync(2);
        int opcode = head[0] & 0x0F;
        long length = head[1] & 0x7F;
        if (length == 126)
        {
            byte[] ext = await ReadAsync(2);
            length = (ext[0] << 8) | ext[1];
        }
        else if (length == 127)
        {
            byte[] ext = await ReadAsync(8);
            length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ext);
        }

        byte[] mask = (head[1] & 0x80) != 0 ? await ReadAsync(4) : [0, 0, 0, 0];
        byte[] payload = await ReadAsync((int)length);
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] ^= mask[i % 4];
        }

        return (opcode, payload);
    }

    /// <summary>Reads client WebSocket frames until a text or binary one (answering PINGs), returning its text.</summary>
    public async Task<string> ReadWebSocketTextAsync()
    {
        while (true)
        {
            (int opcode, byte[] payload) = await ReadWebSocketFrameAsync();
            if (opcode == 9)
            {
                await WriteWebSocketFrameAsync(10, payload);
                continue;
            }

            if (opcode is 1 or 2)
            {
                return Encoding.UTF8.GetString(payload);
            }
        }
    }

    public Task WriteWebSocketTextAsync(string text) => WriteWebSocketFrameAsync(1, Encoding.UTF8.GetBytes(text));

    public async Task WriteWebSocketFrameAsync(int opcode, byte[] payload)
    {
        using var frame = new MemoryStream();
        frame.WriteByte((byte)(0x80 | opcode));
        if (payload.Length < 126)
        {
            frame.WriteByte((byte)payload.Length);
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.WriteByte(126);
            frame.WriteByte((byte)(payload.Length >> 8));
            frame.WriteByte((byte)payload.Length);
        }
        else
        {
            frame.WriteByte(127);
            byte[] ext = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(ext, (ulong)payload.Length);
            frame.Write(ext);
        }

        frame.Write(payload);
        await WriteAsync(frame.ToArray());
    }

    /// <summary>Accepts the RawSocket handshake with the client's serializer and LEN 15 (16 MiB).</summary>
    public async Task AcceptRawSocketAsync()
    {
        byte[] request = await ReadAsync(4);
        await WriteAsync([0x7F, (byte)(0xF0 | (request[1] & 0x0F)), 0, 0]);
    }

    public async Task<(int Type, byte[] Payload)> ReadRawSocketFrameAsync()
    {
        byte[] header = await ReadAsync(4);
        int length = (header[1] << 16) | (header[2] << 8) | header[3];
        return (header[0] & 0x07, await ReadAsync(length));
    }

    public Task WriteRawSocketTextAsync(string text)
    {
        byte[] payload = Encoding.UTF8.GetBytes(text);
        return WriteAsync([0, (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload]);
    }

    public async Task<byte[]> ReadAsync(int count)
    {
        byte[] buffer = new byte[count];
        await Stream.ReadExactlyAsync(buffer, Stopping);
        return buffer;
    }

    public async Task WriteAsync(byte[] bytes)
    {
        await Stream.WriteAsync(bytes, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>Never reads or writes again (a stopped process): waits until the test ends.</summary>
    public Task FreezeAsync() => Task.Delay(Timeout.Infinite, Stopping);

    public void Dispose()
    {
        Stream.Dispose();
        client.Dispose();
    }
}
