using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Tests.Session;

/// <summary>
/// A test-only transport: the test plays the router. What the client sends is read back as messages
/// (through the JSON serializer); frames for the client are pushed as raw JSON text (so malformed ones too).
/// </summary>
internal sealed class ScriptedTransport : IWampTransport
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly Channel<Func<IBufferWriter<byte>, bool>> _toClient = Channel.CreateUnbounded<Func<IBufferWriter<byte>, bool>>();
    private readonly Channel<byte[]> _fromClient = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);


    /// <summary>Whether a GOODBYE from the client is answered at once. Default: true.</summary>
    public bool AutoAnswerGoodbye { get; set; } = true;

    private TaskCompletionSource? _sendGate;
    private TaskCompletionSource? _completionGate;
    private int _blockedSends;

    public Task Closed => _closed.Task;

    /// <summary>How many writes are blocked right now by <see cref="BlockSends"/>.</summary>
    public int BlockedSends => Volatile.Read(ref _blockedSends);

    /// <summary>From now on every write blocks (the peer stopped reading, TCP window full) until <see cref="ReleaseSends"/>.</summary>
    public void BlockSends() => Interlocked.CompareExchange(ref _sendGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Lets blocked and later writes through.</summary>
    public void ReleaseSends() => Interlocked.Exchange(ref _sendGate, null)?.TrySetResult();

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>From now on every write reaches the router at once, but the send does not return until
    /// <see cref="CompleteSends"/> (the bytes are on the wire, the sending thread has not resumed yet).</summary>
    public void HoldSendCompletions() => Interlocked.CompareExchange(ref _completionGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Lets held sends return.</summary>
    public void CompleteSends() => Interlocked.Exchange(ref _completionGate, null)?.TrySetResult();

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken)
    {
        TaskCompletionSource? gate = Volatile.Read(ref _sendGate);
        if (gate is not null)
        {
            return BlockedWriteAsync(frame.ToArray(), gate.Task, cancellationToken);
        }

        ValueTask written = Write(frame);
        TaskCompletionSource? completion = Volatile.Read(ref _completionGate);
        return completion is null ? written : new ValueTask(completion.Task);
    }

    private async ValueTask BlockedWriteAsync(byte[] frame, Task gate, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _blockedSends);
        try
        {
            // Like a socket write: only the transport's lifetime (the session end) can abort it.
            await gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _blockedSends);
        }

        await Write(frame);
    }

    private ValueTask Write(ReadOnlyMemory<byte> frame)
    {
        if (IsClosed)
        {
            throw new IOException("The scripted transport is closed.");
        }

        _fromClient.Writer.TryWrite(frame.ToArray());
        if (AutoAnswerGoodbye && frame.Span.StartsWith("[6,"u8))
        {
            // Saves every test the close handshake at dispose; GOODBYE tests turn it off.
            Push("""[6, {}, "wamp.close.goodbye_and_out"]""");
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        while (await _toClient.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_toClient.Reader.TryRead(out Func<IBufferWriter<byte>, bool>? frame))
            {
                return frame(destination);
            }
        }

        return false;
    }

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _closed.TrySetResult();
        _toClient.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _closed.TrySetResult();
        _toClient.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    // ---- the router's side ----

    /// <summary>Pushes one frame of raw JSON text to the client.</summary>
    public void Push(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        _toClient.Writer.TryWrite(d =>
        {
            d.Write(bytes);
            return true;
        });
    }

    /// <summary>The router closes the connection cleanly (ReceiveAsync returns false).</summary>
    public void PushClose() => _toClient.Writer.TryWrite(_ => false);

    /// <summary>The connection breaks (ReceiveAsync throws).</summary>
    public void PushError(Exception error) => _toClient.Writer.TryWrite(_ => throw error);

    /// <summary>The next message the client sent (fails the test after 5 s).</summary>
    public async Task<WampMessage> NextAsync()
    {
        byte[] frame = await _fromClient.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        return JsonMessageSerializer.Instance.Deserialize(frame);
    }

    public async Task<T> NextAsync<T>()
        where T : WampMessage
    {
        WampMessage message = await NextAsync();
        return Assert.IsType<T>(message);
    }

    /// <summary>The topic of the marker <see cref="AssertNothingMoreSentAsync"/> publishes.</summary>
    public const string MarkerTopic = "test.nothing_sent_before_this";

    /// <summary>
    /// Asserts the client has nothing more queued for the router: it publishes a marker, and the marker must be the
    /// next frame. Every message goes through the session's one writer in order, so anything the work under test
    /// sent (or would wrongly send) comes before the marker; the order, not a quiet period, proves the absence.
    /// </summary>
    public async Task AssertNothingMoreSentAsync(WampClient client)
    {
        await client.PublishAsync(MarkerTopic).WaitAsync(Wait);
        WampMessage next = await NextAsync();
        if (next is not PublishMessage { Topic: MarkerTopic })
        {
            Assert.Fail($"The client sent {next.GetType().Name} before the marker publication.");
        }
    }

    /// <summary>
    /// Asserts the client sent nothing more before its transport closed. A closed transport takes no writes (they
    /// throw), so what is unread now is all the client will ever have sent: no waiting needed.
    /// </summary>
    public void AssertNothingSentAfterClose()
    {
        Assert.True(IsClosed, "The transport is still open; use AssertNothingMoreSentAsync.");
        if (_fromClient.Reader.TryRead(out byte[]? frame))
        {
            Assert.Fail($"The client sent {Encoding.UTF8.GetString(frame)}");
        }
    }

    public static string Json(JsonElement e) => e.GetRawText();
}

/// <summary>Hands out scripted transports in order; one per connect.</summary>
internal sealed class ScriptedTransportFactory : IWampTransportFactory
{
    private readonly Queue<ScriptedTransport> _transports;

    public ScriptedTransportFactory(params ScriptedTransport[] transports) => _transports = new Queue<ScriptedTransport>(transports);

    public int Connects { get; private set; }

    public WampTransportSettings? LastSettings { get; private set; }

    public ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        lock (_transports)
        {
            Connects++;
            LastSettings = settings;
            ScriptedTransport transport = _transports.Count > 0 ? _transports.Dequeue() : throw new IOException("No more scripted transports.");
            return ValueTask.FromResult(new WampTransportConnection(transport, WampSerializer.Json));
        }
    }
}
