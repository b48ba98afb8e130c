using System.Text.Json;

namespace Cfc.Client;

/// <summary>A component in a container worker (<c>get_container_component</c>).</summary>
public sealed record ContainerComponent : CfcObject
{
    /// <summary>The component ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>When the component started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The uptime in seconds, if sent.</summary>
    public double? Uptime { get; init; }

    /// <summary>The component configuration, if sent.</summary>
    public JsonElement? Config { get; init; }
}

/// <summary>The component started information object (<c>start_container_component</c>).</summary>
public sealed record ContainerComponentStarted : CfcObject
{
    /// <summary>The component ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The component configuration, if sent.</summary>
    public JsonElement? Config { get; init; }
}

/// <summary>The component stopped information object (<c>stop_container_component</c>).</summary>
public sealed record ContainerComponentStopped : CfcObject
{
    /// <summary>The component ID, if sent.</summary>
    public string? ComponentId { get; init; }

    /// <summary>The uptime in seconds, if sent.</summary>
    public double? Uptime { get; init; }

    /// <summary>Who stopped the component (<c>{session, authid, authrole}</c>), if sent.</summary>
    public JsonElement? Caller { get; init; }
}

/// <summary>A proxy worker transport (<c>get_proxy_transport</c>).</summary>
public sealed record ProxyTransport : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The transport type, if sent.</summary>
    public string? Type { get; init; }

    /// <summary>The transport configuration, if sent.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>When the transport was created, if sent.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Since when the transport listens, if sent.</summary>
    public DateTimeOffset? ListeningSince { get; init; }
}

/// <summary>The transport started information object (<c>start_proxy_transport</c>); the seed leaves it open.</summary>
public sealed record ProxyTransportStarted : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The transport stopped information object (<c>stop_proxy_transport</c>); the seed leaves it open.</summary>
public sealed record ProxyTransportStopped : CfcObject
{
    /// <summary>The transport ID, if sent.</summary>
    public string? Id { get; init; }
}
