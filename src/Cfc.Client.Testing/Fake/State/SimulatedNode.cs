using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>
/// A Crossbar.io node paired with a management realm of the fake, answering the remote management API.
/// It starts with a realistic setup (see <see cref="SimulatedNodeDefaults"/>); tests may inspect and change it
/// between calls (the fake reads and writes it under its own lock while a call runs).
/// </summary>
public sealed class SimulatedNode
{
    internal SimulatedNode(string nodeId, string oid, string publicKey, string realmName, JsonElement? authExtra, DateTimeOffset paired)
    {
        NodeId = nodeId;
        Oid = oid;
        PublicKey = publicKey;
        RealmName = realmName;
        AuthExtra = authExtra;
        Paired = paired;
        Started = paired;
    }

    /// <summary>The node id given at pairing; the node's authid.</summary>
    public string NodeId { get; }

    /// <summary>The node's object id (a UUID string), also accepted wherever a node id is.</summary>
    public string Oid { get; }

    /// <summary>The node's Ed25519 public key, 64 lower-case hex characters.</summary>
    public string PublicKey { get; }

    /// <summary>The management realm the node is paired with.</summary>
    public string RealmName { get; }

    /// <summary>The extra information stored at pairing, handed to the node when it authenticates.</summary>
    public JsonElement? AuthExtra { get; }

    /// <summary>When the node was paired.</summary>
    public DateTimeOffset Paired { get; }

    /// <summary>When the node (its controller) started.</summary>
    public DateTimeOffset Started { get; set; }

    /// <summary>Whether the node is connected; remote calls to an offline node fail with <c>wamp.error.no_such_procedure</c>. <c>shutdown</c> sets it to <see langword="false"/>.</summary>
    public bool IsOnline { get; set; } = true;

    /// <summary>Whether the host has Docker; without it the Docker API fails with <c>crossbar.error.feature_unavailable</c>.</summary>
    public bool HasDocker { get; set; } = true;

    /// <summary>The node controller's process id.</summary>
    public int ControllerPid { get; set; } = 4711;

    /// <summary>The node directory.</summary>
    public string Directory { get; set; } = "/node/.crossbar";

    /// <summary>The node's workers by id, in start order.</summary>
    public OrderedDictionary<string, SimulatedWorker> Workers { get; } = new(StringComparer.Ordinal);

    /// <summary>The host's Docker containers by id.</summary>
    public OrderedDictionary<string, SimulatedDockerContainer> DockerContainers { get; } = new(StringComparer.Ordinal);

    /// <summary>The host's Docker images by id.</summary>
    public OrderedDictionary<string, SimulatedDockerImage> DockerImages { get; } = new(StringComparer.Ordinal);
}
