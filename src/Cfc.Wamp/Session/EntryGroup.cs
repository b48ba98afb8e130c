namespace Cfc.Wamp.Session;

/// <summary>
/// The local subscriptions behind one router subscription id (a broker returns the same id when a session
/// subscribes twice to the same topic and match). Members are a copy-on-write array: the reader loop reads
/// it without a lock; changes happen under the subscriber's lock.
/// </summary>
internal sealed class SubscriptionGroup
{
    private ClientSubscription[] _members = [];

    public SubscriptionGroup(long routerId) => RouterId = routerId;

    public long RouterId { get; }

    public ClientSubscription[] Members => Volatile.Read(ref _members);

    public void Add(ClientSubscription subscription)
    {
        ClientSubscription[] current = _members;
        var next = new ClientSubscription[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = subscription;
        Volatile.Write(ref _members, next);
    }

    /// <summary>Removes a member; returns true when it was the last one.</summary>
    public bool Remove(ClientSubscription subscription)
    {
        ClientSubscription[] current = _members;
        int index = Array.IndexOf(current, subscription);
        if (index >= 0)
        {
            var next = new ClientSubscription[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref _members, next);
        }

        return _members.Length == 0;
    }
}
