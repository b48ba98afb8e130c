using System.Text.Json;

namespace Cfc.Client;

/// <summary>A realm on a router worker (<c>remote.router.get_router_realm</c>).</summary>
public sealed record RouterRealm : CfcObject
{
    /// <summary>The realm ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The realm configuration, if sent.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>The realm category, if sent.</summary>
    public string? Category { get; init; }

    /// <summary>When the realm was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The realm's roles (<c>[{id, config}]</c>), if sent.</summary>
    public JsonElement? Roles { get; init; }

    /// <summary>Whether the realm has a router, if sent.</summary>
    public bool? HasRouter { get; init; }

    /// <summary>Whether the realm has a service session, if sent.</summary>
    public bool? HasServiceSession { get; init; }
}

/// <summary>The realm starting information object of <c>on_router_realm_starting</c>; the seed leaves it open.</summary>
public sealed record RouterRealmStarting : CfcObject
{
    /// <summary>The realm ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The realm started information object (<c>start_router_realm</c>, <c>on_router_realm_started</c>); the seed leaves it open.</summary>
public sealed record RouterRealmStarted : CfcObject
{
    /// <summary>The realm ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The realm stopped information object (<c>stop_router_realm</c>); the seed leaves it open.</summary>
public sealed record RouterRealmStopped : CfcObject
{
    /// <summary>The realm ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>A role on a router realm (<c>get_router_realm_role</c>).</summary>
public sealed record RouterRealmRole : CfcObject
{
    /// <summary>The role ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The role configuration (permissions), if sent.</summary>
    public JsonElement? Config { get; init; }
}

/// <summary>The role created information object (<c>start_router_realm_role</c>); the seed leaves it open.</summary>
public sealed record RouterRealmRoleStarted : CfcObject
{
    /// <summary>The role ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The role stopped information object (<c>stop_router_realm_role</c>); the seed leaves it open.</summary>
public sealed record RouterRealmRoleStopped : CfcObject
{
    /// <summary>The role ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>A router transport (listening endpoint) (<c>get_router_transport</c>).</summary>
public sealed record RouterTransport : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The transport type (websocket, rawsocket, web, ...), if sent.</summary>
    public string? Type { get; init; }

    /// <summary>The transport configuration, if sent.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>When the transport was created, if sent.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Since when the transport listens, if sent.</summary>
    public DateTimeOffset? ListeningSince { get; init; }

    /// <summary>The transport state, if sent.</summary>
    public string? State { get; init; }
}

/// <summary>The transport started information object (<c>start_router_transport</c>); the seed leaves it open.</summary>
public sealed record RouterTransportStarted : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The transport stopped information object (<c>stop_router_transport</c>); the seed leaves it open.</summary>
public sealed record RouterTransportStopped : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>A path (Web service) on a router transport (<c>get_router_transport_path</c>); the seed leaves it open.</summary>
public sealed record TransportPath : CfcObject;

/// <summary>The path started information object (<c>start_router_transport_path</c>); the seed leaves it open.</summary>
public sealed record TransportPathStarted : CfcObject;

/// <summary>The path stopped information object (<c>stop_router_transport_path</c>); the seed leaves it open.</summary>
public sealed record TransportPathStopped : CfcObject;

/// <summary>
/// A user component in a router worker (<c>get_router_component</c>: id, started, uptime and config on a crossbar
/// v22.6.1 edge; its <c>get_router_components</c> list has id, created and config).
/// </summary>
public sealed record RouterComponent : CfcObject
{
    /// <summary>The component ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>When the component was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the component was started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>How long the component has run, in seconds, if sent.</summary>
    public double? Uptime { get; init; }

    /// <summary>The component configuration, if sent.</summary>
    public JsonElement? Config { get; init; }
}

/// <summary>The component started information object (<c>start_router_component</c>); the seed leaves it open.</summary>
public sealed record RouterComponentStarted : CfcObject
{
    /// <summary>The component ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The component stopped information object (<c>stop_router_component</c>); the seed leaves it open.</summary>
public sealed record RouterComponentStopped : CfcObject;
