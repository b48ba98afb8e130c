using System.Runtime.CompilerServices;
using Cfc.Client.Connection;

namespace Cfc.Client;

/// <summary>
/// A hot stream of events (<c>client.System.OnTick</c>, <c>client.ManagementRealms.OnNodePaired</c>, ...,
/// <see cref="CfcClient.StateChanges"/>): read it with <c>await foreach</c>, subscribe with a callback, or use it as
/// an <see cref="IObservable{T}"/> (System.Reactive and any other observer).
/// </summary>
/// <remarks>
/// <para>
/// Every way of reading shares one router subscription per topic: the first reader or observer subscribes on the
/// router, the last one to leave unsubscribes; it is restored after a reconnect without the readers noticing (events
/// published while the connection was down are lost). The stream ends with a <see cref="CfcException"/> when the
/// subscription is lost for good, and completes when the client is disposed.
/// </para>
/// <para>
/// <b>When the subscription is in place.</b> The <c>SubscribeAsync</c> methods and <see cref="ReadAllAsync"/> wait until
/// the router confirmed the subscription: every event published after <c>SubscribeAsync</c> returned is seen.
/// <see cref="Subscribe(IObserver{T})"/> (and so every Rx operator) returns at once and subscribes in the background, so
/// an event published right after it may be missed. Filter and map with this type's <see cref="Where"/> and
/// <see cref="Select{TResult}"/>, which return a <see cref="CfcEventStream{T}"/> that keeps <c>SubscribeAsync</c>;
/// System.Reactive's operators on the <see cref="IObservable{T}"/> work too, but their result is a plain observable
/// without that guarantee.
/// </para>
/// <para>
/// Observers are called one event at a time, in order, off the connection's reader loop; an observer that throws is
/// logged and does not keep the event from the others. Slow observers hold up the topic's queue
/// (<see cref="CfcClientOptions.EventQueue"/>), which drops the oldest events when it is full; a reader of
/// <see cref="CfcEventSubscription{T}.ReadAllAsync"/> has a queue of its own with the same bounds.
/// </para>
/// </remarks>
/// <typeparam name="T">The event type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "An event stream is the established name for this concept (NATS.Net, Rx); it is not a System.IO.Stream and cannot be mistaken for one by its members.")]
public sealed class CfcEventStream<T> : IObservable<T>
{
    private readonly IEventSource<T> _source;
    private readonly EventReaderSettings _readers;
    private readonly string _name;

    /// <summary>Where the stream gets its values (a deferred stream attaches its observers here once the scheme is known).</summary>
    internal IEventSource<T> Source => _source;

    internal CfcEventStream(IEventSource<T> source, EventReaderSettings readers, string name)
    {
        _source = source;
        _readers = readers;
        _name = name;
    }

