using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// The WAMP meta API procedures every realm offers: wamp.session.count/list/get,
/// wamp.registration.list/lookup/match/get/list_callees/count_callees and
/// wamp.subscription.list/lookup/match/get/list_subscribers/count_subscribers. Runs under the realm's gate.
/// </summary>
internal sealed class RouterMetaApi(RouterRealm realm)
{
    /// <summary>Answers a CALL when it targets a meta procedure; returns <see langword="false"/> for anything else.</summary>
    public bool TryCall(RouterSession caller, CallMessage call)
    {
        if (!call.Procedure.StartsWith("wamp.", StringComparison.Ordinal))
        {
            return false;
        }

        WampPayload args = call.Payload;
        (WampPayload? result, string? error) = call.Procedure switch
        {
            "wamp.session.count" => (Single(w => w.WriteNumberValue(SessionsWithRoles(args).Count())), null),
            "wamp.session.list" => (Single(w => WriteIds(w, SessionsWithRoles(args).Select(s => s.Id))), null),
            "wamp.session.get" => SessionGet(args),
            "wamp.registration.list" => (Single(w => WriteByMatch(w, realm.Dealer.Registrations.Select(r => (r.Id, r.Match)))), null),
            "wamp.registration.lookup" => (Single(w => WriteIdOrNull(w, ReadUri(args) is { } u ? realm.Dealer.Lookup(u, ReadMatch(args))?.Id : null)), null),
            "wamp.registration.match" => (Single(w => WriteIdOrNull(w, ReadUri(args) is { } u ? realm.Dealer.Match(u)?.Id : null)), null),
            "wamp.registration.get" => Registration(args, r => Single(w => r.Describe().WriteTo(w))),
            "wamp.registration.list_callees" => Registration(args, r => Single(w => WriteIds(w, r.Callees.Select(c => c.Session.Id)))),
            "wamp.registration.count_callees" => Registration(args, r => Single(w => w.WriteNumberValue(r.Callees.Count))),
            "wamp.subscription.list" => (Single(w => WriteByMatch(w, realm.Broker.Subscriptions.Select(s => (s.Id, s.Match)))), null),
            "wamp.subscription.lookup" => (Single(w => WriteIdOrNull(w, ReadUri(args) is { } u ? realm.Broker.Lookup(u, ReadMatch(args))?.Id : null)), null),
            "wamp.subscription.match" => (Single(w => WriteIds(w, ReadUri(args) is { } u ? realm.Broker.Matching(u).Select(s => s.Id) : [])), null),
            "wamp.subscription.get" => Subscription(args, s => Single(w => s.Describe().WriteTo(w))),
            "wamp.subscription.list_subscribers" => Subscription(args, s => Single(w => WriteIds(w, s.Subscribers.Select(x => x.Id)))),
            "wamp.subscription.count_subscribers" => Subscription(args, s => Single(w => w.WriteNumberValue(s.Subscribers.Count))),
            _ => (null, WampErrorUris.NoSuchProcedure),
        };

        if (result is { } payload)
        {
            caller.Send(new ResultMessage(call.RequestId, WampJson.EmptyObject, payload));
        }
        else
        {
            caller.Send(new ErrorMessage(WampMessageType.Call, call.RequestId, WampJson.EmptyObject, error!, RouterPayload.Message($"meta procedure '{call.Procedure}' failed: {error}")));
        }

        return true;
    }

    private (WampPayload?, string?) SessionGet(WampPayload args) =>
        ReadId(args) is { } id && realm.Sessions.TryGetValue(id, out RouterSession? s)
            ? (Single(w => s.Describe().WriteTo(w)), null)
            : (null, WampErrorUris.NoSuchSession);

    private (WampPayload?, string?) Registration(WampPayload args, Func<RouterRegistration, WampPayload> answer) =>
        ReadId(args) is { } id && realm.Dealer.Get(id) is { } r ? (answer(r), null) : (null, WampErrorUris.NoSuchRegistration);

    private (WampPayload?, string?) Subscription(WampPayload args, Func<RouterSubscription, WampPayload> answer) =>
        ReadId(args) is { } id && realm.Broker.Get(id) is { } s ? (answer(s), null) : (null, WampErrorUris.NoSuchSubscription);

    // wamp.session.count/list take an optional list of authroles to filter by.
    private IEnumerable<RouterSession> SessionsWithRoles(WampPayload args)
    {
        if (args.Count > 0 && args[0].ValueKind == JsonValueKind.Array)
        {
            var roles = args[0].EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            return realm.Sessions.Values.Where(s => roles.Contains(s.AuthRole));
        }

        return realm.Sessions.Values;
    }

    private static WampPayload Single(Action<Utf8JsonWriter> write) => RouterPayload.Args(write);

    private static long? ReadId(WampPayload args) =>
        args.Count > 0 && args[0].ValueKind == JsonValueKind.Number && args[0].TryGetInt64(out long id) ? id : null;

    private static string? ReadUri(WampPayload args) =>
        args.Count > 0 && args[0].ValueKind == JsonValueKind.String ? args[0].GetString() : null;

    private static string ReadMatch(WampPayload args) =>
        (args.Count > 1 ? RouterJson.GetString(args[1], "match") : null) ?? RouterUris.Exact;

    private static void WriteIds(Utf8JsonWriter w, IEnumerable<long> ids)
    {
        w.WriteStartArray();
        foreach (long id in ids)
        {
            w.WriteNumberValue(id);
        }

        w.WriteEndArray();
    }

    private static void WriteIdOrNull(Utf8JsonWriter w, long? id)
    {
        if (id is { } value)
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void WriteByMatch(Utf8JsonWriter w, IEnumerable<(long Id, string Match)> items)
    {
        var list = items.ToList();
        w.WriteStartObject();
        foreach (string match in new[] { RouterUris.Exact, RouterUris.Prefix, RouterUris.Wildcard })
        {
            w.WritePropertyName(match);
            WriteIds(w, list.Where(i => i.Match == match).Select(i => i.Id));
        }

        w.WriteEndObject();
    }
}
