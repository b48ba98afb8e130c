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
                var rows = new List<JsonElement>();
                foreach (Fleet.FleetNode node in await Fleet.NodesAsync(c, []).ConfigureAwait(false))
                {
                    if (c.Get(status) is { } only && !string.Equals(node.Info.Status, only, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    rows.Add(Row(node));
                }

                return new CliResult(CliJson.Array(rows));
            }),
            Verb.Make("show", "Show one node (searched in --realm, else in all your management realms)", [showNode], RealmScope.Configured, async c =>
                new CliResult(CliJson.Of((await Fleet.FindAsync(c, c.Get(showNode), []).ConfigureAwait(false)).Info, CfcJsonContext.Default.NodeInfo))),
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
                    : (await Fleet.FindAsync(c, what, []).ConfigureAwait(false)).Info.Pubkey
                      ?? throw new CliUsageException($"the CFC did not tell node {what}'s public key; pass the 64-hex public key instead.");
                return new CliResult(CliJson.Of(await c.Client.ManagementRealms.UnpairNodeAsync(key, c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeUnpaired));
            }),
            Verb.Make("status", "Ask a node for its own status (needs --realm)", [statusNode], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.GetStatusAsync(c.Get(statusNode), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeStatus))),
            Verb.Make("shutdown", "Shut a node down (needs --realm)", [shutdownNode], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.ShutdownAsync(c.Get(shutdownNode), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.NodeShutdown))));
    }

    private static bool IsPublicKey(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static JsonElement Row(Fleet.FleetNode node) => CliJson.Build(w =>
    {
        w.WriteString("node", node.NodeId);
        w.WriteString("realm", node.Realm);
        w.WriteString("status", node.Info.Status ?? "unknown");
        w.WriteString("pubkey", node.Info.Pubkey);
        w.WriteString("oid", node.Info.Oid);
    });
}
