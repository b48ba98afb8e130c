using System.CommandLine;
using Cfc.Cli.Hosting;

namespace Cfc.Cli.Commands;

/// <summary>Builds commands: a noun groups verbs, a verb connects and runs one body.</summary>
internal static class Verb
{
    public static Command Noun(string name, string description, params Command[] verbs)
    {
        var command = new Command(name, description);
        foreach (Command verb in verbs)
        {
            command.Add(verb);
        }

        return command;
    }

    public static Command Make(string name, string description, Symbol[] symbols, RealmScope scope, Func<CliContext, Task<CliResult>> body)
    {
        Command command = New(name, description, symbols);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, scope, body, ct));
        return command;
    }

    public static Command Stream(string name, string description, Symbol[] symbols, Func<ParseResult, RealmScope> scope, Func<CliContext, Task> body)
    {
        Command command = New(name, description, symbols);
        command.SetAction((parse, ct) => CliRunner.RunStreamAsync(parse, scope, body, ct));
        return command;
    }

    private static Command New(string name, string description, Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (Symbol symbol in symbols)
        {
            switch (symbol)
            {
                case Argument a: command.Add(a); break;
                case Option o: command.Add(o); break;
                default: throw new InvalidOperationException($"{symbol.Name} is neither an argument nor an option.");
            }
        }

        return command;
    }
}

/// <summary>The arguments and options commands share, made fresh for each command that uses them.</summary>
internal static class Args
{
    public static Argument<string> Node() => new("node") { Description = "The node id (its authid, e.g. node1)" };

    public static Argument<string> Worker() => new("worker") { Description = "The worker id on the node (e.g. worker1)" };

    public static Argument<string> RouterRealm() => new("realm-id") { Description = "The router realm id in the worker (e.g. realm1)" };

    public static Argument<string> Id(string name, string description) => new(name) { Description = description };

    public static Argument<long> LongId(string name, string description) => new(name) { Description = description };

    public static Option<string?> Config(string what) => new("--config")
    {
        Description = $"The {what} configuration as a JSON object, or @file to read it from a file",
    };

    public static Option<string> RequiredConfig(string what) => new("--config")
    {
        Description = $"The {what} configuration as a JSON object, or @file to read it from a file",
        Required = true,
    };
}
