using Cfc.Client;

namespace Cfc.Master.Tests.Harness;

/// <summary>Collects the events of one stream, and waits (bounded) for the first that matches.</summary>
internal sealed class EventProbe<T> : IDisposable
{
    private CfcEventSubscription<T>? _subscription;

    private EventProbe()
    {
    }

    /// <summary>Subscribes and waits until the router subscription is in place.</summary>
    public static async Task<EventProbe<T>> StartAsync(CfcEventStream<T> stream)
    {
        var probe = new EventProbe<T>();
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        probe._subscription = await stream.SubscribeAsync(timeout.Token);
        return probe;
    }

    /// <summary>The first event (from now on, or already collected) that matches; fails after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        using var bound = new CancellationTokenSource(timeout ?? MasterClients.Operation);
        try
        {
            await foreach (T e in _subscription!.ReadAllAsync(bound.Token))
            {
                if (match(e))
                {
                    return e;
                }
            }

            throw new InvalidOperationException($"the {typeof(T).Name} stream ended before a matching event came");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching {typeof(T).Name} within {(timeout ?? MasterClients.Operation).TotalSeconds:0} s");
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
