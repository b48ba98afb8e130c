using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>
/// A hot observable over one topic, backed by at most one router subscription: the first observer subscribes
/// (through <see cref="IWampClient.SubscribeAsync"/>), the last one to leave unsubscribes, and a later observer
/// subscribes anew. Each router subscription is a <see cref="Lease"/>; events and failures of a lease that is no
/// longer current are ignored, which keeps a fast unsubscribe/subscribe sequence race-free.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class CfcEventStream<T> : IObservable<T>, ICfcEventStream
{
    private readonly IWampClient _wamp;
    private readonly string _topic;
    private readonly Func<WampPayload, T> _decode;
    private readonly Func<WampPayload, CancellationToken, ValueTask<WampPayload>>? _translate;
    private readonly ILogger _logger;
    private readonly WampSubscribeOptions? _queue;
    private readonly CfcMismatchLog _mismatches;
    private readonly Lock _gate = new();
    private IObserver<T>[] _observers = [];
    private Lease? _lease;
    private bool _completed;

    /// <summary>Creates the stream; nothing is subscribed until the first observer arrives.</summary>
    /// <param name="wamp">The WAMP session.</param>
    /// <param name="topic">The topic URI.</param>
    /// <param name="decode">Decodes an event's payload.</param>
    /// <param name="logger">Where decoding and observer failures go.</param>
    /// <param name="mismatches">Where fields that did not fit their typed property are logged; a new log when omitted.</param>
    /// <param name="translate">Reshapes a payload before decoding (a scheme adapter's), or <see langword="null"/>.</param>
    /// <param name="queue">The router subscription's queue bounds, or <see langword="null"/> for the WAMP defaults.</param>
    public CfcEventStream(
        IWampClient wamp, string topic, Func<WampPayload, T> decode, ILogger logger, CfcMismatchLog? mismatches = null,
        Func<WampPayload, CancellationToken, ValueTask<WampPayload>>? translate = null, WampSubscribeOptions? queue = null)
    {
        _queue = queue;
        _mismatches = mismatches ?? new CfcMismatchLog(logger);
        _wamp = wamp;
        _topic = topic;
        _decode = decode;
        _translate = translate;
        _logger = logger;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Attach(observer, out _);
    }

    /// <summary>
    /// Subscribes <paramref name="observer"/> and completes when the router subscription it joined is in place.
    /// </summary>
    /// <param name="observer">The observer.</param>
    /// <param name="cancellationToken">Stops waiting; the observer is unsubscribed again.</param>
    /// <returns>The unsubscriber.</returns>
    public async Task<IDisposable> SubscribeAsync(IObserver<T> observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observer);
        cancellationToken.ThrowIfCancellationRequested();
        IDisposable subscription = Attach(observer, out Lease? lease);
        if (lease is null)
        {
            return subscription;
        }

        try
        {
            await lease.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }

        return subscription;
    }

    // Adds the observer and starts a router subscription when it is the first; `lease` is the router subscription
    // the observer joined, or null when the stream has completed.
    private IDisposable Attach(IObserver<T> observer, out Lease? lease)
    {
        Lease? started = null;
        bool completed;
        lease = null;
        lock (_gate)
        {
            completed = _completed;
            if (!completed)
            {
                _observers = [.. _observers, observer];
                if (_lease is null)
                {
                    _lease = started = new Lease(this);
                }

                lease = _lease;
            }
        }

        if (completed)
        {
            // The client is disposed: the stream has ended, as it did for the observers before.
            observer.OnCompleted();
            return NoopDisposable.Instance;
        }

        started?.Start();
        return new Unsubscriber(this, observer);
    }

    /// <inheritdoc />
    public async Task CompleteAsync()
    {
        IObserver<T>[] observers;
        Lease? lease;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            observers = _observers;
            _observers = [];
            lease = _lease;
            _lease = null;
        }

        CompleteObservers(observers);

        if (lease is not null)
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private void Remove(IObserver<T> observer)
    {
        Lease? released = null;
        lock (_gate)
        {
            int index = Array.IndexOf(_observers, observer);
            if (index < 0)
            {
                return;
            }

            _observers = [.. _observers.AsSpan(0, index), .. _observers.AsSpan(index + 1)];
            if (_observers.Length == 0)
            {
                released = _lease;
                _lease = null;
            }
        }

        if (released is not null)
        {
            _ = released.ReleaseAsync();
        }
    }

    private void Deliver(Lease lease, WampPayload payload)
    {
        IObserver<T>[] observers;
        lock (_gate)
        {
            if (_lease != lease)
            {
                return;
            }

            observers = _observers;
        }

        T value;
        try
        {
            value = _mismatches.Decode(_topic, _decode, payload);
        }
        catch (CfcEventFormatException ex) when (ex.IsEmptyPayload)
        {
            // Nothing to read (no arguments, no keyword arguments): skipped rather than delivered as a record of defaults.
            CfcLog.EventSkipped(_logger, _topic, ex.Message);
            return;
        }
        catch (Exception ex)
        {
            CfcLog.EventDecodeFailed(_logger, _topic, ex);
            return;
        }

        // The hot path: observer methods are called directly (no delegate per event and observer); each call has
        // its own try/catch so an observer that throws does not keep the event from the others.
        foreach (IObserver<T> observer in observers)
        {
            try
            {
                observer.OnNext(value);
            }
            catch (Exception ex)
            {
                CfcLog.ObserverFailed(_logger, _topic, ex);
            }
        }
    }

    // The lease's router subscription ended without being released: an error ends the observers with OnError, a
    // clean end (the WAMP client was disposed underneath) with OnCompleted. A later observer subscribes anew.
    private void End(Lease lease, Exception? error)
    {
        IObserver<T>[] observers;
        lock (_gate)
        {
            if (_lease != lease)
            {
                return;
            }

            observers = _observers;
            _observers = [];
            _lease = null;
        }

        if (error is not null)
        {
            CfcLog.SubscriptionLost(_logger, _topic, error);
            Exception mapped = MapError(error);
            foreach (IObserver<T> observer in observers)
            {
                try
                {
                    observer.OnError(mapped);
                }
                catch (Exception ex)
                {
                    CfcLog.ObserverFailed(_logger, _topic, ex);
                }
            }
        }
        else
        {
            CompleteObservers(observers);
        }
    }

    private void CompleteObservers(IObserver<T>[] observers)
    {
        foreach (IObserver<T> observer in observers)
        {
            try
            {
                observer.OnCompleted();
            }
            catch (Exception ex)
            {
                CfcLog.ObserverFailed(_logger, _topic, ex);
            }
        }
    }

    private CfcException MapError(Exception error) => CfcErrors.SubscriptionLost(_topic, error);

    /// <summary>One router subscription, from SUBSCRIBE to UNSUBSCRIBE.</summary>
    private sealed class Lease(CfcEventStream<T> owner)
    {
        private readonly TaskCompletionSource<WampSubscription?> _subscription = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _released;

        /// <summary>Completes when the router confirmed the subscription; faults with the mapped error when it refused.</summary>
        public Task Ready => _ready.Task;

        public void Start() => _ = SubscribeAsync();

        public async Task ReleaseAsync()
        {
            _released = true;
            WampSubscription? subscription = await _subscription.Task.ConfigureAwait(false);
            if (subscription is null)
            {
                return;
            }

            try
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The session may be gone already; the router drops the subscription with it.
                CfcLog.UnsubscribeFailed(owner._logger, owner._topic, ex);
            }
        }

        private async Task SubscribeAsync()
        {
            WampSubscription? subscription = null;
            try
            {
                // Not cancelled on release: a SUBSCRIBE that is answered after the release is unsubscribed by ReleaseAsync.
                subscription = await owner._wamp.SubscribeAsync(owner._topic, OnEventAsync, owner._queue, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _ready.TrySetException(owner.MapError(ex));
                // Nobody may be waiting (a plain Subscribe): mark the fault observed; observers get it via OnError.
                _ = _ready.Task.Exception;
                owner.End(this, ex);
            }

            _ready.TrySetResult();
            _subscription.TrySetResult(subscription);
            if (subscription is not null)
            {
                await WatchAsync(subscription).ConfigureAwait(false);
            }
        }

        private async Task WatchAsync(WampSubscription subscription)
        {
            try
            {
                await subscription.Completion.ConfigureAwait(false);
                if (!_released)
                {
                    owner.End(this, null);
                }
            }
            catch (Exception ex) when (!_released)
            {
                owner.End(this, ex);
            }
            catch (Exception)
            {
                // Ended after we released it: expected.
            }
        }

        private ValueTask OnEventAsync(WampEvent e, CancellationToken cancellationToken)
        {
            if (owner._translate is null)
            {
                owner.Deliver(this, e.Payload);
                return ValueTask.CompletedTask;
            }

            return TranslateAndDeliverAsync(e, cancellationToken);
        }

        // The WAMP client hands one subscription's events to this handler one at a time on its own task, so a
        // translation that awaits a call keeps the events in order and holds up nothing else.
        private async ValueTask TranslateAndDeliverAsync(WampEvent e, CancellationToken cancellationToken)
        {
            WampPayload payload;
            try
            {
                payload = await owner._translate!(e.Payload, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CfcLog.EventDecodeFailed(owner._logger, owner._topic, ex);
                return;
            }

            owner.Deliver(this, payload);
        }
    }

    private sealed class Unsubscriber(CfcEventStream<T> owner, IObserver<T> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(observer);
            }
        }
    }
}

/// <summary>A disposable that does nothing.</summary>
internal sealed class NoopDisposable : IDisposable
{
    /// <summary>The one instance.</summary>
    public static NoopDisposable Instance { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
