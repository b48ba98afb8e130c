using System.CommandLine;
using System.Text.Json;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc workers list|show|start|stop|log|status</c>: the workers of a node (on the management realm).</summary>
internal static class WorkerCommands
{
    public static Command Build()
    {
        Argument<string> listNode = Args.Node();
        Argument<string> showNode = Args.Node(), showWorker = Args.Worker();
        Argument<string> startNode = Args.Node(), startWorker = Args.Worker();
        var type = new Option<string?>("--type") { Description = "The worker type: router, container, proxy or guest (sets \"type\" in the config)" };
        Option<string?> config = Args.Config("worker");
        Argument<string> stopNode = Args.Node(), stopWorker = Args.Worker();
        Argument<string> logNode = Args.Node(), logWorker = Args.Worker();
        var limit = new Option<int?>("--limit") { Description = "At most this many log lines (the newest)" };
        Argument<string> statusNode = Args.Node(), statusWorker = Args.Worker();

        return Verb.Noun("workers", "Workers of a node: list, show, start, stop, log, status (need --realm)",
            Verb.Make("list", "List a node's workers with their type and status", [listNode], RealmScope.Management, async c =>
            {
                string node = c.Get(listNode);
                var rows = new List<JsonElement>();
                foreach (string id in await c.Client.RemoteNode.GetWorkersAsync(node, c.Cancel).ConfigureAwait(false))
                {
                    WorkerInfo w = await c.Client.RemoteNode.GetWorkerAsync(node, id, c.Cancel).ConfigureAwait(false);
                    rows.Add(CliJson.Build(o =>
                    {
                        o.WriteString("worker", w.Id ?? id);
                        o.WriteString("type", w.Type);
                        o.WriteString("status", w.Status);
                        if (w.Pid is { } pid)
                        {
                            o.WriteNumber("pid", pid);
                        }
                        else
                        {
                            o.WriteNull("pid");
                        }

                        o.WriteString("started", w.Started?.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
                    }));
                }

                return new CliResult(CliJson.Array(rows));
            }),
            Verb.Make("show", "Show one worker", [showNode, showWorker], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.GetWorkerAsync(c.Get(showNode), c.Get(showWorker), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.WorkerInfo))),
            Verb.Make("start", "Start a worker (--type router, or a full --config)", [startNode, startWorker, type, config], RealmScope.Management, async c =>
            {
                var cfg = new Dictionary<string, object?>(CliJson.Config(c.Get(config), "--config"), StringComparer.Ordinal);
                if (c.Get(type) is { } t)
                {
                    cfg["type"] = t;
                }

                if (!cfg.ContainsKey("type"))
                {
                    throw new CliUsageException("a worker needs a type: pass --type router (or container, proxy, guest), or \"type\" in --config.");
                }

                return new CliResult(CliJson.Of(await c.Client.RemoteNode.StartWorkerAsync(c.Get(startNode), c.Get(startWorker), cfg, c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.WorkerStarted));
            }),
            Verb.Make("stop", "Stop a worker", [stopNode, stopWorker], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteNode.StopWorkerAsync(c.Get(stopNode), c.Get(stopWorker), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.WorkerStopped))),
            Verb.Make("log", "Show a worker's log", [logNode, logWorker, limit], RealmScope.Management, async c =>
                new CliResult(await c.Client.RemoteWorker.GetWorkerLogAsync(c.Get(logNode), c.Get(logWorker), c.Get(limit), c.Cancel).ConfigureAwait(false), "log")),
            Verb.Make("status", "Ask a worker for its own status", [statusNode, statusWorker], RealmScope.Management, async c =>
                new CliResult(CliJson.Of(await c.Client.RemoteWorker.GetStatusAsync(c.Get(statusNode), c.Get(statusWorker), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.WorkerStatus))));
    }
}
