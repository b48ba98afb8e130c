using System.Collections.Concurrent;
using System.Text.Json;

namespace Cfc.Client.Master;

/// <summary>
/// What the client learned about the master's object ids: management realm oid to name, node id (authid) to and from node oid.
/// Filled from every realm and node object that passes (results and events) and by explicit lookups; entries are
/// dropped when a lookup through them fails.
/// </summary>
internal sealed class MasterDirectory
{
    private readonly ConcurrentDictionary<string, string> _realmNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _nodeOids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _nodeIds = new(StringComparer.Ordinal);

    /// <summary>The realm name of a management realm oid, if known.</summary>
    /// <param name="oid">The realm oid.</param>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is known.</returns>
    public bool TryGetRealmName(string oid, out string name) => _realmNames.TryGetValue(oid, out name!);

    /// <summary>The oid of a node id, if known.</summary>
    /// <param name="nodeId">The node id (authid).</param>
    /// <param name="oid">The oid.</param>
    /// <returns>Whether it is known.</returns>
    public bool TryGetNodeOid(string nodeId, out string oid) => _nodeOids.TryGetValue(nodeId, out oid!);

    /// <summary>The node id (authid) of a node oid, if known.</summary>
    /// <param name="oid">The oid.</param>
    /// <param name="nodeId">The node id.</param>
    /// <returns>Whether it is known.</returns>
    public bool TryGetNodeId(string oid, out string nodeId) => _nodeIds.TryGetValue(oid, out nodeId!);

    /// <summary>Forgets the oid of <paramref name="nodeId"/> (a call through it failed; pairing may have changed).</summary>
    /// <param name="nodeId">The node id.</param>
    public void ForgetNode(string nodeId) => _nodeOids.TryRemove(nodeId, out _);

    /// <summary>Learns from a management realm object (or a deletion object): its oid and name.</summary>
    /// <param name="realm">The object.</param>
    public void LearnRealm(JsonElement realm)
    {
        string? oid = MasterTranslations.GetString(realm, "oid");
        string? name = MasterTranslations.GetString(realm, "name");
        if (oid is not null && name is not null)
        {
            _realmNames[oid] = name;
        }
    }

    /// <summary>Learns from a node object: its oid and authid (unpaired node objects carry no authid).</summary>
    /// <param name="node">The object.</param>
    public void LearnNode(JsonElement node)
    {
        string? oid = MasterTranslations.GetString(node, "oid");
        string? authId = MasterTranslations.GetString(node, "authid");
        if (oid is not null && authId is not null)
        {
            _nodeOids[authId] = oid;
            _nodeIds[oid] = authId;
        }
    }

    /// <summary>Learns one node id -> oid pair.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <param name="oid">The oid.</param>
    public void LearnNode(string nodeId, string oid)
    {
        _nodeOids[nodeId] = oid;
        _nodeIds[oid] = nodeId;
    }
}
