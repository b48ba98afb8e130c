using Cfc.Master.Tests.Harness;
using Cfc.Quickstart;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>The quickstart tours a real master with --url and --key-file and the default options (the scheme is found at connect).</summary>
[Collection(MasterCollection.Name)]
public sealed class QuickstartTests(CrossbarMasterKit kit)
{
    [Fact]
    public async Task The_quickstart_tours_a_real_master()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        int exit = await QuickstartApp.RunAsync(
            ["--url", kit.MasterUrl.ToString(), "--key-file", kit.SuperuserKeyFile, "--authid", kit.SuperuserAuthId], output, error, timeout.Token);

        string text = output.ToString();
        Assert.True(exit == QuickstartApp.Success, $"exit {exit}\n{text}\n{error}");
        Assert.Contains("the server speaks CfcUriScheme.CrossbarMaster", text, StringComparison.Ordinal);
        Assert.Contains("Crossbar.io master 22.6.1", text, StringComparison.Ordinal);
        Assert.Contains("[event] OnRealmCreated: quickstart-", text, StringComparison.Ordinal);
        Assert.Contains("[event] OnNodePaired: node node1 in quickstart-", text, StringComparison.Ordinal);
        Assert.Contains("==> Done.", text, StringComparison.Ordinal);
    }
}
