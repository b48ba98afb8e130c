using System.Text.Json;

namespace Cfc.Client;

/// <summary>The Crossbar.io master's software versions (<c>domain.get_version</c>); every other field stays in the extension data.</summary>
public sealed record DomainVersion : CfcObject
{
    /// <summary>The crossbar version, e.g. <c>22.6.1</c>, if sent.</summary>
    public string? CrossbarVer { get; init; }

    /// <summary>The cfxdb version, if sent.</summary>
    public string? CfxdbVer { get; init; }

    /// <summary>The autobahn version, if sent.</summary>
    public string? AbVer { get; init; }

    /// <summary>The Python version, if sent.</summary>
    public string? PyVer { get; init; }

    /// <summary>The platform the master runs on, if sent.</summary>
    public string? Platform { get; init; }

    /// <summary>The serializers the master supports, if sent.</summary>
    public JsonElement? SupportedSerializers { get; init; }
}

/// <summary>The Crossbar.io master's license (<c>domain.get_license</c>).</summary>
public sealed record DomainLicense : CfcObject
{
    /// <summary>The product, e.g. <c>crossbar-free-tier</c>, if sent.</summary>
    public string? Product { get; init; }

    /// <summary>What the license allows, in words, if sent.</summary>
    public string? Description { get; init; }

    /// <summary>Where the terms are, if sent.</summary>
    public string? Terms { get; init; }

    /// <summary>Features by name, e.g. <c>{"xbr": false}</c>, if sent.</summary>
    public JsonElement? Features { get; init; }

    /// <summary>Limits by name, e.g. <c>{"concurrent-nodes": 5}</c>, if sent.</summary>
    public JsonElement? Limits { get; init; }
}

/// <summary>A node's liveness as the master publishes it in <c>mrealm.on_node_ready</c> / <c>on_node_shutdown</c>.</summary>
public sealed record NodeLiveness : CfcObject
{
    /// <summary>The node's oid, if sent.</summary>
    public string? Id { get; init; }

    /// <summary><c>online</c> or <c>offline</c>, if sent.</summary>
    public string? Status { get; init; }

    /// <summary>When the node was last active, if sent (the master sends nanoseconds since the epoch).</summary>
    public DateTimeOffset? LastActive { get; init; }

    /// <summary>The activity level (0-5) the master computed, if sent.</summary>
    public long? LastActivity { get; init; }

    /// <summary>Workers by type, if sent.</summary>
    public IReadOnlyDictionary<string, long>? Workers { get; init; }

    /// <summary>The heartbeat counter, if sent.</summary>
    public long? Counter { get; init; }
}

/// <summary>A router worker a management-realm trace covers (<c>IMasterFleet.CreateTraceAsync</c>).</summary>
/// <param name="NodeId">The node id (authid) of the worker's node; the client resolves it to the master's node oid.</param>
/// <param name="WorkerId">The router worker's id on that node.</param>
public sealed record TracedWorker(string NodeId, string WorkerId);
