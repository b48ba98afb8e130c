using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// A joined WAMP session: identity, announced features and the dealer/broker state that belongs to it.
/// Everything mutable here is guarded by the realm's gate.
/// </summary>
internal sealed class RouterSession
{
    private readonly RouterConnection _connection;

    public RouterSession(RouterConnection connection, RouterRealm realm, long id, SessionIdentity identity, JsonElement helloDetails)
    {
        _connection = connection;
        Realm = realm;
        Id = id;
        Identity = identity;
        CalleeCancels = HasFeature(helloDetails, "callee", "call_canceling");
        CalleeProgress = HasFeature(helloDetails, "callee", "progressive_call_results");
    }

    public long Id { get; }

    public RouterRealm Realm { get; }

    public SessionIdentity Identity { get; }

    public string AuthId => Identity.AuthId;

    public string AuthRole => Identity.AuthRole;

    /// <summary>Whether the session announced callee/call_canceling: only then may it receive INTERRUPT.</summary>
    public bool CalleeCancels { get; }

    /// <summary>Whether the session announced callee/progressive_call_results.</summary>
    public bool CalleeProgress { get; }

    /// <summary>Set once the session left its realm; nothing is sent to it afterwards.</summary>
    public bool Left { get; set; }

    /// <summary>The last INVOCATION id given to this session as callee (ids are sequential per session).</summary>
    public long LastInvocationId { get; set; }

    /// <summary>Calls this session made that are still running, by CALL request id.</summary>
    public Dictionary<long, PendingCall> Calls { get; } = [];

    /// <summary>Invocations this session must still answer, by INVOCATION id.</summary>
    public Dictionary<long, PendingCall> Invocations { get; } = [];

    /// <summary>The registrations this session is a callee of, by id.</summary>
    public Dictionary<long, RouterRegistration> Registrations { get; } = [];

    /// <summary>The subscriptions this session is a subscriber of, by id.</summary>
    public Dictionary<long, RouterSubscription> Subscriptions { get; } = [];

    public void Send(WampMessage message)
    {
        if (!Left)
        {
            _connection.Send(message);
        }
    }

    /// <summary>Ends the session from the router's side: GOODBYE with <paramref name="reason"/>, then the transport closes.</summary>
    public void Kill(string reason) => _connection.Shutdown(reason);

    /// <summary>The session's meta-API description (wamp.session.get, on_join).</summary>
    public JsonElement Describe() => WampJson.BuildObject(w =>
    {
        w.WriteNumber("session", Id);
        w.WriteString("realm", Realm.Name);
        w.WriteString("authid", Identity.AuthId);
        w.WriteString("authrole", Identity.AuthRole);
        w.WriteString("authmethod", Identity.AuthMethod);
        w.WriteString("authprovider", Identity.AuthProvider);
        w.WritePropertyName("authextra");
        (Identity.AuthExtra ?? WampJson.EmptyObject).WriteTo(w);
        w.WriteStartObject("transport");
        w.WriteString("type", _connection.TransportKind);
        w.WriteString("serializer", _connection.SerializerName);
        w.WriteEndObject();
    });

    private static bool HasFeature(JsonElement details, string role, string feature) =>
        RouterJson.TryGetObject(details, "roles", out JsonElement roles)
        && RouterJson.TryGetObject(roles, role, out JsonElement r)
        && RouterJson.TryGetObject(r, "features", out JsonElement features)
        && RouterJson.GetBool(features, feature);
}

/// <summary>Who a session is, as announced in WELCOME.</summary>
internal sealed record SessionIdentity(string AuthId, string AuthRole, string AuthMethod, string AuthProvider, JsonElement? AuthExtra);
