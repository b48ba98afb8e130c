using System.CommandLine;
using System.CommandLine.Parsing;
using Cfc.Cli.Commands;
using Cfc.Cli.Hosting;

namespace Cfc.Cli;

/// <summary>The <c>cfc</c> entry point: parse with System.CommandLine, run, exit with a documented code.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        RootCommand root = CfcCommands.Build();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors: one line on stderr and exit code 2 (System.CommandLine's default would print the help and exit 1).
            // An unknown word is the one thing to say; System.CommandLine would add "Required command was not provided".
            string command = string.Join(' ', CommandPath(parse.CommandResult));
            string problem = parse.UnmatchedTokens.Count > 0
                ? $"unknown command or argument '{string.Join(' ', parse.UnmatchedTokens)}'."
                : string.Join(" ", parse.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            return CliRunner.Fail(CliExitCodes.Usage,
                $"{problem} See '{command} --help'.");
        }

        // Ctrl+C (SIGINT) cancels the token handed to the action; the action cancels the call in flight and
        // returns 130. The grace period is the time it has for that before the process is ended anyway.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static IEnumerable<string> CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Push(c.Parent is null ? "cfc" : c.Command.Name);
            }
        }

        return names;
    }
}
