using System.Buffers;
using System.Threading.Channels;
using Cfc.Wamp;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Router.Tests;

/// <summary>One end of an in-memory transport pair (test-local, JSON frames).</summary>
internal sealed class MemoryTransport : IWampTransport
{
    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;

    private MemoryTransport(Channel<byte[]> incoming, Channel<byte[]> outgoing)
    {
        _incoming = incoming;
        _outgoing = outgoing;
    }

    public static (MemoryTransport Server, MemoryTransport Client) CreatePair()
    {
        var a = Channel.CreateUnbounded<byte[]>();
        var b = Channel.CreateUnbounded<byte[]>();
        return (new MemoryTransport(a, b), new MemoryTransport(b, a));
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken) =>
        _outgoing.Writer.TryWrite(frame.ToArray()) ? ValueTask.CompletedTask : throw new WampConnectionLostException("closed");

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        if (await _incoming.Reader.WaitToReadAsync(cancellationToken) && _incoming.Reader.TryRead(out byte[]? frame))
        {
            destination.Write(frame);
            return true;
        }

        return false;
    }

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _outgoing.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
