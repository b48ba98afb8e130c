using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using Cfc.Cli.Hosting;
using Cfc.Cli.Output;
using Cfc.Client;
using Spectre.Console;

namespace Cfc.Cli.Commands;

/// <summary>
/// <c>cfc monitor</c>: a live view of the fleet (nodes, their status, their workers). It redraws when the CFC
/// publishes a fleet event (tick, node paired/unpaired, realm created/deleted) and at least every --interval
/// seconds, since a node going offline is not an event of the API. On a terminal it is a live table; otherwise each
/// refresh is one snapshot (a JSON line with --output json).
/// </summary>
internal static class MonitorCommand
{
    public static Command Build()
    {
        var interval = new Option<double>("--interval") { Description = "Refresh at least this often, in seconds", DefaultValueFactory = _ => 5 };
        var count = new Option<int?>("--count") { Description = "Stop after this many refreshes" };
        return Verb.Stream("monitor", "A live view of the fleet: nodes, their status and workers, updated from events until Ctrl+C",
            [interval, count], _ => RealmScope.Global, c => MonitorAsync(c, TimeSpan.FromSeconds(Math.Max(0.2, c.Get(interval))), c.Get(count)));
    }

    private static async Task MonitorAsync(CliContext c, TimeSpan interval, int? count)
    {
        var refresh = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var subscriptions = new List<CfcEventSubscription>
        {
            await c.Client.System.OnTick.SubscribeAsync(_ => refresh.Writer.TryWrite("tick"), c.Cancel).ConfigureAwait(false),
            await c.Client.ManagementRealms.OnNodePaired.SubscribeAsync(_ => refresh.Writer.TryWrite("node-paired"), c.Cancel).ConfigureAwait(false),
            await c.Client.ManagementRealms.OnNodeUnpaired.SubscribeAsync(_ => refresh.Writer.TryWrite("node-unpaired"), c.Cancel).ConfigureAwait(false),
            await c.Client.ManagementRealms.OnRealmCreated.SubscribeAsync(_ => refresh.Writer.TryWrite("realm-created"), c.Cancel).ConfigureAwait(false),
            await c.Client.ManagementRealms.OnRealmDeleted.SubscribeAsync(_ => refresh.Writer.TryWrite("realm-deleted"), c.Cancel).ConfigureAwait(false),
        };
        using var timer = new PeriodicTimer(interval);
        Task ticking = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync(c.Cancel).ConfigureAwait(false))
            {
                refresh.Writer.TryWrite("interval");
            }
        }, c.Cancel);
        var realms = new Dictionary<string, CfcClient>(StringComparer.Ordinal);
        try
        {
            bool live = c.Output.Format == OutputFormat.Table && !Console.IsOutputRedirected;
            if (live)
            {
                await c.Output.Console.Live(new Table()).StartAsync(async ctx =>
                {
                    for (int n = 0; count is null || n < count; n++)
                    {
                        JsonElement snapshot = await SnapshotAsync(c, realms).ConfigureAwait(false);
                        ctx.UpdateTarget(Render(snapshot));
                        ctx.Refresh();
                        if (count is null || n + 1 < count)
                        {
                            await refresh.Reader.ReadAsync(c.Cancel).ConfigureAwait(false);
                        }
                    }
                }).ConfigureAwait(false);
            }
            else
            {
                for (int n = 0; count is null || n < count; n++)
                {
                    JsonElement snapshot = await SnapshotAsync(c, realms).ConfigureAwait(false);
                    c.Output.WriteStreamItem(snapshot, Summary(snapshot));
                    if (count is null || n + 1 < count)
                    {
                        await refresh.Reader.ReadAsync(c.Cancel).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            foreach (CfcEventSubscription s in subscriptions)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }

            timer.Dispose();
            try
            {
                await ticking.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The timer loop ends with the command.
            }
        }
    }

    /// <summary>One picture of the fleet: every node with realm, status and (for online nodes) its workers.</summary>
    private static async Task<JsonElement> SnapshotAsync(CliContext c, Dictionary<string, CfcClient> realms)
    {
        var nodes = new List<JsonElement>();
        foreach (Fleet.FleetNode node in await Fleet.NodesAsync(c, realms).ConfigureAwait(false))
        {
            string nodeId = node.NodeId;
            string realm = node.Realm;
            IReadOnlyList<string>? workers = null;
            string? workersError = null;
            if (node.IsOnline)
            {
                try
                {
                    CfcClient onRealm = await Fleet.OnRealmAsync(c, realm, realms).ConfigureAwait(false);
                    workers = await onRealm.RemoteNode.GetWorkersAsync(nodeId, c.Cancel).ConfigureAwait(false);
                }
                catch (CfcException ex)
                {
                    // One node that does not answer must not end the view; the row says why.
                    workersError = ex.ErrorUri;
                }
            }

            nodes.Add(CliJson.Build(w =>
            {
                w.WriteString("node", nodeId);
                w.WriteString("realm", realm);
                w.WriteString("status", node.Info.Status ?? "unknown");
                w.WritePropertyName("workers");
                if (workers is not null)
                {
                    CliJson.Of(workers).WriteTo(w);
                }
                else
                {
                    w.WriteNullValue();
                }

                if (workersError is not null)
                {
                    w.WriteString("error", workersError);
                }
            }));
        }

        return CliJson.Build(w =>
        {
            w.WriteString("time", DateTimeOffset.UtcNow);
            w.WritePropertyName("nodes");
            CliJson.Array(nodes).WriteTo(w);
        });
    }

    private static Table Render(JsonElement snapshot)
    {
        var table = new Table().Title($"CFC fleet at {CliOutput.Clock(DateTimeOffset.Now)} (Ctrl+C ends)")
            .AddColumn("node").AddColumn("realm").AddColumn("status").AddColumn("workers");
        foreach (JsonElement node in snapshot.GetProperty("nodes").EnumerateArray())
        {
            string status = CliJson.String(node, "status") ?? "unknown";
            string colour = status == "online" ? "green" : "red";
            table.AddRow(
                Markup.Escape(CliJson.String(node, "node") ?? "-"),
                Markup.Escape(CliJson.String(node, "realm") ?? "-"),
                $"[{colour}]{Markup.Escape(status)}[/]",
                Markup.Escape(Workers(node)));
        }

        return table;
    }

    private static string Summary(JsonElement snapshot)
    {
        IEnumerable<string> parts = snapshot.GetProperty("nodes").EnumerateArray().Select(n =>
            $"{CliJson.String(n, "node")}({CliJson.String(n, "realm")}) {CliJson.String(n, "status")} [{Workers(n)}]");
        return $"{CliOutput.Clock(DateTimeOffset.Now)} {string.Join("; ", parts)}";
    }

    private static string Workers(JsonElement node) =>
        node.TryGetProperty("workers", out JsonElement w) && w.ValueKind == JsonValueKind.Array
            ? string.Join(", ", w.EnumerateArray().Select(x => x.GetString()))
            : CliJson.String(node, "error") ?? "-";
}
