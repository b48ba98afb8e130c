using System.Text.Json;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary>
/// The nodes of the fleet, read realm by realm: each management realm's own <c>get_nodes</c>/<c>get_node</c>, which
/// every server has (the real master has no global node list) and which also tell whether a node is online.
/// </summary>
internal static class Fleet
{
    public sealed record FleetNode(string Realm, string Id, NodeInfo Info)
    {
        public string NodeId => Info.AuthId ?? (Info.ExtensionData.TryGetValue("node_id", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : Id);

        public bool IsOnline => string.Equals(Info.Status, "online", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The management realms to read: --realm if it names one, else all of the user's.</summary>
    public static async Task<IReadOnlyList<string>> RealmsAsync(CliContext c)
    {
        if (c.Settings.Realm is { } realm && realm != CfcRealms.Global)
        {
            return [realm];
        }

        CfcClient global = c.Session.Realm == CfcRealms.Global ? c.Client : await c.Session.ConnectToRealmAsync(CfcRealms.Global, c.Cancel).ConfigureAwait(false);
        return await global.ManagementRealms.GetRealmsAsync(c.Cancel).ConfigureAwait(false);
    }

    /// <summary>A client on <paramref name="realm"/>: the session's own when it is connected there, else one more connection.</summary>
    public static Task<CfcClient> OnRealmAsync(CliContext c, string realm, Dictionary<string, CfcClient> cache)
    {
        if (c.Session.Realm == realm)
        {
            return Task.FromResult(c.Client);
        }

        return cache.TryGetValue(realm, out CfcClient? client) ? Task.FromResult(client) : ConnectAsync();

        async Task<CfcClient> ConnectAsync()
        {
            CfcClient connected = await c.Session.ConnectToRealmAsync(realm, c.Cancel).ConfigureAwait(false);
            cache[realm] = connected;
            return connected;
        }
    }

    public static async Task<IReadOnlyList<FleetNode>> NodesAsync(CliContext c, Dictionary<string, CfcClient> cache)
    {
        var nodes = new List<FleetNode>();
        foreach (string realm in await RealmsAsync(c).ConfigureAwait(false))
        {
            CfcClient client = await OnRealmAsync(c, realm, cache).ConfigureAwait(false);
            foreach (string id in await client.ManagementRealm.GetNodesAsync(c.Cancel).ConfigureAwait(false))
            {
                nodes.Add(new FleetNode(realm, id, await client.ManagementRealm.GetNodeAsync(id, c.Cancel).ConfigureAwait(false)));
            }
        }

        return nodes;
    }

    /// <summary>One node by node id (or oid), searched in --realm or in every realm.</summary>
    public static async Task<FleetNode> FindAsync(CliContext c, string node, Dictionary<string, CfcClient> cache)
    {
        IReadOnlyList<FleetNode> nodes = await NodesAsync(c, cache).ConfigureAwait(false);
        return nodes.FirstOrDefault(n => n.NodeId == node || n.Id == node || n.Info.Oid == node)
            ?? throw new CliRefusedException($"no node '{node}' in {(c.Settings.Realm is { } r && r != CfcRealms.Global ? $"management realm {r}" : "any of your management realms")}; 'cfc nodes list' shows them.");
    }
}
