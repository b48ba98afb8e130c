using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Cfc.Wamp.Transport;

/// <summary>
/// One end of an in-process connection: frames are copied into a channel the other end reads. For tests and for
/// wiring an in-process backend to a router without sockets. Create both ends with <see cref="CreatePair"/>.
/// </summary>
public sealed class InMemoryTransport : IWampTransport
{
    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;
    private readonly int _maxMessageSize;

    private InMemoryTransport(Channel<byte[]> incoming, Channel<byte[]> outgoing, int maxMessageSize)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>Creates two connected ends.</summary>
    /// <param name="maxMessageSize">The largest frame either end sends. Default: 16 MiB.</param>
    /// <returns>The client end and the server end.</returns>
    public static (InMemoryTransport Client, InMemoryTransport Server) CreatePair(int maxMessageSize = 16 * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false };
        Channel<byte[]> toServer = Channel.CreateUnbounded<byte[]>(options);
        Channel<byte[]> toClient = Channel.CreateUnbounded<byte[]>(options);
        return (new InMemoryTransport(toClient, toServer, maxMessageSize), new InMemoryTransport(toServer, toClient, maxMessageSize));
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken)
    {
        if (frame.Length > _maxMessageSize)
        {
            throw TransportErrors.OutgoingTooLarge(frame.Length, _maxMessageSize);
        }

        // Copied: the caller reuses its buffer as soon as the send completes.
        if (!_outgoing.Writer.TryWrite(frame.ToArray()))
        {
            throw TransportErrors.Lost("The in-memory connection is closed");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            if (!await _incoming.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is ChannelClosedException or IOException)
        {
            // Abort completes the channels with an IOException, which the reader rethrows as is.
            throw TransportErrors.Lost("The in-memory connection was aborted", ex);
        }

        if (!_incoming.Reader.TryRead(out byte[]? frame))
        {
            return false;
        }

        destination.Write(frame);
        return true;
    }

    /// <summary>Closes both directions: frames already sent are still delivered, then both ends' receives return <see langword="false"/>.</summary>
    /// <param name="cancellationToken">Unused: closing never waits.</param>
    /// <returns>A completed task.</returns>
    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _outgoing.Writer.TryComplete();
        _incoming.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>Breaks the connection as a network failure would: both ends' receives fail with <see cref="WampConnectionLostException"/>.</summary>
    public void Abort()
    {
        var reason = new IOException("The in-memory connection was aborted.");
        _outgoing.Writer.TryComplete(reason);
        _incoming.Writer.TryComplete(reason);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(CloseAsync(CancellationToken.None));
}
