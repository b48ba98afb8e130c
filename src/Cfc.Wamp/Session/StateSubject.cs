using System.Threading.Channels;
using Cfc.Shared;
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
    private readonly ObserverList<WampConnectionState> _observers;

    public StateSubject(ILogger logger)
    {
        _observers = new ObserverList<WampConnectionState>(logger.StateObserverFailed);
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Completes after every observer got OnCompleted.</summary>
    public Task Completion { get; }

    public IDisposable Subscribe(IObserver<WampConnectionState> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (_observers.Add(observer) == 0)
        {
            observer.OnCompleted();
        }

        return new Unsubscriber(_observers, observer);
    }

    public void OnNext(WampConnectionState state) => _queue.Writer.TryWrite((state, _observers.Snapshot));

    public void OnCompleted() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        ChannelReader<(WampConnectionState State, IObserver<WampConnectionState>[] Observers)> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out (WampConnectionState State, IObserver<WampConnectionState>[] Observers) change))
            {
                _observers.OnNext(change.Observers, change.State);
            }
        }

        _observers.OnCompleted(_observers.Close());
    }

    private sealed class Unsubscriber(ObserverList<WampConnectionState> observers, IObserver<WampConnectionState> observer) : IDisposable
    {
        public void Dispose() => observers.Remove(observer);
    }
}
