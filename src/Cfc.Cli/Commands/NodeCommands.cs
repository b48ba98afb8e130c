using System.CommandLine;
using System.Text.Json;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc nodes list|show|pair|unpair|status|shutdown</c>: the nodes paired with your management realms.</summary>
internal static class NodeCommands
{
    public static Command Build()
    {
        var status = new Option<string?>("--status") { Description = "Only nodes that are online or offline" };
        status.AcceptOnlyFromAmong("online", "offline");
        Argument<string> showNode = Args.Node();
        Argument<string> pubkey = Args.Id("pubkey", "The node's public key (64 hex characters, from the node's key.pub)");
        Argument<string> nodeId = Args.Id("node-id", "The node id to pair it under (its authid)");
        var authExtra = new Option<string?>("--authextra") { Description = "Extra information handed to the node when it logs in, a JSON object" };
        Argument<string> unpairWhat = Args.Id("node", "The node's public key, or its node id");
        Argument<string> statusNode = Args.Node();
        Argument<string> shutdownNode = Args.Node();

        return Verb.Noun("nodes", "Nodes: list (online/offline), show, pair, unpair, remote status and shutdown",
            Verb.Make("list", "List the nodes of all your management realms, or of --realm, with their status", [status], RealmScope.Configured, async c =>
            {
                bool onRealm = IsManagementRealm(c);
                IReadOnlyList<string> ids = onRealm
                    ? await c.Client.ManagementRealm.GetNodesAsync(c.Cancel).ConfigureAwait(false)
                    : await c.Client.ManagementRealms.GetNodesAsync(c.Cancel).ConfigureAwait(false);
                var rows = new List<JsonElement>();
                foreach (string id in ids)
                {
                    NodeInfo node = await GetNodeAsync(c, id).ConfigureAwait(false);
                    if (c.Get(status) is { } only && !string.Equals(node.Status, only, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    rows.Add(Row(node, id, onRealm ? c.Settings.Realm : null));
                }

                return new CliResult(CliJson.Array(rows));
            }),
            Verb.Make("show", "Show one node", [showNode], RealmScope.Configured, async c =>
                new CliResult(CliJson.Of(await GetNodeAsync(c, c.Get(showNode)).ConfigureAwait(false), CfcJsonContext.Default.NodeInfo))),
            Verb.Make("pair", "Pair a node with the management realm given by --realm", [pubkey, nodeId, authExtra], RealmScope.Global, async c =>
            {
                string realm = c.Settings.RequireManagementRealm();
                IReadOnlyDictionary<string, object?>? extra = c.Get(authExtra) is { } text ? CliJson.Config(text, "--authextra") : null;
                NodePaired paired = await c.Client.ManagementRealms.PairNodeAsync(c.Get(pubkey), realm, c.Get(nodeId), extra, c.Cancel).ConfigureAwait(false);
                return new CliResult(CliJson.Of(paired, CfcJsonContext.Default.NodePaired));
            }),
            Verb.Make("unpair", "Unpair a node (by public key, or by node id)", [unpairWhat], RealmScope.Global, async c =>
            {
                string what = c.Get(unpairWhat);
                string key = IsPublicKey(what)
                    ? what
                    : (await c.Client.ManagementRealms.GetNodeAsync(what, c.Cancel).ConfigureAwait(false)).Pubkey
                      ?? throw new CliUsageException($"the CFC did not tell node {what}'s public key; pass the 64-hex public key instead.");
                return new CliResult(CliJson.Of(await c.Client.ManagementRealms.UnpairNodeAsync(key, c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeUnpaired));
            }),
            Verb.Make("status", "Ask a node for its own status (needs --realm)", [statusNode], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.GetStatusAsync(c.Get(statusNode), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeStatus))),
            Verb.Make("shutdown", "Shut a node down (needs --realm)", [shutdownNode], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.ShutdownAsync(c.Get(shutdownNode), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeShutdown))));
    }

    private static bool IsManagementRealm(CliContext c) => c.Settings.Realm is { } r && r != CfcRealms.Global;

    private static Task<NodeInfo> GetNodeAsync(CliContext c, string id) => IsManagementRealm(c)
        ? c.Client.ManagementRealm.GetNodeAsync(id, c.Cancel)
        : c.Client.ManagementRealms.GetNodeAsync(id, c.Cancel);

    private static bool IsPublicKey(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static JsonElement Row(NodeInfo node, string id, string? realm) => CliJson.Build(w =>
    {
        w.WriteString("node", node.AuthId ?? Extension(node, "node_id") ?? id);
        w.WriteString("realm", realm ?? Extension(node, "realm_name") ?? node.MrealmOid);
        w.WriteString("status", node.Status ?? "unknown");
        w.WriteString("pubkey", node.Pubkey);
        w.WriteString("oid", node.Oid);
    });

    private static string? Extension(CfcObject obj, string name) =>
        obj.ExtensionData.TryGetValue(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
