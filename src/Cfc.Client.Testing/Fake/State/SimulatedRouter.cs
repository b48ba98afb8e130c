using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>A realm on a simulated router worker, with its roles and (fake) WAMP meta data.</summary>
/// <param name="id">The realm id on the worker.</param>
/// <param name="name">The realm name.</param>
/// <param name="config">The realm configuration.</param>
/// <param name="created">When it started.</param>
public sealed class SimulatedRouterRealm(string id, string name, JsonElement config, DateTimeOffset created)
{
    /// <summary>The realm id on the worker.</summary>
    public string Id { get; } = id;

    /// <summary>The WAMP realm name.</summary>
    public string Name { get; } = name;

    /// <summary>The realm configuration.</summary>
    public JsonElement Config { get; } = config;

    /// <summary>When the realm started.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>Roles on the realm by id.</summary>
    public OrderedDictionary<string, SimulatedRealmRole> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Sessions joined to the realm (what <c>wamp.session.*</c> reports).</summary>
    public List<SimulatedSession> Sessions { get; } = [];

    /// <summary>Registrations on the realm (what <c>wamp.registration.*</c> reports).</summary>
    public List<SimulatedRegistration> Registrations { get; } = [];

    /// <summary>Subscriptions on the realm (what <c>wamp.subscription.*</c> reports).</summary>
    public List<SimulatedSubscription> Subscriptions { get; } = [];

    /// <summary>Router-to-router links of the realm by link id, with their configuration (the master's <c>*_router_realm_link</c>).</summary>
    public OrderedDictionary<string, JsonElement> Links { get; } = new(StringComparer.Ordinal);
}

/// <summary>A role on a router realm.</summary>
/// <param name="Id">The role id.</param>
/// <param name="Name">The role name.</param>
/// <param name="Config">The role configuration (permissions).</param>
/// <param name="Created">When it started.</param>
public sealed record SimulatedRealmRole(string Id, string Name, JsonElement Config, DateTimeOffset Created);

/// <summary>A listening transport of a router or proxy worker.</summary>
/// <param name="id">The transport id.</param>
/// <param name="type">The transport type (e.g. <c>web</c>, <c>websocket</c>, <c>rawsocket</c>).</param>
/// <param name="config">The transport configuration.</param>
/// <param name="created">When it started listening.</param>
public sealed class SimulatedTransport(string id, string type, JsonElement config, DateTimeOffset created)
{
    /// <summary>The transport id.</summary>
    public string Id { get; } = id;

    /// <summary>The transport type.</summary>
    public string Type { get; } = type;

    /// <summary>The transport configuration.</summary>
    public JsonElement Config { get; } = config;

    /// <summary>When it was created (and started listening).</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>The transport state as the node reports it.</summary>
    public string State { get; set; } = "started";

    /// <summary>Web transport paths (services) by path.</summary>
    public OrderedDictionary<string, SimulatedTransportPath> Paths { get; } = new(StringComparer.Ordinal);
}

/// <summary>A path (web service) of a web transport.</summary>
/// <param name="Id">The path, e.g. <c>ws</c> or <c>/</c>.</param>
/// <param name="Type">The service type, e.g. <c>websocket</c>, <c>static</c>.</param>
/// <param name="Config">The service configuration.</param>
/// <param name="Created">When it started.</param>
public sealed record SimulatedTransportPath(string Id, string Type, JsonElement Config, DateTimeOffset Created);

/// <summary>A user component in a router or container worker.</summary>
/// <param name="Id">The component id.</param>
/// <param name="Config">The component configuration.</param>
/// <param name="Created">When it started.</param>
public sealed record SimulatedComponent(string Id, JsonElement Config, DateTimeOffset Created);

/// <summary>A session on a simulated router realm.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="AuthId">The authid.</param>
/// <param name="AuthRole">The authrole.</param>
/// <param name="AuthMethod">The authentication method.</param>
/// <param name="TransportType">The transport, e.g. <c>websocket</c>.</param>
public sealed record SimulatedSession(long SessionId, string AuthId, string AuthRole, string AuthMethod, string TransportType);

/// <summary>A registration on a simulated router realm.</summary>
/// <param name="Id">The registration id.</param>
/// <param name="Uri">The procedure URI or pattern.</param>
/// <param name="Match">The match policy: <c>exact</c>, <c>prefix</c> or <c>wildcard</c>.</param>
/// <param name="Invoke">The invocation policy, e.g. <c>single</c>.</param>
/// <param name="Callees">The registered sessions.</param>
/// <param name="Created">When it was created.</param>
public sealed record SimulatedRegistration(long Id, string Uri, string Match, string Invoke, IReadOnlyList<long> Callees, DateTimeOffset Created);

/// <summary>A subscription on a simulated router realm.</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="Uri">The topic URI or pattern.</param>
/// <param name="Match">The match policy: <c>exact</c>, <c>prefix</c> or <c>wildcard</c>.</param>
/// <param name="Subscribers">The subscribed sessions.</param>
/// <param name="Created">When it was created.</param>
public sealed record SimulatedSubscription(long Id, string Uri, string Match, IReadOnlyList<long> Subscribers, DateTimeOffset Created);
