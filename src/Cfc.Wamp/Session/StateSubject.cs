using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// A tiny thread-safe subject for state changes (no System.Reactive dependency). Notifications are queued
/// and delivered in order on a task of their own, never on the reader loop. New observers get no replay:
/// they see the changes after they subscribed (read <see cref="IWampClient.State"/> for the current one).
/// </summary>
internal sealed class StateSubject : IObservable<WampConnectionState>
{
    // Each change carries the observers of the moment it happened: a later observer does not see earlier changes.
    private readonly Channel<(WampConnectionState State, IObserver<WampConnectionState>[] Observers)> _queue =
        Channel.CreateUnbounded<(WampConnectionState, IObserver<WampConnectionState>[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private IObserver<WampConnectionState>[] _observers = [];
    private bool _completed;

    public StateSubject(ILogger logger)
    {
        _logger = logger;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Completes after every observer got OnCompleted.</summary>
    public Task Completion { get; }

    public IDisposable Subscribe(IObserver<WampConnectionState> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            if (!_completed)
            {
                _observers = [.. _observers, observer];
                return new Unsubscriber(this, observer);
            }
        }

        observer.OnCompleted();
        return new Unsubscriber(this, observer);
    }

    public void OnNext(WampConnectionState state) => _queue.Writer.TryWrite((state, Volatile.Read(ref _observers)));

    public void OnCompleted() => _queue.Writer.TryComplete();

    private void Unsubscribe(IObserver<WampConnectionState> observer)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_observers, observer);
            if (index >= 0)
            {
                IObserver<WampConnectionState>[] next = [.. _observers.AsSpan(0, index), .. _observers.AsSpan(index + 1)];
                _observers = next;
            }
        }
    }

    private async Task PumpAsync()
    {
        ChannelReader<(WampConnectionState State, IObserver<WampConnectionState>[] Observers)> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out (WampConnectionState State, IObserver<WampConnectionState>[] Observers) change))
            {
                foreach (IObserver<WampConnectionState> observer in change.Observers)
                {
                    try
                    {
                        observer.OnNext(change.State);
                    }
                    catch (Exception ex)
                    {
                        _logger.StateObserverFailed(ex);
                    }
                }
            }
        }

        IObserver<WampConnectionState>[] last;
        lock (_gate)
        {
            _completed = true;
            last = _observers;
            _observers = [];
        }

        foreach (IObserver<WampConnectionState> observer in last)
        {
            try
            {
                observer.OnCompleted();
            }
            catch (Exception ex)
            {
                _logger.StateObserverFailed(ex);
            }
        }
    }

    private sealed class Unsubscriber(StateSubject subject, IObserver<WampConnectionState> observer) : IDisposable
    {
        public void Dispose() => subject.Unsubscribe(observer);
    }
}
