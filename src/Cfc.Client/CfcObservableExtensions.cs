using Cfc.Client.Connection;

namespace Cfc.Client;

/// <summary>
/// Subscribing to the SDK's event streams (<c>client.System.OnTick</c>, ...) without a reactive library: a lambda
/// <see cref="Subscribe{T}(IObservable{T}, Action{T}, Action{Exception}?, Action?, CancellationToken)"/>, and
/// <see cref="SubscribeAsync{T}(IObservable{T}, IObserver{T}, CancellationToken)"/>, which waits until the router
/// subscription is in place.
/// </summary>
/// <remarks>
/// These methods live beside System.Reactive without ambiguity. Rx's <c>System.ObservableExtensions</c> has one
/// <c>Subscribe</c> overload per combination of handlers, each with exactly that many parameters; the lambda
/// <c>Subscribe</c> here has one overload whose <c>onError</c>, <c>onCompleted</c> and <c>cancellationToken</c> are
/// optional. When an app imports both namespaces, C# prefers the candidate that needs no default values filled in,
/// so every call with one, two or three handlers binds to Rx's method, and to this one when Rx is not referenced.
/// </remarks>
public static class CfcObservableExtensions
{
    // One overload with optional parameters on purpose (see the class remarks): exact-arity overloads here would
    // tie with System.Reactive's and make `Subscribe(t => ...)` ambiguous in apps that use both. With optional
    // parameters, C#'s tie-break ("a candidate that needs no default values is better") picks Rx's instead; the
    // trailing token keeps even the three-handler call from tying.

    /// <summary>Subscribes with delegates instead of an <see cref="IObserver{T}"/>.</summary>
    /// <remarks>
    /// On an SDK event stream this starts the router subscription in the background, so an event published right
    /// after this call returns may be missed; use
    /// <see cref="SubscribeAsync{T}(IObservable{T}, Action{T}, CancellationToken)"/> to wait
    /// until the subscription is in place. With System.Reactive also imported, C# picks Rx's <c>Subscribe</c>
    /// overloads instead, which behave the same way (see the class remarks).
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The stream.</param>
    /// <param name="onNext">Called for each element.</param>
    /// <param name="onError">Called when the stream ends with an error (for the SDK's streams: a <see cref="CfcException"/> when the subscription is lost for good); <see langword="null"/> to ignore errors.</param>
    /// <param name="onCompleted">Called when the stream completes (for the SDK's streams: when the client is disposed); <see langword="null"/> to ignore it.</param>
    /// <param name="cancellationToken">Ends the subscription when cancelled, as disposing the result does.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext, Action<Exception>? onError = null, Action? onCompleted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(onNext);
        IDisposable subscription = source.Subscribe(new DelegateObserver<T>(onNext, onError, onCompleted));
        if (!cancellationToken.CanBeCanceled)
        {
            return subscription;
        }

        CancellationTokenRegistration registration = cancellationToken.Register(static s => ((IDisposable)s!).Dispose(), subscription);
        return new TokenBoundSubscription(subscription, registration);
    }

    private sealed class TokenBoundSubscription(IDisposable subscription, CancellationTokenRegistration registration) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            subscription.Dispose();
        }
    }

    /// <summary>
    /// Subscribes and, for the SDK's event streams, completes when the router has confirmed the subscription, so
    /// that every event published afterwards reaches <paramref name="observer"/>.
    /// </summary>
    /// <remarks>
    /// For an observable that is not one of the SDK's event streams this subscribes and completes at once.
    /// If the router refuses the subscription, the task faults with the <see cref="CfcException"/> the refusal maps
    /// to, and <paramref name="observer"/> gets it through <see cref="IObserver{T}.OnError"/> too (it was subscribed).
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="stream">The stream.</param>
    /// <param name="observer">The observer.</param>
    /// <param name="cancellationToken">Stops waiting; the observer is then unsubscribed again.</param>
    /// <returns>Disposing the result ends the subscription.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<IDisposable> SubscribeAsync<T>(this IObservable<T> stream, IObserver<T> observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(observer);
        if (stream is CfcEventStream<T> cfc)
        {
            return cfc.SubscribeAsync(observer, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(stream.Subscribe(observer));
    }

    /// <summary>
    /// Subscribes with a delegate and, for the SDK's event streams, completes when the router has confirmed the
    /// subscription; see <see cref="SubscribeAsync{T}(IObservable{T}, IObserver{T}, CancellationToken)"/>.
    /// </summary>
    /// <remarks>Errors and completion of the stream are ignored; pass <c>onError</c> to see them.</remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="stream">The stream.</param>
    /// <param name="onNext">Called for each element.</param>
    /// <param name="cancellationToken">Stops waiting; the subscription is then ended again.</param>
    /// <returns>Disposing the result ends the subscription.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<IDisposable> SubscribeAsync<T>(this IObservable<T> stream, Action<T> onNext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext, null, null), cancellationToken);
    }

    /// <summary>
    /// Subscribes with delegates and, for the SDK's event streams, completes when the router has confirmed the
    /// subscription; see <see cref="SubscribeAsync{T}(IObservable{T}, IObserver{T}, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="stream">The stream.</param>
    /// <param name="onNext">Called for each element.</param>
    /// <param name="onError">Called when the stream ends with an error (a <see cref="CfcException"/>); <see langword="null"/> to ignore errors.</param>
    /// <param name="onCompleted">Called when the stream completes (the client was disposed); <see langword="null"/> to ignore it.</param>
    /// <param name="cancellationToken">Stops waiting; the subscription is then ended again.</param>
    /// <returns>Disposing the result ends the subscription.</returns>
    /// <exception cref="CfcException">The router refused the subscription, or the connection was lost before it answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<IDisposable> SubscribeAsync<T>(
        this IObservable<T> stream,
        Action<T> onNext,
        Action<Exception>? onError,
        Action? onCompleted = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext, onError, onCompleted), cancellationToken);
    }

    private sealed class DelegateObserver<T>(Action<T> onNext, Action<Exception>? onError, Action? onCompleted) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);

        public void OnError(Exception error) => onError?.Invoke(error);

        public void OnCompleted() => onCompleted?.Invoke();
    }
}
