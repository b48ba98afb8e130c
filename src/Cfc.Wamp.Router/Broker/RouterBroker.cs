using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// The broker of one realm: subscriptions (exact, prefix, wildcard), event dispatch with publisher exclusion,
/// black/white listing and disclosure, acknowledgements, and the router's own meta events.
/// Every method runs under the realm's gate; events are queued per session, so each subscriber sees them in order.
/// </summary>
internal sealed class RouterBroker(RouterRealm realm)
{
    private readonly Dictionary<(string Topic, string Match), RouterSubscription> _byKey = [];
    private readonly Dictionary<long, RouterSubscription> _byId = [];

    public IEnumerable<RouterSubscription> Subscriptions => _byId.Values;

    public RouterSubscription? Get(long id) => _byId.GetValueOrDefault(id);

    public RouterSubscription? Lookup(string topic, string match) => _byKey.GetValueOrDefault((topic, match));

    /// <summary>Every subscription an event on <paramref name="topic"/> goes to.</summary>
    public IEnumerable<RouterSubscription> Matching(string topic) => _byId.Values.Where(s => RouterUris.Matches(s.Topic, s.Match, topic));

    public void Subscribe(RouterSession subscriber, SubscribeMessage message)
    {
        string match = RouterJson.GetString(message.Options, "match") ?? RouterUris.Exact;
        if (!RouterUris.IsKnownMatch(match))
        {
            Fail(subscriber, WampMessageType.Subscribe, message.RequestId, WampErrorUris.InvalidArgument, $"unknown match '{match}'");
            return;
        }

        if (!RouterUris.IsValid(message.Topic, match))
        {
            Fail(subscriber, WampMessageType.Subscribe, message.RequestId, WampErrorUris.InvalidUri, $"invalid topic URI '{message.Topic}'");
            return;
        }

        bool created = false;
        if (!_byKey.TryGetValue((message.Topic, match), out RouterSubscription? subscription))
        {
            subscription = new RouterSubscription(RouterIds.Next(), message.Topic, match, realm.Router.TimeProvider.GetUtcNow());
            _byKey[(subscription.Topic, match)] = subscription;
            _byId[subscription.Id] = subscription;
            created = true;
        }

        // Subscribing twice is idempotent: same id, no second delivery.
        bool added = !subscription.Subscribers.Contains(subscriber);
        if (added)
        {
            subscription.Subscribers.Add(subscriber);
            subscriber.Subscriptions[subscription.Id] = subscription;
        }

        subscriber.Send(new SubscribedMessage(message.RequestId, subscription.Id));
        if (created)
        {
            PublishMeta("wamp.subscription.on_create", RouterPayload.Args(w => { w.WriteNumberValue(subscriber.Id); subscription.Describe().WriteTo(w); }));
        }

        if (added)
        {
            PublishMeta("wamp.subscription.on_subscribe", RouterPayload.Args(w => { w.WriteNumberValue(subscriber.Id); w.WriteNumberValue(subscription.Id); }));
        }
    }

    public void Unsubscribe(RouterSession subscriber, UnsubscribeMessage message)
    {
        if (!subscriber.Subscriptions.TryGetValue(message.SubscriptionId, out RouterSubscription? subscription))
        {
            Fail(subscriber, WampMessageType.Unsubscribe, message.RequestId, WampErrorUris.NoSuchSubscription, $"no subscription {message.SubscriptionId}");
            return;
        }

        RemoveSubscriber(subscriber, subscription);
        subscriber.Send(new UnsubscribedMessage(message.RequestId, null));
    }

    public void Publish(RouterSession publisher, PublishMessage message)
    {
        bool acknowledge = RouterJson.GetBool(message.Options, "acknowledge");
        // wamp.* events come only from the router itself (clients must not fake meta events).
        if (!RouterUris.IsValid(message.Topic, RouterUris.Exact) || message.Topic.StartsWith("wamp.", StringComparison.Ordinal))
        {
            if (acknowledge)
            {
                Fail(publisher, WampMessageType.Publish, message.RequestId, WampErrorUris.InvalidUri, $"invalid topic URI '{message.Topic}'");
            }

            return;
        }

        long publicationId = RouterIds.NextPublication();
        Dispatch(publisher, message.Topic, message.Options, message.Payload, publicationId);
        if (acknowledge)
        {
            publisher.Send(new PublishedMessage(message.RequestId, publicationId));
        }
    }

    /// <summary>Publishes a router event (meta API) to whoever subscribed to it.</summary>
    public void PublishMeta(string topic, WampPayload payload) => Dispatch(null, topic, WampJson.EmptyObject, payload, RouterIds.NextPublication());

    public void RemoveSession(RouterSession session)
    {
        foreach (RouterSubscription subscription in session.Subscriptions.Values.ToList())
        {
            RemoveSubscriber(session, subscription);
        }
    }

