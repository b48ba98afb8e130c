namespace Cfc.Wamp.Session;

/// <summary>
/// The requests of one session that wait for a reply, keyed by request id. A plain dictionary under one short lock:
/// adding a request allocates nothing (a concurrent dictionary allocates a node per entry, i.e. per call), and every
/// operation is a hash lookup, so the lock is held for nanoseconds.
/// </summary>
internal sealed class PendingRequestTable
{
    private readonly Dictionary<long, PendingRequest> _requests = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>How many requests somebody still waits for (tombstones of abandoned requests excluded).</summary>
    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                int n = 0;
                foreach (PendingRequest request in _requests.Values)
                {
                    if (request.IsWaiting)
                    {
                        n++;
                    }
                }

                return n;
            }
        }
    }

    public void Add(PendingRequest request)
    {
        lock (_gate)
        {
            if (_requests.TryAdd(request.RequestId, request))
            {
                return;
            }
        }

        // Ids wrap after 2^53; a request that old still pending means something is badly stuck.
        throw new InvalidOperationException($"Request id {request.RequestId} is already pending.");
    }

    public bool TryGet(long requestId, out PendingRequest request)
    {
        lock (_gate)
        {
            return _requests.TryGetValue(requestId, out request!);
        }
    }

    public void Remove(long requestId)
    {
        lock (_gate)
        {
            _requests.Remove(requestId);
        }
    }

    /// <summary>Fails and removes every pending request (outside the lock: failing completes their waiters).</summary>
    public void FailAll(Func<PendingRequest, Exception> error)
    {
        PendingRequest[] all;
        lock (_gate)
        {
            all = [.. _requests.Values];
            _requests.Clear();
        }

        foreach (PendingRequest request in all)
        {
            request.Fail(error(request));
        }
    }
}
