using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The session-scoped request id counter: starts at 1, +1 per request of any type, wraps to 1 after 2^53
/// (one counter per direction shared by all request types, as autobahn-js and nexus do). Lock-free.
/// </summary>
internal sealed class RequestIdGenerator
{
    private long _last;

    // last = the id handed out last; the next id is last + 1 (tests start near the wrap).
    public RequestIdGenerator(long last = 0) => _last = last;

    /// <summary>Whether <paramref name="id"/> was handed out already (a late reply to a request given up on).</summary>
    public bool WasIssued(long id) => id >= 1 && id <= Volatile.Read(ref _last);

    public long Next()
    {
        while (true)
        {
            long current = Volatile.Read(ref _last);
            long next = current >= WampMessageCodec.MaxId ? 1 : current + 1;
            if (Interlocked.CompareExchange(ref _last, next, current) == current)
            {
                return next;
            }
        }
    }
}
