using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Client;

/// <summary>
/// A node paired with a management realm (<c>get_node</c>). The seed leaves the object open ("FIXME"); the typed
/// fields are the real server's node object.
/// </summary>
public record NodeInfo : CfcObject
{
    /// <summary>The node's object id (a UUID), if sent.</summary>
    public string? Oid { get; init; }

    /// <summary>A label, if set.</summary>
    public string? Label { get; init; }

    /// <summary>A description, if set.</summary>
    public string? Description { get; init; }

    /// <summary>Tags, if set.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The owner's user object id, if sent.</summary>
    public string? OwnerOid { get; init; }

    /// <summary>The node's Ed25519 public key (64 hex characters), if sent.</summary>
    public string? Pubkey { get; init; }

    /// <summary>The object id of the management realm the node is paired with, if sent.</summary>
    public string? MrealmOid { get; init; }

    /// <summary>The node ID: the authid the node authenticates under.</summary>
    [JsonPropertyName("authid")]
    public string? AuthId { get; init; }

    /// <summary>The extra information handed to the node when it authenticates, if any.</summary>
    [JsonPropertyName("authextra")]
    public JsonElement? AuthExtra { get; init; }

    /// <summary>The node's cluster IP (set by auto-pairing), if sent.</summary>
    public string? ClusterIp { get; init; }

    /// <summary>The last heartbeat sequence number (management realm <c>get_node</c>), if sent.</summary>
    public long? Heartbeat { get; init; }

    /// <summary>When the last heartbeat arrived, if sent (the real master sends nanoseconds since the epoch).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Whether the node is <c>online</c> or <c>offline</c>, if sent.</summary>
    public string? Status { get; init; }
}

/// <summary>The node paired information object (<c>pair_node</c>, <c>on_node_paired</c>): the paired node.</summary>
public sealed record NodePaired : NodeInfo;

/// <summary>The node unpaired information object (<c>unpair_node</c>, <c>on_node_unpaired</c>): the node as it was, plus what unpairing did.</summary>
public sealed record NodeUnpaired : NodeInfo
{
    /// <summary>What the server reports about the node's sessions it killed, if sent.</summary>
    public JsonElement? Killed { get; init; }
}

/// <summary>Status information (directly) from a node (<c>remote.node.get_status</c>).</summary>
public sealed record NodeStatus : CfcObject
{
    /// <summary>The node's title, if sent.</summary>
    public string? Title { get; init; }

    /// <summary>When the node started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The node controller's process id, if sent.</summary>
    public long? ControllerPid { get; init; }

    /// <summary>How many workers run, if sent.</summary>
    public long? RunningWorkers { get; init; }

    /// <summary>Running workers by worker type, if sent.</summary>
    public IReadOnlyDictionary<string, long>? WorkersByType { get; init; }

    /// <summary>The node directory, if sent.</summary>
    public string? Directory { get; init; }

    /// <summary>The node's public key, if sent.</summary>
    public string? Pubkey { get; init; }

    /// <summary>The management realm the node belongs to, if sent.</summary>
    public string? ManagementRealm { get; init; }

    /// <summary>The node's ID in the management realm, if sent.</summary>
    public string? ManagementNodeId { get; init; }

    /// <summary>The node's management session id, if sent.</summary>
    public long? ManagementSessionId { get; init; }

    /// <summary>The node's management authextra, if sent.</summary>
    public JsonElement? ManagementNodeExtra { get; init; }

    /// <summary>Whether Docker is available on the host, if sent.</summary>
    public bool? HasDocker { get; init; }
}

/// <summary>The node (final) shutdown information object (<c>remote.node.shutdown</c>).</summary>
public sealed record NodeShutdown : CfcObject
{
    /// <summary>The node ID, if sent.</summary>
    public string? NodeId { get; init; }

    /// <summary>Whether the node restarts, if sent.</summary>
    public bool? Restart { get; init; }

    /// <summary>The shutdown mode, if sent.</summary>
    public string? Mode { get; init; }

    /// <summary>Who asked for the shutdown, if sent.</summary>
    public JsonElement? Who { get; init; }

    /// <summary>When the shutdown happened, if sent.</summary>
    public DateTimeOffset? When { get; init; }

    /// <summary>Whether the shutdown was clean, if sent.</summary>
    public bool? WasClean { get; init; }
}