    /// <summary>
    /// Subscribes <paramref name="observer"/> and returns at once; the router subscription is made in the background
    /// (use <see cref="SubscribeAsync(IObserver{T}, CancellationToken)"/> to wait for it).
    /// </summary>
    /// <param name="observer">The observer.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    /// <exception cref="CfcNotSupportedException">The server's API (the client's <see cref="CfcUriScheme"/>) has no such event.</exception>
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return CfcEventSubscription.For(_source.Attach(observer));
    }

    /// <summary>
    /// Subscribes with delegates and returns at once; the router subscription is made in the background (use
    /// <see cref="SubscribeAsync(Action{T}, CancellationToken)"/> to wait for it). A member of the stream, so that with
    /// System.Reactive also imported, C# binds here without ambiguity.
    /// </summary>
    /// <param name="onNext">Called for each event.</param>
    /// <param name="onError">Called when the stream ends with an error (a <see cref="CfcException"/> when the subscription is lost for good); <see langword="null"/> to ignore it.</param>
    /// <param name="onCompleted">Called when the stream completes (the client was disposed); <see langword="null"/> to ignore it.</param>
    /// <param name="cancellationToken">Ends the subscription when cancelled, as disposing the result does.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    /// <exception cref="CfcNotSupportedException">The server's API has no such event.</exception>
    public IDisposable Subscribe(Action<T> onNext, Action<Exception>? onError = null, Action? onCompleted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        IDisposable subscription = Subscribe(new DelegateObserver(onNext, onError, onCompleted));
        if (!cancellationToken.CanBeCanceled)
        {
            return subscription;
        }

        CancellationTokenRegistration registration = cancellationToken.Register(static s => ((IDisposable)s!).Dispose(), subscription);
        return new TokenBoundSubscription(subscription, registration);
    }

    /// <summary>Subscribes with an element and a completion delegate (System.Reactive's shape); see <see cref="Subscribe(Action{T}, Action{Exception}?, Action?, CancellationToken)"/>.</summary>
    /// <param name="onNext">Called for each event.</param>
    /// <param name="onCompleted">Called when the stream completes (the client was disposed).</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable Subscribe(Action<T> onNext, Action onCompleted) => Subscribe(onNext, null, onCompleted);

    /// <summary>
    /// Subscribes <paramref name="observer"/> and completes when the router has confirmed the subscription, so that
    /// every event published afterwards reaches it.
    /// </summary>
    /// <remarks>
    /// If the router refuses the subscription, the task faults with the <see cref="CfcException"/> the refusal maps
    /// to, and <paramref name="observer"/> gets it through <see cref="IObserver{T}.OnError"/> too.
    /// </remarks>
    /// <param name="observer">The observer.</param>
    /// <param name="cancellationToken">Stops waiting; the observer is then unsubscribed again.</param>
    /// <returns>The subscription; dispose it to leave.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="CfcNotSupportedException">The server's API has no such event.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<CfcEventSubscription> SubscribeAsync(IObserver<T> observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return AttachAsync(observer, CfcEventSubscription.For, cancellationToken);
    }

    /// <summary>Subscribes with a delegate and completes when the router has confirmed the subscription; see <see cref="SubscribeAsync(IObserver{T}, CancellationToken)"/>.</summary>
    /// <remarks>Errors and completion of the stream are ignored; pass <c>onError</c> to see them.</remarks>
    /// <param name="onNext">Called for each event.</param>
    /// <param name="cancellationToken">Stops waiting; the subscription is then ended again.</param>
    /// <returns>The subscription; dispose it to leave.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<CfcEventSubscription> SubscribeAsync(Action<T> onNext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        return SubscribeAsync(new DelegateObserver(onNext, null, null), cancellationToken);
    }

    /// <summary>Subscribes with delegates and completes when the router has confirmed the subscription; see <see cref="SubscribeAsync(IObserver{T}, CancellationToken)"/>.</summary>
    /// <param name="onNext">Called for each event.</param>
    /// <param name="onError">Called when the stream ends with an error (a <see cref="CfcException"/>); <see langword="null"/> to ignore it.</param>
    /// <param name="onCompleted">Called when the stream completes (the client was disposed); <see langword="null"/> to ignore it.</param>
    /// <param name="cancellationToken">Stops waiting; the subscription is then ended again.</param>
    /// <returns>The subscription; dispose it to leave.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<CfcEventSubscription> SubscribeAsync(Action<T> onNext, Action<Exception>? onError, Action? onCompleted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        return SubscribeAsync(new DelegateObserver(onNext, onError, onCompleted), cancellationToken);
    }

    /// <summary>
    /// Subscribes with a queue of its own and completes when the router has confirmed the subscription; read the
    /// events with <see cref="CfcEventSubscription{T}.ReadAllAsync"/>. Every event published after this returned is
    /// queued (within the queue's bounds, see <see cref="CfcEventSubscription{T}"/>).
    /// </summary>
    /// <example>
    /// <code>
    /// await using CfcEventSubscription&lt;NodePairedEvent&gt; paired = await client.ManagementRealms.OnNodePaired.SubscribeAsync(ct);
    /// await client.ManagementRealms.PairNodeAsync(pubkey, "lab", "node1", cancellationToken: ct);   // its event is not missed
    /// await foreach (NodePairedEvent e in paired.ReadAllAsync(ct)) { ... }
    /// </code>
    /// </example>
    /// <param name="cancellationToken">Stops waiting; the subscription is then ended again.</param>
    /// <returns>The subscription; dispose it to leave (reading then ends).</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="CfcNotSupportedException">The server's API has no such event.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<CfcEventSubscription<T>> SubscribeAsync(CancellationToken cancellationToken = default)
    {
        var queue = new EventReaderQueue<T>(_readers, _name);
        return AttachAsync(queue, attachment => new CfcEventSubscription<T>(attachment, queue), cancellationToken);
    }

    /// <summary>
    /// Reads the stream: subscribes (waiting until the router subscription is in place) when the enumeration starts,
    /// yields the events in order, and unsubscribes when the enumeration ends.
    /// </summary>
    /// <remarks>
    /// The subscription is made at the first <c>MoveNextAsync</c>, not when this method is called; to be sure to see
    /// the events of something you do next, subscribe first with <see cref="SubscribeAsync(CancellationToken)"/> and
    /// read its <see cref="CfcEventSubscription{T}.ReadAllAsync"/>. The events wait in a bounded queue (see
    /// <see cref="CfcEventSubscription{T}"/>: the oldest are dropped when the reader falls behind).
    /// </remarks>
    /// <param name="cancellationToken">Ends the enumeration with <see cref="OperationCanceledException"/> and unsubscribes.</param>
    /// <returns>The events, until the client is disposed.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or it was lost for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CfcEventSubscription<T> subscription = await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (T value in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }
        }
        finally
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The events <paramref name="predicate"/> accepts, as a stream that shares this one's router subscription and
    /// keeps its <c>SubscribeAsync</c> guarantee (unlike System.Reactive's <c>Where</c>, whose result is a plain observable).
    /// </summary>
    /// <param name="predicate">Which events pass. One that throws skips the event and is logged like an observer that throws.</param>
    /// <returns>The filtered stream.</returns>
    public CfcEventStream<T> Where(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new CfcEventStream<T>(new FilteredEventSource<T>(_source, predicate), _readers, _name);
    }

    /// <summary>
    /// The events mapped by <paramref name="selector"/>, as a stream that shares this one's router subscription and
    /// keeps its <c>SubscribeAsync</c> guarantee.
    /// </summary>
    /// <typeparam name="TResult">The mapped type.</typeparam>
    /// <param name="selector">The mapping. One that throws skips the event and is logged like an observer that throws.</param>
    /// <returns>The mapped stream.</returns>
    public CfcEventStream<TResult> Select<TResult>(Func<T, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new CfcEventStream<TResult>(new MappedEventSource<T, TResult>(_source, selector), _readers, _name);
    }

    /// <inheritdoc />
    public override string ToString() => $"CfcEventStream<{typeof(T).Name}> {_name}";

    private async Task<TSubscription> AttachAsync<TSubscription>(IObserver<T> observer, Func<EventAttachment, TSubscription> wrap, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EventAttachment attachment = _source.Attach(observer);
        try
        {
            await attachment.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not awaited: a SUBSCRIBE still on its way is unsubscribed when it is answered.
            _ = attachment.DetachAsync();
            throw;
        }

        return wrap(attachment);
    }

    private sealed class DelegateObserver(Action<T> onNext, Action<Exception>? onError, Action? onCompleted) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);

        public void OnError(Exception error) => onError?.Invoke(error);

        public void OnCompleted() => onCompleted?.Invoke();
    }

    private sealed class TokenBoundSubscription(IDisposable subscription, CancellationTokenRegistration registration) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            subscription.Dispose();
        }
    }
}