    private void Dispatch(RouterSession? publisher, string topic, JsonElement options, WampPayload payload, long publicationId)
    {
        // Most publications carry no options ({}): then there is nothing to filter or disclose.
        bool plain = IsEmptyObject(options);
        EventFilter filter = plain ? default : new EventFilter(options);
        bool excludeMe = plain || RouterJson.GetBool(options, "exclude_me", fallback: true);
        bool disclose = !plain && publisher is not null && RouterJson.GetBool(options, "disclose_me");
        JsonElement? exactDetails = null;
        JsonElement? patternDetails = null;
        foreach (RouterSubscription subscription in _byId.Values)
        {
            if (!RouterUris.Matches(subscription.Topic, subscription.Match, topic))
            {
                continue;
            }

            // Details differ only in "topic" (pattern subscriptions), so build each variant once.
            JsonElement details = subscription.Match == RouterUris.Exact
                ? exactDetails ??= EventDetails(publisher, disclose, null)
                : patternDetails ??= EventDetails(publisher, disclose, topic);
            foreach (RouterSession subscriber in subscription.Subscribers)
            {
                if ((excludeMe && subscriber == publisher) || (!plain && !filter.Allows(subscriber)))
                {
                    continue;
                }

                subscriber.Send(new EventMessage(subscription.Id, publicationId, details, payload));
            }
        }
    }

    private static bool IsEmptyObject(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using JsonElement.ObjectEnumerator properties = element.EnumerateObject();
        return !properties.MoveNext();
    }

    private static JsonElement EventDetails(RouterSession? publisher, bool disclose, string? topic) =>
        topic is null && !(disclose && publisher is not null) ? WampJson.EmptyObject : BuildEventDetails(publisher, disclose, topic);

    private static JsonElement BuildEventDetails(RouterSession? publisher, bool disclose, string? topic) => WampJson.BuildObject(w =>
    {
        if (topic is not null)
        {
            w.WriteString("topic", topic);
        }

        if (disclose && publisher is not null)
        {
            w.WriteNumber("publisher", publisher.Id);
            w.WriteString("publisher_authid", publisher.AuthId);
            w.WriteString("publisher_authrole", publisher.AuthRole);
        }
    });

    private void RemoveSubscriber(RouterSession subscriber, RouterSubscription subscription)
    {
        subscription.Subscribers.Remove(subscriber);
        subscriber.Subscriptions.Remove(subscription.Id);
        PublishMeta("wamp.subscription.on_unsubscribe", RouterPayload.Args(w => { w.WriteNumberValue(subscriber.Id); w.WriteNumberValue(subscription.Id); }));
        if (subscription.Subscribers.Count == 0)
        {
            _byKey.Remove((subscription.Topic, subscription.Match));
            _byId.Remove(subscription.Id);
            PublishMeta("wamp.subscription.on_delete", RouterPayload.Args(w => { w.WriteNumberValue(subscriber.Id); w.WriteNumberValue(subscription.Id); }));
        }
    }

    private static void Fail(RouterSession session, WampMessageType requestType, long requestId, string errorUri, string message) =>
        session.Send(new ErrorMessage(requestType, requestId, WampJson.EmptyObject, errorUri, RouterPayload.Message(message)));

    /// <summary>PUBLISH black/white listing: exclude, exclude_authid, exclude_authrole, eligible, eligible_authid, eligible_authrole.</summary>
    private readonly struct EventFilter(JsonElement options)
    {
        private readonly HashSet<long>? _exclude = RouterJson.GetLongSet(options, "exclude");
        private readonly HashSet<string>? _excludeAuthId = RouterJson.GetStringSet(options, "exclude_authid");
        private readonly HashSet<string>? _excludeAuthRole = RouterJson.GetStringSet(options, "exclude_authrole");
        private readonly HashSet<long>? _eligible = RouterJson.GetLongSet(options, "eligible");
        private readonly HashSet<string>? _eligibleAuthId = RouterJson.GetStringSet(options, "eligible_authid");
        private readonly HashSet<string>? _eligibleAuthRole = RouterJson.GetStringSet(options, "eligible_authrole");

        public bool Allows(RouterSession s) =>
            (_exclude is null || !_exclude.Contains(s.Id))
            && (_excludeAuthId is null || !_excludeAuthId.Contains(s.AuthId))
            && (_excludeAuthRole is null || !_excludeAuthRole.Contains(s.AuthRole))
            && (_eligible is null || _eligible.Contains(s.Id))
            && (_eligibleAuthId is null || _eligibleAuthId.Contains(s.AuthId))
            && (_eligibleAuthRole is null || _eligibleAuthRole.Contains(s.AuthRole));
    }
}
