using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Cfc.Wamp.Router.Tests;

/// <summary>A raw WAMP client for router tests: sends JSON text, receives parsed JSON arrays, every wait bounded.</summary>
internal abstract class RawPeer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public const string AllRoles =
        """{"caller":{"features":{"call_canceling":true,"progressive_call_results":true,"caller_identification":true}},"callee":{"features":{"call_canceling":true,"progressive_call_results":true,"pattern_based_registration":true,"shared_registration":true,"caller_identification":true}},"publisher":{"features":{"publisher_exclusion":true,"publisher_identification":true,"subscriber_blackwhite_listing":true}},"subscriber":{"features":{"pattern_based_subscription":true}}}""";

    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private long _nextRequest;

    public long SessionId { get; private set; }

    /// <summary>A fresh request id (sequential per peer).</summary>
    public long NextId() => Interlocked.Increment(ref _nextRequest);

    public abstract Task SendAsync(string json);

    public async Task<JsonElement> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            string text = await _received.Reader.ReadAsync(cts.Token);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException("The router closed the connection while a message was expected.");
        }
    }

    public async Task<JsonElement> ExpectAsync(int code)
    {
        JsonElement message = await ReceiveAsync();
        Assert.True(message[0].GetInt32() == code, $"expected message {code}, got {message.GetRawText()}");
        return message;
    }

    /// <summary>Waits until the router closes the connection; any message that arrives first fails the test.</summary>
    public async Task ExpectClosedAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        bool more = await _received.Reader.WaitToReadAsync(cts.Token);
        Assert.False(more, more && _received.Reader.TryPeek(out string? m) ? $"expected close, got {m}" : "expected close");
    }

    /// <summary>
    /// Asserts the router has sent this peer nothing more: the peer subscribes to a marker topic, and SUBSCRIBED must
    /// be the next message. The router handles one session's messages in order and queues what it sends at once, so
    /// anything due to this peer is ahead of that answer; order, not a quiet period, proves the absence. When what is
    /// checked would be caused by another peer's message, call <see cref="SyncAsync"/> on that peer first.
    /// </summary>
    public async Task ExpectNothingAsync()
    {
        long id = NextId();
        await SendAsync($$"""[32,{{id}},{},"test.marker.r{{id}}"]""");
        JsonElement next = await ReceiveAsync();
        Assert.True(next[0].GetInt32() == 33 && next[1].GetInt64() == id, $"expected no message, got {next.GetRawText()}");
    }

    /// <summary>A round trip: once it returns, the router has handled everything this peer sent before.</summary>
    public Task SyncAsync() => ExpectNothingAsync();

    public async Task<JsonElement> HelloAsync(string realm, string extraDetails = "")
    {
        await SendAsync($$"""[1,"{{realm}}",{"roles":{{AllRoles}}{{extraDetails}}}]""");
        return await ReceiveAsync();
    }

    public async Task<long> JoinAsync(string realm = "realm1", string extraDetails = "")
    {
        JsonElement welcome = await HelloAsync(realm, extraDetails);
        Assert.True(welcome[0].GetInt32() == 2, $"expected WELCOME, got {welcome.GetRawText()}");
        SessionId = welcome[1].GetInt64();
        return SessionId;
    }

    /// <summary>REGISTER and wait for REGISTERED; returns the registration id.</summary>
    public async Task<long> RegisterAsync(string procedure, string options = "{}")
    {
        long id = NextId();
        await SendAsync($$"""[64,{{id}},{{options}},"{{procedure}}"]""");
        JsonElement registered = await ExpectAsync(65);
        Assert.Equal(id, registered[1].GetInt64());
        return registered[2].GetInt64();
    }

    /// <summary>SUBSCRIBE and wait for SUBSCRIBED; returns the subscription id.</summary>
    public async Task<long> SubscribeAsync(string topic, string options = "{}")
    {
        long id = NextId();
        await SendAsync($$"""[32,{{id}},{{options}},"{{topic}}"]""");
        JsonElement subscribed = await ExpectAsync(33);
        Assert.Equal(id, subscribed[1].GetInt64());
        return subscribed[2].GetInt64();
    }

    /// <summary>CALL; returns the request id (the answer is read separately).</summary>
    public async Task<long> CallAsync(string procedure, string options = "{}", string payload = "")
    {
        long id = NextId();
        await SendAsync($$"""[48,{{id}},{{options}},"{{procedure}}"{{(payload.Length > 0 ? "," + payload : "")}}]""");
        return id;
    }

    public abstract ValueTask DisposeAsync();

    protected void Deliver(string text) => _received.Writer.TryWrite(text);

    protected void Closed() => _received.Writer.TryComplete();
}

/// <summary>A raw peer over the client end of a <see cref="MemoryTransport"/> pair.</summary>
internal sealed class MemoryPeer : RawPeer
{
    private readonly MemoryTransport _transport;
    private readonly Task _pump;

    public MemoryPeer(MemoryTransport transport)
    {
        _transport = transport;
        _pump = Task.Run(PumpAsync);
    }

    public override async Task SendAsync(string json) => await _transport.SendAsync(Encoding.UTF8.GetBytes(json), Cfc.Wamp.Transport.WampFrameKind.Text, CancellationToken.None);

    /// <summary>Disconnects without GOODBYE.</summary>
    public override async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync();
        await _pump.WaitAsync(Timeout);
    }

    private async Task PumpAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            buffer.Clear();
            if (!await _transport.ReceiveAsync(buffer, CancellationToken.None))
            {
                Closed();
                return;
            }

            Deliver(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }
}

/// <summary>A raw peer over a real <see cref="ClientWebSocket"/> (subprotocol wamp.2.json).</summary>
internal sealed class WebSocketPeer : RawPeer
{
    private readonly ClientWebSocket _socket;
    private readonly Task _pump;

    private WebSocketPeer(ClientWebSocket socket)
    {
        _socket = socket;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>How the last connection ended: true when the router completed a close handshake.</summary>
    public bool ClosedCleanly { get; private set; }

    public static async Task<WebSocketPeer> ConnectAsync(Uri url, params string[] subProtocols)
    {
        var socket = new ClientWebSocket();
        foreach (string p in subProtocols.Length == 0 ? ["wamp.2.json"] : subProtocols)
        {
            socket.Options.AddSubProtocol(p);
        }

        using var cts = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(url, cts.Token);
        return new WebSocketPeer(socket);
    }

    public string? SubProtocol => _socket.SubProtocol;

    public override async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>Disconnects without GOODBYE (abort).</summary>
    public override async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await _pump.WaitAsync(Timeout);
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                message.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClosedCleanly = true;
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        return;
                    }

                    message.Write(buffer.AsSpan(0, result.Count));
                }
                while (!result.EndOfMessage);

                Deliver(Encoding.UTF8.GetString(message.WrittenSpan));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Abrupt close: the connection is simply gone.
        }
        finally
        {
            Closed();
        }
    }
}
