using System.Net;
using System.Net.Sockets;
using Cfc.Cli.Tests.Tool;

namespace Cfc.Cli.Tests;

/// <summary>Bad input and refusals: the documented exit code and one line on stderr that says what to do.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("realms", "lsit");

        AssertOneLineError(run, 2, "unknown command or argument 'lsit'. See 'cfc realms --help'.");
    }

    [Fact]
    public async Task Bad_JSON_is_a_usage_error_that_shows_how_to_quote()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("--fake", "call", "com.example.add2", "{bad");

        AssertOneLineError(run, 2, "argument 1 ({bad) is not valid JSON");
        Assert.Contains("the shell needs single quotes", run.Stderr);
    }

    [Fact]
    public async Task A_key_file_without_a_private_key_is_a_usage_error_that_names_the_file()
    {
        CfcTool tool = await CfcTool.GetAsync();
        string dir = tool.NewConfigDir();
        string pub = Path.Combine(dir, "someone.pub");
        File.WriteAllText(pub, "public-key-ed25519: " + new string('a', 64) + "\n");

        CfcRun run = await tool.RunAsync("--url", "ws://127.0.0.1:9/ws", "--key-file", pub, "status");

        AssertOneLineError(run, 2, $"Key file '{pub}' has no 'private-key-ed25519: <64 hex>' line. It has only a public key");
    }

    [Fact]
    public async Task A_refused_connection_exits_3_and_names_the_url()
    {
        CfcTool tool = await CfcTool.GetAsync();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = tool.NewConfigDir() };
        await tool.RunAsync(["key", "generate"], env);
        // A port that was free a moment ago and has nothing listening now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        CfcRun run = await tool.RunAsync(["--url", $"ws://127.0.0.1:{port}/ws", "status"], env);

        AssertOneLineError(run, 3, $"cannot connect to ws://127.0.0.1:{port}/ws: Connection refused; check --url");
    }

    [Fact]
    public async Task A_login_the_server_refuses_exits_1()
    {
        CfcTool tool = await CfcTool.GetAsync();
        await using TestCfc cfc = await TestCfc.StartAsync();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = tool.NewConfigDir() };
        await tool.RunAsync(["key", "generate", "--user-id", "stranger@example.com"], env);

        CfcRun run = await tool.RunAsync(["--url", cfc.Url, "status"], env);

        AssertOneLineError(run, 1, "check --key-file and --authid");
    }

    [Fact]
    public async Task No_url_anywhere_is_a_usage_error_that_lists_the_ways_to_give_one()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("status");

        AssertOneLineError(run, 2, "no CFC URL: pass --url");
    }

    [Fact]
    public async Task A_node_command_without_a_management_realm_says_to_pass_realm()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("--fake", "workers", "list", "node1");

        AssertOneLineError(run, 2, "pass --realm <name>");
    }

    [Fact]
    public async Task Something_that_does_not_exist_is_the_server_refusing_with_its_error()
    {
        CfcRun run = await (await CfcTool.GetAsync()).RunAsync("--fake", "realms", "show", "nope");

        AssertOneLineError(run, 1, "crossbar.error.no_such_object");
    }

    private static void AssertOneLineError(CfcRun run, int exitCode, string expected)
    {
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}\n{run}");
        Assert.Equal(string.Empty, run.Stdout);
        string line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cfc: ", line);
        Assert.Contains(expected, line);
    }
}
