using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cfc.Cli.Tests.Tool;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Cli.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
[CollectionDefinition("crossbar master")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
public sealed class CrossbarMasterCollection : ICollectionFixture<CrossbarMasterKit>;

/// <summary>
/// A scripted operator session with the installed <c>cfc</c> against the real Crossbar.io master and its edge node
/// (<c>../shared/crossbar-master</c>): status, realms, pairing with a watch on node-paired, nodes, workers, a router
/// realm started and stopped on the edge.
/// </summary>
[Collection("crossbar master")]
public sealed partial class RealMasterSessionTests(CrossbarMasterKit kit)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Dictionary<string, string> Env(CfcTool tool)
    {
        Assert.True(File.Exists(kit.SuperuserKeyFile), $"the kit's superuser key {kit.SuperuserKeyFile} is missing; run folder {kit.RunDirectory}: "
            + string.Join(", ", kit.RunDirectory is { } d && Directory.Exists(d) ? Directory.GetFileSystemEntries(d, "*", SearchOption.AllDirectories).Take(20) : ["(gone)"]));
        return new()
    {
        ["CFC_CONFIG_DIR"] = tool.NewConfigDir(),
        ["CFC_URL"] = kit.MasterUrl.ToString(),
        ["CFC_KEY_FILE"] = kit.SuperuserKeyFile,
        ["CFC_AUTHID"] = kit.SuperuserAuthId,
        ["CFC_SCHEME"] = "crossbar-master",
    };
    }

    [Fact]
    public async Task An_operator_session_status_realms_pair_with_watch_nodes_workers_and_a_router_realm()
    {
        CfcTool tool = await CfcTool.GetAsync();
        Dictionary<string, string> env = Env(tool);
        string lab = kit.EdgeManagementRealm;
        string edge = kit.EdgeAuthId;

        CfcRun status = await Ok(tool, env, "status", "-o", "json");
        Assert.Equal("domain", status.Json().GetProperty("type").GetString());
        CfcRun version = await Ok(tool, env, "version", "-o", "json");
        Assert.Equal(JsonValueKind.Object, version.Json().GetProperty("server").ValueKind);
        await Ok(tool, env, "license", "-o", "json");

        string realm = "cli" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        CfcRun created = await Ok(tool, env, "realms", "create", realm, "-o", "json");
        Assert.Equal(realm, created.Json().GetProperty("name").GetString());
        CfcRun realms = await Ok(tool, env, "realms", "list", "-o", "json");
        string[] names = [.. realms.Json().EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
        Assert.Contains(lab, names);
        Assert.Contains(realm, names);

        // Pair a node while another cfc watches node-paired: the event arrives as one JSON line.
        string pubkey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using (CfcProcess watch = tool.Start(["watch", "node-paired", "--count", "1", "-o", "json"], env))
        {
            await watch.WaitForAsync((_, err) => err.Contains("watching node-paired", StringComparison.Ordinal), Patience, "the watch to subscribe");
            CfcRun paired = await Ok(tool, env, "nodes", "pair", pubkey, "cli-node", "--realm", realm, "-o", "json");
            Assert.Equal(pubkey, paired.Json().GetProperty("pubkey").GetString());
            CfcRun watched = await watch.WaitAsync(Patience);
            Assert.True(watched.ExitCode == 0, watched.ToString());
            JsonElement evt = JsonDocument.Parse(watched.Stdout.Trim()).RootElement;
            Assert.Equal("node-paired", evt.GetProperty("event").GetString());
            Assert.Equal("cli-node", evt.GetProperty("node_id").GetString());
            Assert.Equal(realm, evt.GetProperty("realm_name").GetString());
        }

        CfcRun nodes = await Ok(tool, env, "nodes", "list", "--realm", lab, "-o", "json");
        JsonElement edgeRow = nodes.Json().EnumerateArray().Single(n => n.GetProperty("node").GetString() == edge);
        Assert.Equal("online", edgeRow.GetProperty("status").GetString());
        CfcRun unpaired = await Ok(tool, env, "nodes", "unpair", pubkey, "-o", "json");
        Assert.Equal(pubkey, unpaired.Json().GetProperty("pubkey").GetString());

        // A router worker on the edge, a realm in it, and both stopped again.
        string worker = "clirw" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        CfcRun started = await Ok(tool, env, "--realm", lab, "workers", "start", edge, worker, "--type", "router", "-o", "json");
        Assert.Equal(worker, started.Json().GetProperty("id").GetString());
        CfcRun workers = await Ok(tool, env, "--realm", lab, "workers", "list", edge, "-o", "json");
        Assert.Contains(workers.Json().EnumerateArray(), w => w.GetProperty("worker").GetString() == worker && w.GetProperty("type").GetString() == "router");

        CfcRun realmStarted = await Ok(tool, env, "--realm", lab, "router", "realms", "start", edge, worker, "realm1", "-o", "json");
        Assert.Equal("realm1", realmStarted.Json().GetProperty("id").GetString());
        CfcRun routerRealms = await Ok(tool, env, "--realm", lab, "router", "realms", "list", edge, worker, "-o", "json");
        Assert.Equal(["realm1"], routerRealms.Json().EnumerateArray().Select(r => r.GetString()));
        CfcRun realmStopped = await tool.RunAsync(["--realm", lab, "router", "realms", "stop", edge, worker, "realm1", "-o", "json"], env);
        if (realmStopped.ExitCode != 0)
        {
            // Upstream crossbar v22.6.1 fails every stop_router_realm (FACTS.md, discrepancy 1) unless the kit applied
            // the fix; cfc must then say so in one line with exit code 1, and stopping the worker ends the realm.
            Assert.True(realmStopped.ExitCode == 1, realmStopped.ToString());
            Assert.Contains("known bug of crossbar v22.6.1", realmStopped.Stderr);
        }

        CfcRun stopped = await Ok(tool, env, "--realm", lab, "workers", "stop", edge, worker, "-o", "json");
        Assert.Equal(worker, stopped.Json().GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_management_realm_command_for_an_offline_or_unknown_node_exits_1_with_the_servers_reason()
    {
        CfcTool tool = await CfcTool.GetAsync();

        CfcRun run = await tool.RunAsync(["--realm", kit.EdgeManagementRealm, "workers", "list", "no-such-node"], Env(tool));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("cfc: ", run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_new_key_is_activated_with_cfc_auth_and_the_code_the_master_sent()
    {
        Assert.False(kit.MasterLogFile is null, "this test reads the activation code from the master's log (set CFC_MASTER_LOG for an own master)");
        CfcTool tool = await CfcTool.GetAsync();
        string email = $"cli-{Guid.NewGuid():N}"[..12] + "@example.com";
        string configDir = tool.NewConfigDir();
        string keyFile = Path.Combine(configDir, "user.priv");
        await Ok(tool, new Dictionary<string, string> { ["CFC_CONFIG_DIR"] = configDir }, "key", "generate", "--key-file", keyFile, "--user-id", email, "-o", "json");
        var env = new Dictionary<string, string>
        {
            ["CFC_CONFIG_DIR"] = configDir,
            ["CFC_URL"] = kit.MasterUrl.ToString(),
            ["CFC_KEY_FILE"] = keyFile,
            ["CFC_SCHEME"] = "crossbar-master",
        };

        // A key the master does not know yet: refused (exit 1), the master mails a code (here: writes it to its log).
        CfcRun refused = await tool.RunAsync(["status"], env, Patience);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("cfc auth", refused.Stderr, StringComparison.Ordinal);
        string code = await ActivationCodeAsync(email);

        CfcRun activated = await Ok(tool, env, "auth", "--code", code, "-o", "json");
        Assert.True(activated.Json().GetProperty("activated").GetBoolean());

        CfcRun status = await Ok(tool, env, "status", "-o", "json");
        Assert.Equal("domain", status.Json().GetProperty("type").GetString());
    }

    private async Task<string> ActivationCodeAsync(string email)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Match found = ActivationCodeLine().Matches(kit.ReadMasterLog()).FirstOrDefault(m => m.Groups["email"].Value == email) ?? Match.Empty;
            if (found.Success)
            {
                return found.Groups["code"].Value;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    // "User registration mail sent to <email> with activation code XXXX-XXXX-XXXX"
    [GeneratedRegex(@"mail sent to (?<email>\S+) with activation code (?:\x1b\[[0-9;]*m)*(?<code>[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex ActivationCodeLine();

    private static async Task<CfcRun> Ok(CfcTool tool, Dictionary<string, string> env, params string[] args)
    {
        CfcRun run = await tool.RunAsync(args, env, Patience);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }
}
