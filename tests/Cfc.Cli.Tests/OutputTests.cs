using System.Text.Json;
using Cfc.Cli.Tests.Tool;

namespace Cfc.Cli.Tests;

/// <summary>Tables for people, JSON and YAML for scripts, JSON lines for streams.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task Tables_are_the_default()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("--fake", "nodes", "list");

        Assert.Equal(0, run.ExitCode);
        string header = run.Stdout.Split('\n')[1];
        Assert.Matches(@"│ node\s+│ realm\s+│ status\s+│ pubkey\s+│ oid\s+│", header);
        Assert.Matches(@"│ node2\s+│ lab\s+│ offline\s+│", run.Stdout);
    }

    [Fact]
    public async Task Yaml_is_block_style_and_quotes_what_would_read_back_differently()
    {
        CfcRun realm = await (await CfcTool.GetAsync()).RunAsync("--fake", "-o", "yaml", "realms", "show", "lab");
        CfcRun nodes = await (await CfcTool.GetAsync()).RunAsync("--fake", "--output", "yaml", "nodes", "list");

        Assert.Equal(0, realm.ExitCode);
        Assert.Contains("\nname: lab\n", "\n" + realm.Stdout);
        Assert.StartsWith("- node: node1\n  realm: lab\n  status: online\n", nodes.Stdout);
    }

    [Fact]
    public async Task The_output_format_can_come_from_the_environment()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync(["--fake", "realms", "list"], new Dictionary<string, string> { ["CFC_OUTPUT"] = "json" });

        Assert.Equal(JsonValueKind.Array, run.Json().ValueKind);
    }

    [Fact]
    public async Task Watch_writes_one_JSON_document_per_line()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("--fake", "-o", "json", "watch", "tick", "--count", "2");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        long[] ticks = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("tick").GetInt64())];
        Assert.True(ticks[1] > ticks[0], run.ToString());
        Assert.Contains("watching tick", run.Stderr);
    }
}
