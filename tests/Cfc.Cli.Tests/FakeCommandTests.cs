using System.Text.Json;
using Cfc.Cli.Tests.Tool;

namespace Cfc.Cli.Tests;

/// <summary>Every command of the installed tool, run as a process against <c>--fake</c>, with <c>--output json</c>.</summary>
public sealed class FakeCommandTests
{
    [Theory]
    [MemberData(nameof(FakeCommandTable.Cases), MemberType = typeof(FakeCommandTable))]
    public async Task Command_runs_against_the_fake_and_prints_what_the_fake_answered(int row, string commandLine)
    {
        (_, string[] args, string expect, int exit) = FakeCommandTable.Rows[row];
        CfcTool tool = await CfcTool.GetAsync();

        CfcRun run = await tool.RunAsync(["--fake", "-o", "json", .. args]);

        Assert.True(run.ExitCode == exit, $"{commandLine}: expected exit {exit}\n{run}");
        if (exit == 0)
        {
            // Streams (watch, monitor) write JSON lines; everything else exactly one JSON document.
            string compact = args[0] is "watch" or "monitor"
                ? run.Stdout.Trim()
                : JsonSerializer.Serialize(run.Json());
            Assert.True(compact.Contains(expect, StringComparison.Ordinal), $"{commandLine}: output lacks {expect}\n{run}");
            Assert.Equal(string.Empty, args[0] is "watch" ? string.Empty : run.Stderr);
        }
        else
        {
            Assert.Equal(string.Empty, run.Stdout);
            string line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("cfc: ", line);
            Assert.Contains(expect, line);
        }
    }
}
