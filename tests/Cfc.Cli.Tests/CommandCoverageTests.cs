using System.CommandLine;
using Cfc.Cli.Commands;

namespace Cfc.Cli.Tests;

/// <summary>The tool's command tree, checked for completeness of tests and help.</summary>
public sealed class CommandCoverageTests
{
    // Offline commands, and auth, which only a real master answers (the SDK flow is tested in Cfc.Master.Tests; cfc auth itself is not run by a test yet).
    private static readonly string[] Offline = ["key generate", "key show", "init", "auth"];

    [Fact]
    public void Every_command_that_talks_to_a_CFC_is_run_against_the_fake()
    {
        var tested = FakeCommandTable.Rows.Select(r => r.Path).ToHashSet();
        string[] missing = [.. Leaves(CfcCommands.Build(), "").Where(p => !tested.Contains(p) && !Offline.Contains(p))];
        Assert.True(missing.Length == 0, "not run against the fake: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_command_option_and_argument_has_a_description_for_help()
    {
        var undocumented = new List<string>();
        void Walk(Command c, string path)
        {
            if (string.IsNullOrWhiteSpace(c.Description))
            {
                undocumented.Add(path);
            }

            undocumented.AddRange(c.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
            undocumented.AddRange(c.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} <{a.Name}>"));
            foreach (Command sub in c.Subcommands)
            {
                Walk(sub, $"{path} {sub.Name}");
            }
        }

        Walk(CfcCommands.Build(), "cfc");
        Assert.Empty(undocumented);
    }

    private static IEnumerable<string> Leaves(Command command, string path)
    {
        if (!command.Subcommands.Any())
        {
            yield return path;
            yield break;
        }

        foreach (Command sub in command.Subcommands)
        {
            foreach (string leaf in Leaves(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }
}
