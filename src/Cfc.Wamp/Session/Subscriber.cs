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
            }
        }

        if (last && !_session.IsEnded)
        {
            long id = _session.Ids.Next();
            var pending = new PendingAck(id, WampMessageType.Unsubscribe, WampMessageType.Unsubscribed);
            await _session.RequestAsync(new UnsubscribeMessage(id, routerId), pending, $"UNSUBSCRIBE from '{subscription.Topic}'", cancellationToken).ConfigureAwait(false);
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
                $"The router at {_session.Options.Url} broke the WAMP protocol (realm '{_session.Options.Realm}', session {_session.SessionId}): it sent UNSUBSCRIBED with request id 0 but no subscription id");
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

        string reason = WampSession.StringOrNull(details, "reason") ?? "no reason given";
        foreach (ClientSubscription member in members)
        {
            _session.Logger.Revoked("subscription", member.Topic, reason);
            member.Revoke(new WampException(
                SessionErrors.SubscriptionRevoked,
                $"The router at {_session.Options.Url} revoked the subscription to '{member.Topic}' (subscription {routerId}): {reason}.",
                default,
                details));
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
                cleanup = !_groups.ContainsKey(routerId);
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
            _session.PostRequest(new UnsubscribeMessage(id, routerId), new PendingAck(id, WampMessageType.Unsubscribe, WampMessageType.Unsubscribed));
        }
    }
}
