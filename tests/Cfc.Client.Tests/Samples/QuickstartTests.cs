using Cfc.Quickstart;

namespace Cfc.Client.Tests.Samples;

/// <summary>Runs the quickstart's entry in-process, against the in-process fake it starts by itself.</summary>
public class QuickstartTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int exit = await QuickstartApp.RunAsync(args, output, error, timeout.Token).WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Without_url_it_tours_the_fake_and_exits_0()
    {
        (int exit, string output, string error) = await RunAsync();

        Assert.True(exit == 0, error);
        Assert.Contains("starting an in-process fake CFC", output);
        Assert.Contains("CFC v17.8.1, realm com.crossbario.fabric", output);
        Assert.Contains("[event] OnRealmCreated: quickstart-", output);
        Assert.Contains("[event] OnNodePaired: node node1", output);
        Assert.Contains("workers of node1: worker1, container1, proxy1", output);
        Assert.Contains("[event] OnTick: tick", output);
        Assert.Contains("[event] OnNodeUnpaired: node node1", output);
        Assert.Contains("[event] OnRealmDeleted: quickstart-", output);
        Assert.EndsWith("==> Done.", output.TrimEnd());
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--url")]
    [InlineData("--url", "http://example.com/ws", "--key-file", "k.priv")]
    [InlineData("--url", "ws://127.0.0.1:1/ws")]
    [InlineData("--key-file", "k.priv")]
    [InlineData("--realm", "")]
    [InlineData("--url", "ws://127.0.0.1:1/ws", "--key-file", " ")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        (int exit, string output, string error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error);
        Assert.Contains("--help", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        (int exit, string output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("--key-file PATH", output);
    }

    [Fact]
    public async Task An_unreachable_cfc_exits_1_with_a_message()
    {
        string keyFile = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.priv");
        await File.WriteAllTextAsync(keyFile, "user-id: a@example.com\nprivate-key-ed25519: " + new string('1', 64) + "\n");
        try
        {
            // A port nobody listens on: take a free one and release it.
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            (int exit, _, string error) = await RunAsync("--url", $"ws://127.0.0.1:{port}/ws", "--key-file", keyFile);

            Assert.Equal(1, exit);
            Assert.StartsWith("error: ", error);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
