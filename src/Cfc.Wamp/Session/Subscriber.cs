using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The subscriber role on one session: SUBSCRIBE/UNSUBSCRIBE, router id -> local subscriptions, EVENT
/// fan-out (enqueue only), and revocation.
/// </summary>
internal sealed class Subscriber
{
    private readonly WampSession _session;
    private readonly ConcurrentDictionary<long, SubscriptionGroup> _groups = new();
    private readonly Lock _gate = new();

    // Router ids whose UNSUBSCRIBE is on its way. A SUBSCRIBE to the same topic that reaches the router first gets
    // that same id back, and the UNSUBSCRIBE then removes it under the new local subscription (see OnUnsubscribed).
    private readonly HashSet<long> _unsubscribing = [];

    public Subscriber(WampSession session) => _session = session;

    /// <summary>Subscribes a (new or restored) local subscription on this session.</summary>
    public async Task SubscribeAsync(ClientSubscription subscription, CancellationToken cancellationToken)
    {
        long id = _session.Ids.Next();
        var pending = new PendingAck(id, WampMessageType.Subscribe, WampMessageType.Subscribed, (routerId, abandoned) => Attach(subscription, routerId, abandoned));
        var message = new SubscribeMessage(id, OptionsJson.Subscribe(subscription.Match), subscription.Topic);
        await _session.RequestAsync(message, pending, $"SUBSCRIBE to '{subscription.Topic}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a local subscription; sends UNSUBSCRIBE when it was the last one on its router subscription.</summary>
    public async Task UnsubscribeAsync(ClientSubscription subscription, CancellationToken cancellationToken)
    {
        long routerId;
        bool last;
        lock (_gate)
        {
            if (!subscription.TryGetAttachment(out WampSession session, out routerId) || session != _session
                || !_groups.TryGetValue(routerId, out SubscriptionGroup? group))
            {
                return;
            }

            last = group.Remove(subscription);
            subscription.Detach(_session);
            if (last)
            {
                _groups.TryRemove(routerId, out _);
                _unsubscribing.Add(routerId);
            }
        }

        if (last && !_session.IsEnded)
        {
            long id = _session.Ids.Next();
            try
            {
                await _session.RequestAsync(new UnsubscribeMessage(id, routerId), UnsubscribeAck(id, routerId), $"UNSUBSCRIBE from '{subscription.Topic}'", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Refused or not answered: the router keeps (or lost with the session) the subscription; nothing to redo.
                lock (_gate)
                {
                    _unsubscribing.Remove(routerId);
                }
            }
        }
    }

    // Reader loop: hands the event to every local subscription's own queue. Never runs handlers.
    public void OnEvent(EventMessage message)
    {
        if (!_groups.TryGetValue(message.SubscriptionId, out SubscriptionGroup? group))
        {
            _session.Logger.EventForUnknownSubscription(message.SubscriptionId);
            return;
        }

        ClientSubscription[] members = group.Members;
        if (members.Length == 0)
        {
            return;
        }

        string topic = message.Details.TryGetProperty("topic", out JsonElement t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : members[0].Topic;
        var @event = new WampEvent(topic, message.SubscriptionId, message.PublicationId, message.Payload, message.Details);
        for (int i = 0; i < members.Length; i++)
        {
            members[i].Post(@event);
        }
    }

    // Reader loop: [35, 0, {subscription, reason}].
    public SessionEnd? OnRevoked(UnsubscribedMessage message)
    {
        if (message.Details is not { } details || !details.TryGetProperty("subscription", out JsonElement idElement)
            || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out long routerId))
        {
            return new SessionEnd(SessionEndKind.ProtocolViolation,
                WampErrors.Violation("UNSUBSCRIBED with request id 0 but no subscription id", duringHandshake: false, _session.ErrorContext));
        }

        ClientSubscription[] members;
        lock (_gate)
        {
            if (!_groups.TryRemove(routerId, out SubscriptionGroup? group))
            {
                return null;
            }

            members = group.Members;
            foreach (ClientSubscription member in members)
            {
                member.Detach(_session);
            }
        }

        string reason = WampSession.ServerStringOrNull(details, "reason") ?? "no reason given";
        foreach (ClientSubscription member in members)
        {
            _session.Logger.Revoked("subscription", member.Topic, reason);
            member.Revoke(WampErrors.Revoked(subscription: true, member.Topic, routerId, reason, details, _session.ErrorContext));
        }

        return null;
    }

    /// <summary>Session end: the router ids are void; local subscriptions stay in the registry.</summary>
    public void DetachAll()
    {
        lock (_gate)
        {
            foreach (KeyValuePair<long, SubscriptionGroup> entry in _groups)
            {
                foreach (ClientSubscription member in entry.Value.Members)
                {
                    member.Detach(_session);
                }
            }

            _groups.Clear();
            _unsubscribing.Clear();
        }
    }

    // Reader loop, on SUBSCRIBED: wire the router id up before the next message (maybe its first EVENT) is read.
    private void Attach(ClientSubscription subscription, long routerId, bool abandoned)
    {
        bool cleanup = false;
        lock (_gate)
        {
            if (abandoned || subscription.IsEnded)
            {
                // The subscriber gave up (cancelled or timed out); undo the router side unless others share it.
                cleanup = !_groups.ContainsKey(routerId) && _unsubscribing.Add(routerId);
            }
            else
            {
                _groups.GetOrAdd(routerId, static id => new SubscriptionGroup(id)).Add(subscription);
                subscription.Attach(_session, routerId);
            }
        }

        if (cleanup)
        {
            long id = _session.Ids.Next();
            _session.PostRequest(new UnsubscribeMessage(id, routerId), UnsubscribeAck(id, routerId));
        }
    }

    private PendingAck UnsubscribeAck(long requestId, long routerId) =>
        new(requestId, WampMessageType.Unsubscribe, WampMessageType.Unsubscribed, (_, _) => OnUnsubscribed(routerId));

    // Reader loop, on UNSUBSCRIBED: the router subscription is gone. If a SUBSCRIBE overtook the UNSUBSCRIBE, its
    // SUBSCRIBED (read earlier) attached new local subscriptions to this dead id: subscribe them again.
    private void OnUnsubscribed(long routerId)
    {
        ClientSubscription[] orphans;
        lock (_gate)
        {
            _unsubscribing.Remove(routerId);
            if (!_groups.TryRemove(routerId, out SubscriptionGroup? group))
            {
                return;
            }

            orphans = group.Members;
            foreach (ClientSubscription orphan in orphans)
            {
                orphan.Detach(_session);
            }
        }

        foreach (ClientSubscription orphan in orphans)
        {
            Background.Run(ResubscribeAsync(orphan), _session.Logger, $"re-subscribing to '{orphan.Topic}'");
        }
    }

    private async Task ResubscribeAsync(ClientSubscription subscription)
    {
        try
        {
            await SubscribeAsync(subscription, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WampConnectionLostException)
        {
            // The session ended: the next session's restore subscribes it (it is still in the registry).
        }
        catch (Exception ex)
        {
            _session.Logger.RestoreFailed(subscription.Topic, ex);
            subscription.Revoke(WampErrors.LostToConcurrentUnsubscribe(subscription.Topic, ex));
        }
    }
}
