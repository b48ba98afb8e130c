namespace Cfc.Wamp.Session;

/// <summary>
/// The local entries behind one router id: the subscriptions a broker gives the same id (a session that subscribes
/// twice to the same topic and match), or the one registration of a procedure. Members are a copy-on-write array: the
/// reader loop reads it without a lock; changes happen under the role's lock.
/// </summary>
/// <typeparam name="TEntry">A <see cref="ClientSubscription"/> or a <see cref="ClientRegistration"/>.</typeparam>
internal sealed class EntryGroup<TEntry>
    where TEntry : class
{
    private TEntry[] _members = [];

    public EntryGroup(long routerId) => RouterId = routerId;

    public long RouterId { get; }

    public TEntry[] Members => Volatile.Read(ref _members);

    public void Add(TEntry entry)
    {
        TEntry[] current = _members;
        var next = new TEntry[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = entry;
        Volatile.Write(ref _members, next);
    }

    /// <summary>Removes a member; returns true when it was the last one.</summary>
    public bool Remove(TEntry entry)
    {
        TEntry[] current = _members;
        int index = Array.IndexOf(current, entry);
        if (index >= 0)
        {
            var next = new TEntry[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref _members, next);
        }

        return _members.Length == 0;
    }
}
