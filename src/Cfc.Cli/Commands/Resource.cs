using System.CommandLine;
using System.Text.Json;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary>
/// The shape most remote objects share: a path of ids (node, worker, ...) and then list / show / start / stop of one
/// kind of object. Each verb gets fresh argument instances; the body sees the path as a string array.
/// </summary>
internal sealed class Resource(string noun, string description, string itemName, params (string Name, string Description)[] path)
{
    private readonly List<Command> _verbs = [];

    public Resource List(Func<CfcClient, string[], CancellationToken, Task<JsonElement>> list) =>
        Add("list", $"List the {noun}", [], async (c, p, _) => new CliResult(await list(c.Client, p, c.Cancel).ConfigureAwait(false), itemName));

    public Resource Show(Func<CfcClient, string[], string, CancellationToken, Task<JsonElement>> show) =>
        Add("show", $"Show one {itemName}", [Id()], async (c, p, ids) => new CliResult(await show(c.Client, p, ids[0], c.Cancel).ConfigureAwait(false)));

    public Resource Start(Func<CfcClient, string[], string, IReadOnlyDictionary<string, object?>, CancellationToken, Task<JsonElement>> start, bool configRequired = false)
    {
        Option<string?> config = Args.Config(itemName);
        return Add("start", $"Start a {itemName} (--config JSON object)", [Id(), config], async (c, p, ids) =>
        {
            string? text = c.Get(config);
            if (configRequired && text is null)
            {
                throw new CliUsageException($"starting a {itemName} needs its configuration: pass --config '{{...}}' or --config @file.json.");
            }

            return new CliResult(await start(c.Client, p, ids[0], CliJson.Config(text, "--config"), c.Cancel).ConfigureAwait(false));
        });
    }

    public Resource Stop(Func<CfcClient, string[], string, CancellationToken, Task<JsonElement>> stop) =>
        Add("stop", $"Stop a {itemName}", [Id()], async (c, p, ids) => new CliResult(await stop(c.Client, p, ids[0], c.Cancel).ConfigureAwait(false)));

    /// <summary>Any other verb on one object of this kind.</summary>
    public Resource Verb(string name, string verbDescription, Func<CfcClient, string[], string, CancellationToken, Task<JsonElement>> run) =>
        Add(name, verbDescription, [Id()], async (c, p, ids) => new CliResult(await run(c.Client, p, ids[0], c.Cancel).ConfigureAwait(false)));

    public Command Build() => Commands.Verb.Noun(noun, description, [.. _verbs]);

    private Argument<string> Id() => Args.Id(itemName.Replace(' ', '-') + "-id", $"The {itemName}'s id");

    private Resource Add(string name, string verbDescription, Symbol[] extra, Func<CliContext, string[], string[], Task<CliResult>> body)
    {
        Argument<string>[] pathArgs = [.. path.Select(p => Args.Id(p.Name, p.Description))];
        Argument<string>[] ids = [.. extra.OfType<Argument<string>>()];
        _verbs.Add(Commands.Verb.Make(name, verbDescription, [.. pathArgs, .. extra], RealmScope.Management, c =>
            body(c, [.. pathArgs.Select(c.Get)], [.. ids.Select(c.Get)])));
        return this;
    }

    public static readonly (string, string) Node = ("node", "The node id (its authid, e.g. node1)");
    public static readonly (string, string) Worker = ("worker", "The worker id on the node (e.g. worker1)");
    public static readonly (string, string) RouterRealm = ("realm-id", "The router realm id (e.g. realm1)");
    public static readonly (string, string) Transport = ("transport-id", "The transport id (e.g. transport1)");
}
