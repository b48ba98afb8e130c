using System.Collections.Concurrent;

namespace Cfc.Wamp.Session;

/// <summary>The requests of one session that wait for a reply, keyed by request id.</summary>
internal sealed class PendingRequestTable
{
    private readonly ConcurrentDictionary<long, PendingRequest> _requests = new();

    public int Count => _requests.Count;

    /// <summary>How many requests somebody still waits for (tombstones of abandoned requests excluded).</summary>
    public int WaitingCount
    {
        get
        {
            int n = 0;
            foreach (KeyValuePair<long, PendingRequest> entry in _requests)
            {
                if (entry.Value.IsWaiting)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public void Add(PendingRequest request)
    {
        if (!_requests.TryAdd(request.RequestId, request))
        {
            // Ids wrap after 2^53; a request that old still pending means something is badly stuck.
            throw new InvalidOperationException($"Request id {request.RequestId} is already pending.");
        }
    }

    public bool TryGet(long requestId, out PendingRequest request) => _requests.TryGetValue(requestId, out request!);

    public void Remove(long requestId) => _requests.TryRemove(requestId, out _);

    /// <summary>Fails and removes every pending request.</summary>
    public void FailAll(Func<PendingRequest, Exception> error)
    {
        foreach (KeyValuePair<long, PendingRequest> entry in _requests)
        {
            if (_requests.TryRemove(entry.Key, out PendingRequest? request))
            {
                request.Fail(error(request));
            }
        }
    }
}
