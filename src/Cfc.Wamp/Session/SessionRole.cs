using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// What the subscriber and the callee roles of one session have in common, written once: placing a subscription or
/// registration (SUBSCRIBE/REGISTER, the router id wired up when the acknowledgement is read), removing it
/// (UNSUBSCRIBE/UNREGISTER when the last local entry on a router id goes), revocation by the router, and the session's
/// end. The roles add what only they do: EVENT fan-out (<see cref="Subscriber"/>), INVOCATION and INTERRUPT
/// (<see cref="Callee"/>).
/// </summary>
/// <typeparam name="TEntry">The local entry: <see cref="ClientSubscription"/> or <see cref="ClientRegistration"/>.</typeparam>
internal abstract class SessionRole<TEntry>
    where TEntry : class, IClientEntry
{
    private readonly ConcurrentDictionary<long, EntryGroup<TEntry>> _groups = new();
    private readonly Lock _gate = new();

    // Router ids whose UNSUBSCRIBE/UNREGISTER is on its way. A SUBSCRIBE to the same topic that reaches the router first
    // gets that same id back, and the removal then ends it under the new local entry (see OnRemoved). (A router answers
    // a second REGISTER of a procedure with an error instead, so for registrations this never finds anything.)
    private readonly HashSet<long> _removing = [];

    protected SessionRole(WampSession session) => Session = session;

    protected WampSession Session { get; }

    /// <summary>"subscription" or "registration": the key of the router id in a revocation's details, and the word in logs.</summary>
    protected abstract string Kind { get; }

    /// <summary>SUBSCRIBE or REGISTER, and the acknowledgement that carries the router id.</summary>
    protected abstract (WampMessageType Request, WampMessageType Reply) PlaceTypes { get; }

    /// <summary>UNSUBSCRIBE or UNREGISTER, and its acknowledgement (request id 0: a revocation).</summary>
    protected abstract (WampMessageType Request, WampMessageType Reply) RemoveTypes { get; }

    protected abstract WampMessage PlaceMessage(long requestId, TEntry entry);

    protected abstract WampMessage RemoveMessage(long requestId, long routerId);

    /// <summary>The request for messages: "SUBSCRIBE to 'x'", "REGISTER of 'x'".</summary>
    protected abstract string DescribePlace(TEntry entry);

    /// <summary>The request for messages: "UNSUBSCRIBE from 'x'", "UNREGISTER of 'x'".</summary>
    protected abstract string DescribeRemove(TEntry entry);

    /// <summary>The error an entry ends with when the router revokes it.</summary>
    protected abstract WampException Revoked(TEntry entry, long routerId, string reason, JsonElement details);

    /// <summary>Subscribes or registers a (new or restored) local entry on this session.</summary>
    public async Task PlaceAsync(TEntry entry, CancellationToken cancellationToken)
    {
        long id = Session.Ids.Next();
        var pending = new PendingAck(id, PlaceTypes.Request, PlaceTypes.Reply, (routerId, abandoned) => Attach(entry, routerId, abandoned));
        await Session.RequestAsync(PlaceMessage(id, entry), pending, DescribePlace(entry), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a local entry; tells the router when it was the last one on its router id.</summary>
    public async Task RemoveAsync(TEntry entry, CancellationToken cancellationToken)
    {
        long routerId;
        bool last;
        lock (_gate)
        {
            if (!entry.TryGetAttachment(out WampSession session, out routerId) || session != Session
                || !_groups.TryGetValue(routerId, out EntryGroup<TEntry>? group))
            {
                return;
            }

            last = group.Remove(entry);
            entry.Detach(Session);
            if (last)
            {
                _groups.TryRemove(routerId, out _);
                _removing.Add(routerId);
            }
        }

        if (last && !Session.IsEnded)
        {
            long id = Session.Ids.Next();
            try
            {
                await Session.RequestAsync(RemoveMessage(id, routerId), RemoveAck(id, routerId), DescribeRemove(entry), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Refused or not answered: the router keeps (or lost with the session) the entry; nothing to redo.
                lock (_gate)
                {
                    _removing.Remove(routerId);
                }
            }
        }
    }

    // Reader loop: [35 or 67, 0, {subscription or registration, reason}].
    public SessionEnd? OnRevoked(JsonElement? revocationDetails)
    {
        if (revocationDetails is not { } details || !details.TryGetProperty(Kind, out JsonElement idElement)
            || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out long routerId))
        {
            return new SessionEnd(SessionEndKind.ProtocolViolation,
                WampErrors.Violation($"{Name(RemoveTypes.Reply)} with request id 0 but no {Kind} id", duringHandshake: false, Session.ErrorContext));
        }

        TEntry[] members;
        lock (_gate)
        {
            if (!_groups.TryRemove(routerId, out EntryGroup<TEntry>? group))
            {
                return null;
            }

            members = group.Members;
            foreach (TEntry member in members)
            {
                member.Detach(Session);
            }
        }

        string reason = WampSession.ServerStringOrNull(details, "reason") ?? "no reason given";
        foreach (TEntry member in members)
        {
            Session.Logger.Revoked(Kind, member.Uri, reason);
            member.Revoke(Revoked(member, routerId, reason, details));
        }

        return null;
    }

    /// <summary>Session end: the router ids are void; the local entries stay in the registry.</summary>
    public void DetachAll()
    {
        lock (_gate)
        {
            foreach (KeyValuePair<long, EntryGroup<TEntry>> entry in _groups)
            {
                foreach (TEntry member in entry.Value.Members)
                {
                    member.Detach(Session);
                }
            }

            _groups.Clear();
            _removing.Clear();
        }
    }

    /// <summary>The local entries on router id <paramref name="routerId"/> (reader loop, no lock: the members are copy-on-write).</summary>
    protected bool TryGetGroup(long routerId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EntryGroup<TEntry>? group) =>
        _groups.TryGetValue(routerId, out group);

    private static string Name(WampMessageType type) => type.ToString().ToUpperInvariant();

    // Reader loop, on SUBSCRIBED/REGISTERED: wire the router id up before the next message (maybe its first EVENT or
    // INVOCATION) is read.
    private void Attach(TEntry entry, long routerId, bool abandoned)
    {
        bool cleanup = false;
        lock (_gate)
        {
            if (abandoned || entry.IsEnded)
            {
                // The application gave up (cancelled or timed out); undo the router side unless other entries share it.
                cleanup = !_groups.ContainsKey(routerId) && _removing.Add(routerId);
            }
            else
            {
                _groups.GetOrAdd(routerId, static id => new EntryGroup<TEntry>(id)).Add(entry);
                entry.Attach(Session, routerId);
            }
        }

        if (cleanup)
        {
            long id = Session.Ids.Next();
            Session.PostRequest(RemoveMessage(id, routerId), RemoveAck(id, routerId));
        }
    }

    private PendingAck RemoveAck(long requestId, long routerId) =>
        new(requestId, RemoveTypes.Request, RemoveTypes.Reply, (_, _) => OnRemoved(routerId));

    // Reader loop, on UNSUBSCRIBED/UNREGISTERED: the router side is gone. If a request to place the same thing overtook
    // the removal, its acknowledgement (read earlier) attached new local entries to this dead id: place them again.
    private void OnRemoved(long routerId)
    {
        TEntry[] orphans;
        lock (_gate)
        {
            _removing.Remove(routerId);
            if (!_groups.TryRemove(routerId, out EntryGroup<TEntry>? group))
            {
                return;
            }

            orphans = group.Members;
            foreach (TEntry orphan in orphans)
            {
                orphan.Detach(Session);
            }
        }

        foreach (TEntry orphan in orphans)
        {
            Background.Run(PlaceAgainAsync(orphan), Session.Logger, $"placing {orphan.Description} again");
        }
    }

    private async Task PlaceAgainAsync(TEntry entry)
    {
        try
        {
            await PlaceAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WampConnectionLostException)
        {
            // The session ended: the next session's restore places it (it is still in the registry).
        }
        catch (Exception ex)
        {
            Session.Logger.RestoreFailed(entry.Uri, ex);
            entry.Revoke(WampErrors.LostToConcurrentRemove(entry.Description, ex));
        }
    }
}
