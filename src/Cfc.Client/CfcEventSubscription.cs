using Cfc.Client.Connection;

namespace Cfc.Client;

/// <summary>
/// One subscription to a <see cref="CfcEventStream{T}"/>, returned by its <c>SubscribeAsync</c> methods once the router
/// subscription is in place. Dispose it to leave the stream; the last subscriber of a topic to leave unsubscribes on
/// the router.
/// </summary>
/// <remarks>
/// <see cref="DisposeAsync"/> completes when that UNSUBSCRIBE was confirmed (or at once without a session, or when
/// other subscribers still hold the topic); <see cref="Dispose"/> leaves at once and unsubscribes in the background.
/// Disposing more than once does nothing more.
/// </remarks>
public class CfcEventSubscription : IDisposable, IAsyncDisposable
{
    private readonly EventAttachment _attachment;

    private protected CfcEventSubscription(EventAttachment attachment) => _attachment = attachment;

    /// <summary>Leaves the stream; the router subscription ends in the background when this was its last subscriber.</summary>
    public void Dispose()
    {
        // The release never faults (a failed UNSUBSCRIBE is logged): nothing to observe.
        _ = _attachment.DetachAsync();
        OnLeft();
        GC.SuppressFinalize(this);
    }

    /// <summary>Leaves the stream and, when this was the topic's last subscriber, waits until the router confirmed the UNSUBSCRIBE.</summary>
    /// <returns>A task that completes when the stream let go of the subscription.</returns>
    public async ValueTask DisposeAsync()
    {
        Task detached = _attachment.DetachAsync();
        OnLeft();
        GC.SuppressFinalize(this);
        await detached.ConfigureAwait(false);
    }

    internal static CfcEventSubscription For(EventAttachment attachment) => new(attachment);

    /// <summary>Called once the subscription has left the stream (ends a reader's queue).</summary>
    private protected virtual void OnLeft()
    {
    }
}

/// <summary>
/// A subscription that queues the stream's events for <see cref="ReadAllAsync"/>: returned by
/// <see cref="CfcEventStream{T}.SubscribeAsync(CancellationToken)"/> once the router subscription is in place, so that
/// every event published afterwards is read.
/// </summary>
/// <remarks>
/// <para>
/// The queue is bounded like the router subscription's own (<see cref="CfcClientOptions.EventQueue"/>: 10,000 events
/// and 16 MiB of event JSON by default) and never holds up the other subscribers: when a reader falls behind and a new
/// event does not fit, the oldest waiting events are dropped, counted in <see cref="Dropped"/> and logged (event id
/// 2012, at the first and every 1,000th). See docs/security.md.
/// </para>
/// <para>
/// Reading ends when the subscription is disposed (after the events queued before), ends with the stream's
/// <see cref="CfcException"/> when the subscription is lost for good, and ends when the client is disposed. Read it
/// from one loop at a time: two loops would share the events between them.
/// </para>
/// </remarks>
/// <typeparam name="T">The event type.</typeparam>
public sealed class CfcEventSubscription<T> : CfcEventSubscription
{
    private readonly EventReaderQueue<T> _queue;

    internal CfcEventSubscription(EventAttachment attachment, EventReaderQueue<T> queue)
        : base(attachment) => _queue = queue;

    /// <summary>How many events were dropped because the reader fell behind (see the class remarks).</summary>
    public long Dropped => _queue.Dropped;

    /// <summary>Reads the events in the order the router published them.</summary>
    /// <param name="cancellationToken">Ends the enumeration with <see cref="OperationCanceledException"/>; the subscription stays (dispose it to leave).</param>
    /// <returns>The events, until the subscription is disposed or the stream ends.</returns>
    /// <exception cref="CfcException">The subscription was lost for good (revoked by the router, not restorable after a reconnect).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    private protected override void OnLeft() => _queue.OnCompleted();
}
