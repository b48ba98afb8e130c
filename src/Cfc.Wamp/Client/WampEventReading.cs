using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Cfc.Wamp;

/// <summary>Reading a topic's events with <c>await foreach</c>, the WAMP-level counterpart of <c>CfcEventStream&lt;T&gt;.ReadAllAsync</c>.</summary>
public static class WampEventReading
{
    /// <summary>
    /// Subscribes to <paramref name="topic"/> when the enumeration starts (the first <c>MoveNextAsync</c> returns after
    /// the router confirmed the subscription), yields its events in order, and unsubscribes when the enumeration ends.
    /// </summary>
    /// <remarks>
    /// Events wait for the reader in the subscription's own queue, bounded by <see cref="WampSubscribeOptions.MaxQueuedEvents"/>
    /// and <see cref="WampSubscribeOptions.MaxQueuedEventBytes"/>: when the reader falls behind, the oldest are dropped and
    /// logged (see docs/security.md). The subscription survives reconnects like any other.
    /// </remarks>
    /// <param name="client">The WAMP client.</param>
    /// <param name="topic">The topic URI or pattern.</param>
    /// <param name="options">Match policy and queue bounds, or <see langword="null"/> for an exact match and the defaults.</param>
    /// <param name="cancellationToken">Ends the enumeration with <see cref="OperationCanceledException"/> (and unsubscribes).</param>
    /// <returns>The events, until the subscription ends (the client was disposed) or is lost for good (then its error is thrown).</returns>
    /// <exception cref="WampException">The router refused the subscription, or it was lost for good.</exception>
    public static async IAsyncEnumerable<WampEvent> ReadEventsAsync(
        this IWampClient client, string topic, WampSubscribeOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);

        // Capacity 1: the subscription's handler waits for the reader, so the backlog stays in the subscription's own
        // bounded queue (one bound, one drop policy) instead of a second queue here.
        var handoff = Channel.CreateBounded<WampEvent>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        WampSubscription subscription = await client.SubscribeAsync(topic, (e, ct) => handoff.Writer.WriteAsync(e, ct), options, cancellationToken).ConfigureAwait(false);
        _ = subscription.Completion.ContinueWith(
            static (ended, state) => ((ChannelWriter<WampEvent>)state!).TryComplete(ended.Exception?.InnerException),
            handoff.Writer,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            await foreach (WampEvent e in handoff.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }
}
