namespace Cfc.Shared;

/// <summary>
/// The observers of one observable, shared by every observable of the SDK (compiled into each assembly that needs
/// it, internal there): a copy-on-write array, so delivering takes a snapshot without a lock and an observer that
/// leaves during a delivery does not disturb it; once closed, it takes no observer any more.
/// </summary>
/// <remarks>
/// Each notification goes to every observer of the snapshot, each call in its own try/catch: an observer that
/// throws is reported to the failure callback and does not keep the notification from the others. Observer
/// methods are called directly (no delegate per notification and observer), which keeps the hot path cheap.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ObserverList<T>
{
    private readonly Lock _gate = new();
    private readonly Action<Exception> _observerFailed;
    private IObserver<T>[] _observers = [];
    private bool _closed;

    /// <summary>Creates an empty, open list.</summary>
    /// <param name="observerFailed">Called with what an observer threw (the others still get the notification).</param>
    public ObserverList(Action<Exception> observerFailed) => _observerFailed = observerFailed;

    /// <summary>The observers of the moment, read without a lock.</summary>
    public IObserver<T>[] Snapshot => Volatile.Read(ref _observers);

    /// <summary>Whether <see cref="Close"/> was called.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Adds an observer.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>How many observers there are now, or 0 when the list is closed (the observer was not added).</returns>
    public int Add(IObserver<T> observer)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return 0;
            }

            IObserver<T>[] next = [.. _observers, observer];
            Volatile.Write(ref _observers, next);
            return next.Length;
        }
    }

    /// <summary>Removes an observer (the first entry of it, when it was added more than once).</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>How many observers are left, or -1 when it was not in the list.</returns>
    public int Remove(IObserver<T> observer)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_observers, observer);
            if (index < 0)
            {
                return -1;
            }

            IObserver<T>[] next = [.. _observers.AsSpan(0, index), .. _observers.AsSpan(index + 1)];
            Volatile.Write(ref _observers, next);
            return next.Length;
        }
    }

    /// <summary>Takes every observer out; the list stays open for new ones.</summary>
    /// <returns>The observers that were in it.</returns>
    public IObserver<T>[] Clear()
    {
        lock (_gate)
        {
            IObserver<T>[] all = _observers;
            Volatile.Write(ref _observers, []);
            return all;
        }
    }

    /// <summary>Closes the list: it takes every observer out and refuses new ones.</summary>
    /// <returns>The observers that were in it, or an empty array when it was closed already.</returns>
    public IObserver<T>[] Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return [];
            }

            _closed = true;
            IObserver<T>[] all = _observers;
            Volatile.Write(ref _observers, []);
            return all;
        }
    }

    /// <summary>Delivers a value to each observer of <paramref name="observers"/>.</summary>
    /// <param name="observers">A snapshot.</param>
    /// <param name="value">The value.</param>
    /// <param name="size">
    /// The size the value is counted with by observers that queue it (<see cref="ISizedObserver{T}"/>); 0 when the
    /// source does not measure its values.
    /// </param>
    public void OnNext(IObserver<T>[] observers, T value, long size = 0)
    {
        foreach (IObserver<T> observer in observers)
        {
            try
            {
                if (observer is ISizedObserver<T> sized)
                {
                    sized.OnNext(value, size);
                }
                else
                {
                    observer.OnNext(value);
                }
            }
            catch (Exception ex)
            {
                _observerFailed(ex);
            }
        }
    }

    /// <summary>Ends each observer of <paramref name="observers"/> with an error.</summary>
    /// <param name="observers">A snapshot (usually what <see cref="Clear"/> or <see cref="Close"/> returned).</param>
    /// <param name="error">The error.</param>
    public void OnError(IObserver<T>[] observers, Exception error)
    {
        foreach (IObserver<T> observer in observers)
        {
            try
            {
                observer.OnError(error);
            }
            catch (Exception ex)
            {
                _observerFailed(ex);
            }
        }
    }

    /// <summary>Completes each observer of <paramref name="observers"/>.</summary>
    /// <param name="observers">A snapshot (usually what <see cref="Clear"/> or <see cref="Close"/> returned).</param>
    public void OnCompleted(IObserver<T>[] observers)
    {
        foreach (IObserver<T> observer in observers)
        {
            try
            {
                observer.OnCompleted();
            }
            catch (Exception ex)
            {
                _observerFailed(ex);
            }
        }
    }
}

/// <summary>An observer that counts what it queues by size (a reader's bounded queue); others get plain <c>OnNext</c>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface ISizedObserver<in T> : IObserver<T>
{
    /// <summary>Receives a value with the size it is counted with.</summary>
    /// <param name="value">The value.</param>
    /// <param name="size">Its size (for WAMP events: the JSON size of the event), 0 when unknown.</param>
    void OnNext(T value, long size);
}
