using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The subscriber role on one session: SUBSCRIBE/UNSUBSCRIBE, router id -> local subscriptions and revocation (the
/// machinery it shares with the callee, in <see cref="SessionRole{TEntry}"/>), and EVENT fan-out (enqueue only).
/// </summary>
internal sealed class Subscriber : SessionRole<ClientSubscription>
{
    public Subscriber(WampSession session)
        : base(session)
    {
    }

    protected override string Kind => "subscription";

    protected override (WampMessageType Request, WampMessageType Reply) PlaceTypes => (WampMessageType.Subscribe, WampMessageType.Subscribed);

    protected override (WampMessageType Request, WampMessageType Reply) RemoveTypes => (WampMessageType.Unsubscribe, WampMessageType.Unsubscribed);

    /// <summary>Subscribes a (new or restored) local subscription on this session.</summary>
    public Task SubscribeAsync(ClientSubscription subscription, CancellationToken cancellationToken) => PlaceAsync(subscription, cancellationToken);

    /// <summary>Removes a local subscription; sends UNSUBSCRIBE when it was the last one on its router subscription.</summary>
    public Task UnsubscribeAsync(ClientSubscription subscription, CancellationToken cancellationToken) => RemoveAsync(subscription, cancellationToken);

    // Reader loop: hands the event to every local subscription's own queue. Never runs handlers.
    public void OnEvent(EventMessage message)
    {
        if (!TryGetGroup(message.SubscriptionId, out EntryGroup<ClientSubscription>? group))
        {
            Session.Logger.EventForUnknownSubscription(message.SubscriptionId);
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
    public SessionEnd? OnRevoked(UnsubscribedMessage message) => OnRevoked(message.Details);

    protected override WampMessage PlaceMessage(long requestId, ClientSubscription entry) =>
        new SubscribeMessage(requestId, OptionsJson.Subscribe(entry.Match), entry.Topic);

    protected override WampMessage RemoveMessage(long requestId, long routerId) => new UnsubscribeMessage(requestId, routerId);

    protected override string DescribePlace(ClientSubscription entry) => $"SUBSCRIBE to '{entry.Topic}'";

    protected override string DescribeRemove(ClientSubscription entry) => $"UNSUBSCRIBE from '{entry.Topic}'";

    protected override WampException Revoked(ClientSubscription entry, long routerId, string reason, JsonElement details) =>
        WampErrors.Revoked(subscription: true, entry.Topic, routerId, reason, details, Session.ErrorContext);
}
