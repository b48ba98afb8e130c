namespace Cfc.Client.Tests.EndToEnd;

/// <summary>Collects the elements of an IObservable and waits (with a timeout) for one that matches.</summary>
public sealed class EventRecorder<T> : IObserver<T>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly List<T> _items = [];
    private readonly IDisposable _subscription;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventRecorder(IObservable<T> source) => _subscription = source.Subscribe(this);

    public async Task<T> WaitAsync(Func<T, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            Task changed;
            lock (_items)
            {
                foreach (T item in _items)
                {
                    if (predicate(item))
                    {
                        return item;
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {typeof(T).Name} within {Timeout.TotalSeconds} s (got {_items.Count}).");
            }
        }
    }

    public void OnNext(T value)
    {
        lock (_items)
        {
            _items.Add(value);
            TaskCompletionSource done = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult();
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => _subscription.Dispose();
}

public static class EventRecorder
{
    public static EventRecorder<T> Record<T>(this IObservable<T> source) => new(source);
}
