namespace Cfc.Wamp.Session;

/// <summary>
/// Which session a subscription or registration currently lives on, and the router's id for it there. The item
/// itself outlives sessions (it is restored on each new one); this pair changes atomically with every restore.
/// </summary>
internal sealed class RouterAttachment
{
    private readonly Lock _gate = new();
    private WampSession? _session;
    private long _routerId;

    /// <summary>The router id on the current session, or <see langword="null"/> while not attached.</summary>
    public long? RouterId
    {
        get
        {
            lock (_gate)
            {
                return _session is null ? null : _routerId;
            }
        }
    }

    public void Attach(WampSession session, long routerId)
    {
        lock (_gate)
        {
            _session = session;
            _routerId = routerId;
        }
    }

    /// <summary>Forgets the router id if it belongs to <paramref name="session"/> (a newer session's id is kept).</summary>
    public void Detach(WampSession session)
    {
        lock (_gate)
        {
            if (_session == session)
            {
                _session = null;
                _routerId = 0;
            }
        }
    }

    public bool TryGet(out WampSession session, out long routerId)
    {
        lock (_gate)
        {
            session = _session!;
            routerId = _routerId;
            return _session is not null;
        }
    }
}
