namespace Cfc.Wamp.Session;

/// <summary>
/// The deadlines of every request of one session (CALL, SUBSCRIBE, REGISTER, UNSUBSCRIBE, UNREGISTER, acknowledged
/// PUBLISH), at O(1) cost per request: requests are kept in one FIFO per distinct timeout length (their deadlines are
/// in order in it, because the clock only moves forward), and each FIFO has one timer, armed for its oldest request.
/// So 100,000 calls with the same timeout need one timer, not 100,000, and expiring them all costs one pass. Requests
/// that were answered stay in the FIFO until their deadline comes up (they are skipped then); the FIFO is compacted
/// when such leftovers outnumber the waiting requests, so memory follows the requests still waiting.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The timers are disposed by Dispose, which the session calls when it ends.")]
internal sealed class RequestDeadlines
{
    private const int CompactionFloor = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<TimeSpan, Lane> _lanes = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public RequestDeadlines(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>How many timers exist (tests: one per distinct timeout, not one per call).</summary>
    public int TimerCount
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Schedules <paramref name="request"/> to expire after <paramref name="timeout"/> unless it is answered first.</summary>
    public void Add(PendingRequest request, TimeSpan timeout)
    {
        long ticks = (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        lock (_gate)
        {
            // Read under the lock, so that the deadlines in a FIFO are in order.
            long deadline = _timeProvider.GetTimestamp() + ticks;
            if (_disposed)
            {
                return;
            }

            if (!_lanes.TryGetValue(timeout, out Lane? lane))
            {
                lane = new Lane(this, timeout);
                _lanes.Add(timeout, lane);
            }

            lane.Queue.Enqueue((request, deadline));
            if (lane.Queue.Count == 1)
            {
                lane.Arm(timeout);
            }
            else if (lane.Queue.Count > lane.CompactAt)
            {
                lane.Compact();
            }
        }
    }

    /// <summary>Stops every timer (the session ended; its requests failed with it).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (Lane lane in _lanes.Values)
            {
                lane.Timer?.Dispose();
            }

            _lanes.Clear();
        }
    }

    private void OnTimer(Lane lane)
    {
        List<PendingRequest>? expired = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            long now = _timeProvider.GetTimestamp();
            while (lane.Queue.TryPeek(out (PendingRequest Request, long Deadline) head) && head.Deadline <= now)
            {
                lane.Queue.Dequeue();
                if (head.Request.IsWaiting)
                {
                    (expired ??= []).Add(head.Request);
                }
            }

            if (lane.Queue.TryPeek(out (PendingRequest Request, long Deadline) next))
            {
                lane.Arm(_timeProvider.GetElapsedTime(now, next.Deadline));
            }
            else
            {
                // Idle: let the lane go, so that many distinct timeouts do not pile up timers.
                lane.Timer?.Dispose();
                _lanes.Remove(lane.Timeout);
            }
        }

        // Outside the lock: expiring completes tasks and queues CANCELs.
        if (expired is not null)
        {
            foreach (PendingRequest request in expired)
            {
                request.Expire();
            }
        }
    }

    private sealed class Lane(RequestDeadlines owner, TimeSpan timeout)
    {
        public TimeSpan Timeout { get; } = timeout;

        public Queue<(PendingRequest Request, long Deadline)> Queue { get; private set; } = new();

        public ITimer? Timer { get; private set; }

        public int CompactAt { get; private set; } = CompactionFloor;

        public void Arm(TimeSpan due)
        {
            if (due < TimeSpan.FromMilliseconds(1))
            {
                due = TimeSpan.FromMilliseconds(1);
            }

            if (Timer is null)
            {
                Timer = _owner._timeProvider.CreateTimer(static s => { var l = (Lane)s!; l._owner.OnTimer(l); }, this, due, System.Threading.Timeout.InfiniteTimeSpan);
            }
            else
            {
                Timer.Change(due, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }

        // Drops the entries of requests that ended already; the next compaction waits until the FIFO doubled again.
        public void Compact()
        {
            var kept = new Queue<(PendingRequest Request, long Deadline)>(Queue.Count);
            foreach ((PendingRequest Request, long Deadline) entry in Queue)
            {
                if (entry.Request.IsWaiting)
                {
                    kept.Enqueue(entry);
                }
            }

            Queue = kept;
            CompactAt = Math.Max(CompactionFloor, kept.Count * 2);
        }

        private readonly RequestDeadlines _owner = owner;
    }
}
