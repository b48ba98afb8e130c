using Cfc.Shared;
using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>
/// The source of one topic, backed by at most one router subscription: the first observer subscribes (through
/// <see cref="IWampClient.SubscribeAsync"/>), the last one to leave unsubscribes, and a later observer subscribes anew.
/// Each router subscription is a <see cref="Lease"/>; events and failures of a lease that is no longer current are
/// ignored, which keeps a fast unsubscribe/subscribe sequence race-free.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class TopicEventSource<T> : IEventSource<T>, ICfcEventStream
{
    private readonly IWampClient _wamp;
    private readonly string _topic;
    private readonly Func<WampPayload, T> _decode;
    private readonly Func<WampPayload, CancellationToken, ValueTask<WampPayload>>? _translate;
    private readonly ILogger _logger;
    private readonly WampSubscribeOptions? _queue;
    private readonly CfcMismatchLog _mismatches;
    private readonly ObserverList<T> _observers;
    private readonly Lock _gate = new();
    private Lease? _lease;

    /// <summary>Creates the source; nothing is subscribed until the first observer arrives.</summary>
    /// <param name="wamp">The WAMP session.</param>
    /// <param name="topic">The topic URI.</param>
    /// <param name="decode">Decodes an event's payload.</param>
    /// <param name="logger">Where decoding and observer failures go.</param>
    /// <param name="mismatches">Where fields that did not fit their typed property are logged; a new log when omitted.</param>
    /// <param name="translate">Reshapes a payload before decoding (a scheme adapter's), or <see langword="null"/>.</param>
    /// <param name="queue">The router subscription's queue bounds, or <see langword="null"/> for the WAMP defaults.</param>
    public TopicEventSource(
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
        _observers = new ObserverList<T>(ex => CfcLog.ObserverFailed(logger, topic, ex));
    }

    /// <summary>The topic URI.</summary>
    public string Topic => _topic;

    /// <inheritdoc />
    public EventAttachment Attach(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Lease? started = null;
        Lease? lease = null;
        lock (_gate)
        {
            if (_observers.Add(observer) > 0)
            {
                lease = _lease ??= started = new Lease(this);
            }
        }

        if (lease is null)
        {
            // The client is disposed: the stream has ended, as it did for the observers before.
            observer.OnCompleted();
            return EventAttachment.Ended;
        }

        started?.Start();
        return new EventAttachment(lease.Ready, () => RemoveAsync(observer));
    }

    /// <inheritdoc />
    public async Task CompleteAsync()
    {
        IObserver<T>[] observers;
        Lease? lease;
        lock (_gate)
        {
            observers = _observers.Close();
            lease = _lease;
            _lease = null;
        }

        _observers.OnCompleted(observers);

        if (lease is not null)
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private Task RemoveAsync(IObserver<T> observer)
    {
        Lease? released = null;
        lock (_gate)
        {
            if (_observers.Remove(observer) == 0)
            {
                released = _lease;
                _lease = null;
            }
        }

        return released?.ReleaseAsync() ?? Task.CompletedTask;
    }

    private void Deliver(Lease lease, WampPayload payload, long size)
    {
        IObserver<T>[] observers;
        lock (_gate)
        {
            if (_lease != lease)
            {
                return;
            }

            observers = _observers.Snapshot;
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

        _observers.OnNext(observers, value, size);
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

            observers = _observers.Clear();
            _lease = null;
        }

        if (error is not null)
        {
            CfcLog.SubscriptionLost(_logger, _topic, error);
            _observers.OnError(observers, MapError(error));
        }
        else
        {
            _observers.OnCompleted(observers);
        }
    }

    private CfcException MapError(Exception error) => CfcErrors.SubscriptionLost(_topic, error);

    /// <summary>One router subscription, from SUBSCRIBE to UNSUBSCRIBE.</summary>
    private sealed class Lease(TopicEventSource<T> owner)
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
                owner.Deliver(this, e.Payload, e.JsonSize);
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

            owner.Deliver(this, payload, e.JsonSize);
        }
    }
}
