using Cfc.Cli.Tests.Tool;
using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.Cli.Tests;

/// <summary>Ctrl+C (SIGINT): the call in flight is cancelled on the wire and the tool exits 130.</summary>
public sealed class InterruptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ctrl_C_cancels_the_call_in_flight_with_a_WAMP_cancel_and_exits_130()
    {
        CfcTool tool = await CfcTool.GetAsync();
        await using TestCfc cfc = await TestCfc.StartAsync();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = tool.NewConfigDir() };
        CfcRun key = await tool.RunAsync(["key", "generate", "--user-id", "alice@example.com", "-o", "json"], env);
        cfc.AddOwner("alice@example.com", key.Json().GetProperty("public_key").GetString()!);
        await using CfcClient callee = await cfc.ConnectUserAsync("callee@example.com");
        var invoked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WampRegistration slow = await callee.Wamp.RegisterAsync("com.example.slow", async (_, ct) =>
        {
            invoked.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return default;
        });

        using CfcProcess cfcProcess = tool.Start(["--url", cfc.Url, "--realm", "lab", "call", "com.example.slow"], env);
        await invoked.Task.WaitAsync(Patience);
        cfcProcess.Interrupt();
        CfcRun run = await cfcProcess.WaitAsync(Patience);

        await cancelled.Task.WaitAsync(Patience);
        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Equal("cfc: interrupted; the call in flight was cancelled.", run.Stderr.Trim());
    }

    [Fact]
    public async Task Ctrl_C_ends_watch_with_exit_130()
    {
        CfcTool tool = await CfcTool.GetAsync();
        using CfcProcess watch = tool.Start(["--fake", "-o", "json", "watch", "tick"]);
        await watch.WaitForAsync((stdout, _) => stdout.Contains("\"event\":\"tick\"", StringComparison.Ordinal), Patience, "first tick");

        watch.Interrupt();
        CfcRun run = await watch.WaitAsync(Patience);

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.EndsWith("cfc: interrupted; the call in flight was cancelled.", run.Stderr.Trim());
    }
}
