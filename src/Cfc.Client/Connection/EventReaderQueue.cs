using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cfc.Shared;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>
/// The bounds of the queue each reader of a typed stream gets (<see cref="CfcEventSubscription{T}"/>): the same as the
/// router subscription's queue (<see cref="CfcClientOptions.EventQueue"/>).
/// </summary>
/// <param name="MaxQueuedEvents">How many events may wait for the reader.</param>
/// <param name="MaxQueuedEventBytes">How many bytes of events (their JSON size) may wait for the reader.</param>
/// <param name="Logger">Where drops are logged.</param>
internal sealed record EventReaderSettings(int MaxQueuedEvents, long MaxQueuedEventBytes, ILogger Logger)
{
    /// <summary>The settings for a client's streams.</summary>
    /// <param name="queue">The client's <see cref="CfcClientOptions.EventQueue"/>, or <see langword="null"/> for the WAMP defaults.</param>
    /// <param name="logger">Where drops are logged.</param>
    /// <returns>The settings.</returns>
    public static EventReaderSettings From(Cfc.Wamp.WampSubscribeOptions? queue, ILogger logger) => new(
        queue?.MaxQueuedEvents ?? Cfc.Wamp.WampSubscribeOptions.DefaultMaxQueuedEvents,
        queue?.MaxQueuedEventBytes ?? Cfc.Wamp.WampSubscribeOptions.DefaultMaxQueuedEventBytes,
        logger);
}

/// <summary>
/// One reader's queue: a channel bounded in count and in bytes, never blocking the writer. When a new event does not
/// fit, the oldest waiting events are dropped (counted, logged at the first and every 1,000th), as the router
/// subscription's own queue does; an event larger than the whole byte bound still goes in when nothing else waits.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class EventReaderQueue<T> : ISizedObserver<T>
{
    private const long DropLogInterval = 1000;

    private readonly Channel<(T Value, long Size)> _channel =
        Channel.CreateUnbounded<(T, long)>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    // Writes, drops and reads all take their item under this lock, so count and bytes always match the channel.
    private readonly Lock _gate = new();
    private readonly EventReaderSettings _settings;
    private readonly string _stream;
    private int _count;
    private long _bytes;
    private long _dropped;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="settings">Its bounds and logger.</param>
    /// <param name="stream">The stream's name, for the log.</param>
    public EventReaderQueue(EventReaderSettings settings, string stream)
    {
        _settings = settings;
        _stream = stream;
    }

    /// <summary>How many events were dropped because the reader fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void OnNext(T value) => OnNext(value, 0);

    /// <inheritdoc />
    public void OnNext(T value, long size)
    {
        long dropped = 0;
        lock (_gate)
        {
            while (_count > 0 && (_count >= _settings.MaxQueuedEvents || _bytes + size > _settings.MaxQueuedEventBytes)
                && _channel.Reader.TryRead(out (T Value, long Size) oldest))
            {
                _count--;
                _bytes -= oldest.Size;
                dropped++;
            }

            if (!_channel.Writer.TryWrite((value, size)))
            {
                return;
            }

            _count++;
            _bytes += size;
        }

        if (dropped > 0)
        {
            long after = Interlocked.Add(ref _dropped, dropped);
            long before = after - dropped;
            if (before == 0 || after / DropLogInterval != before / DropLogInterval)
            {
                CfcLog.ReaderQueueOverflow(_settings.Logger, _stream, after);
            }
        }
    }

    /// <inheritdoc />
    public void OnError(Exception error) => _channel.Writer.TryComplete(error);

    /// <inheritdoc />
    public void OnCompleted() => _channel.Writer.TryComplete();

    /// <summary>
    /// Reads the events in order until the queue completes (the subscription was disposed, or the stream ended); throws
    /// the stream's error when it ended with one (the events queued before it are read first).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChannelReader<(T Value, long Size)> reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (TryTake(reader, out T value))
            {
                yield return value;
            }
        }
    }

    private bool TryTake(ChannelReader<(T Value, long Size)> reader, out T value)
    {
        lock (_gate)
        {
            if (reader.TryRead(out (T Value, long Size) item))
            {
                _count--;
                _bytes -= item.Size;
                value = item.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
