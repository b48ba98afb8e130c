using System.Text.Json;
using Cfc.Cli.Tests.Tool;

namespace Cfc.Cli.Tests;

/// <summary>Keys and profiles in the files crossbar shell uses, and the settings that override them.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task Key_generate_writes_a_Crossbar_key_pair_with_a_0600_private_file_and_never_prints_the_secret()
    {
        CfcTool tool = await CfcTool.GetAsync();
        string dir = tool.NewConfigDir();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = dir };

        CfcRun generated = await tool.RunAsync(["key", "generate", "--user-id", "alice@example.com", "-o", "json"], env);
        CfcRun shown = await tool.RunAsync(["key", "show", "-o", "json"], env);

        Assert.Equal(0, generated.ExitCode);
        Assert.Equal(0, shown.ExitCode);
        string priv = Path.Combine(dir, "default.priv");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(priv));
        }

        string[] lines = File.ReadAllLines(priv);
        string secret = lines.Single(l => l.StartsWith("private-key-ed25519: ", StringComparison.Ordinal))["private-key-ed25519: ".Length..];
        string publicKey = generated.Json().GetProperty("public_key").GetString()!;
        Assert.Contains($"public-key-ed25519: {publicKey}", lines);
        Assert.Contains("user-id: alice@example.com", lines);
        Assert.DoesNotContain("private-key", File.ReadAllText(Path.Combine(dir, "default.pub")));
        Assert.Equal(publicKey, shown.Json().GetProperty("public_key").GetString());
        Assert.Equal("alice@example.com", shown.Json().GetProperty("user_id").GetString());
        Assert.Equal("0600", shown.Json().GetProperty("file_mode").GetString());
        foreach (CfcRun run in new[] { generated, shown })
        {
            Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Key_generate_does_not_overwrite_a_key_without_force()
    {
        CfcTool tool = await CfcTool.GetAsync();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = tool.NewConfigDir() };
        await tool.RunAsync(["key", "generate"], env);

        CfcRun again = await tool.RunAsync(["key", "generate"], env);
        CfcRun forced = await tool.RunAsync(["key", "generate", "--force"], env);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists; pass --force", again.Stderr);
        Assert.Equal(0, forced.ExitCode);
    }

    [Fact]
    public async Task Init_creates_a_profile_that_later_commands_use_to_log_in_with_the_key_files_user_id()
    {
        CfcTool tool = await CfcTool.GetAsync();
        await using TestCfc cfc = await TestCfc.StartAsync();
        string dir = tool.NewConfigDir();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = dir };

        CfcRun init = await tool.RunAsync(["init", "--url", cfc.Url, "--user-id", "alice@example.com", "-o", "json"], env);
        Assert.Equal(0, init.ExitCode);
        cfc.AddOwner("alice@example.com", init.Json().GetProperty("public_key").GetString()!);
        CfcRun realms = await tool.RunAsync(["realms", "list", "-o", "json"], env);

        string ini = File.ReadAllText(Path.Combine(dir, "config.ini"));
        Assert.Contains("[default]", ini);
        Assert.Contains($"url={cfc.Url}", ini);
        Assert.Contains("privkey=default.priv", ini);
        Assert.Contains("pubkey=default.pub", ini);
        Assert.True(realms.ExitCode == 0, realms.ToString());
        Assert.Equal("lab", realms.Json()[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_crossbar_shell_config_ini_profile_is_read_and_options_and_environment_override_it()
    {
        CfcTool tool = await CfcTool.GetAsync();
        await using TestCfc cfc = await TestCfc.StartAsync();
        string dir = tool.NewConfigDir();
        var env = new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = dir };
        CfcRun key = await tool.RunAsync(["key", "generate", "--name", "ops", "--user-id", "ops@example.com", "-o", "json"], env);
        cfc.AddOwner("ops@example.com", key.Json().GetProperty("public_key").GetString()!);
        // As crossbar shell writes it: spaces around '=', key paths relative to ~/.crossbar, a comment.
        File.WriteAllText(Path.Combine(dir, "config.ini"), $"""
            # written by hand
            [default]
            url = ws://127.0.0.1:1/ws
            privkey = ops.priv
            pubkey = ops.pub

            [lab]
            url = {cfc.Url}
            privkey = ops.priv
            pubkey = ops.pub
            """);

        CfcRun viaProfile = await tool.RunAsync(["--profile", "lab", "status", "-o", "json"], env);
        CfcRun viaDefaultRefused = await tool.RunAsync(["status"], env);
        CfcRun viaUrlOption = await tool.RunAsync(["--url", cfc.Url, "status", "-o", "json"], env);
        CfcRun viaEnvironment = await tool.RunAsync(["status", "-o", "json"], new Dictionary<string, string>(env) { ["CFC_URL"] = cfc.Url, ["CFC_REALM"] = "lab" });
        CfcRun unknownProfile = await tool.RunAsync(["--profile", "nope", "status"], env);

        Assert.True(viaProfile.ExitCode == 0, viaProfile.ToString());
        Assert.Equal(3, viaDefaultRefused.ExitCode);
        Assert.True(viaUrlOption.ExitCode == 0, viaUrlOption.ToString());
        Assert.True(viaEnvironment.ExitCode == 0, viaEnvironment.ToString());
        Assert.Equal("lab", viaEnvironment.Json().GetProperty("realm").GetString());
        Assert.Equal(2, unknownProfile.ExitCode);
        Assert.Contains("no profile [nope]", unknownProfile.Stderr);
    }
}
