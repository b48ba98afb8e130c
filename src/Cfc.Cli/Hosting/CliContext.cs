using System.CommandLine;
using Cfc.Cli.Output;
using Cfc.Client;

namespace Cfc.Cli.Hosting;

/// <summary>What a command's body works with: the parsed command line, the settings, the connected client, the output.</summary>
internal sealed class CliContext(ParseResult parse, CliSession session, CliOutput output, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;

    public CliSession Session { get; } = session;

    public CliSettings Settings => Session.Settings;

    public CliOutput Output { get; } = output;

    public CfcClient Client => Session.Client;

    /// <summary>Cancelled by Ctrl+C (SIGINT); handed to every call so that the call in flight is cancelled (WAMP CANCEL).</summary>
    public CancellationToken Cancel { get; } = cancellationToken;

    public T Get<T>(Argument<T> argument) => Parse.GetRequiredValue(argument);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);
}

/// <summary>A command's result: the data, and for a list of plain values the title of its table column.</summary>
internal sealed record CliResult(System.Text.Json.JsonElement Value, string? ListTitle = null);

/// <summary>Which realm a command connects to.</summary>
internal enum RealmScope
{
    /// <summary>The global realm (<c>com.crossbario.fabric</c>): realms, pairing, system status.</summary>
    Global,

    /// <summary>The management realm named by --realm: remote control of nodes and workers.</summary>
    Management,

    /// <summary>--realm if given, else the global realm (call, publish, watch, nodes).</summary>
    Configured,
}
