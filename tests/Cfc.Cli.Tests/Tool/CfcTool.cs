using System.Diagnostics;
using System.Text;

namespace Cfc.Cli.Tests.Tool;

/// <summary>
/// The packed tool, installed the way users install it: <c>dotnet pack</c> of src/Cfc.Cli, then
/// <c>dotnet tool install --tool-path &lt;temp&gt;</c> from that folder only (a private NuGet cache, so a stale
/// package of the same version can never be picked up). Done once per test run and shared by every test class.
/// </summary>
public sealed class CfcTool
{
    private static readonly Lazy<Task<CfcTool>> Installed = new(InstallAsync);

    private CfcTool(string root, string executable)
    {
        Root = root;
        Executable = executable;
    }

    /// <summary>The temporary folder that holds the package, the tool and each test's config folders.</summary>
    public string Root { get; }

    /// <summary>The installed <c>cfc</c> command.</summary>
    public string Executable { get; }

    public static Task<CfcTool> GetAsync() => Installed.Value;

    /// <summary>A fresh, empty Crossbar configuration folder (what <c>~/.crossbar</c> is for a user).</summary>
    public string NewConfigDir()
    {
        string dir = Path.Combine(Root, "config-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs <c>cfc</c> to the end (at most <paramref name="timeout"/>) with an isolated configuration folder.</summary>
    public async Task<CfcRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        using CfcProcess process = Start(args, env);
        return await process.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public Task<CfcRun> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Starts <c>cfc</c> and returns while it runs (streams, Ctrl+C).</summary>
    public CfcProcess Start(string[] args, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        // No test reads or writes the real ~/.crossbar, and no CFC_* setting leaks in from the machine.
        foreach (string name in new[] { "CFC_URL", "CFC_KEY_FILE", "CFC_AUTHID", "CFC_REALM", "CFC_PROFILE", "CFC_OUTPUT", "CFC_SCHEME" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["CFC_CONFIG_DIR"] = Path.Combine(Root, "config-none");
        if (env is not null)
        {
            foreach ((string k, string v) in env)
            {
                info.Environment[k] = v;
            }
        }

        return new CfcProcess(Process.Start(info)!, args);
    }

    private static async Task<CfcTool> InstallAsync()
    {
        string root = Path.Combine(Path.GetTempPath(), "cfc-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);
        string packages = Path.Combine(root, "packages");
        Directory.CreateDirectory(packages);
        // The package, the installed tool and its private NuGet cache take about 50 MB: gone when the test run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        string project = Path.Combine(RepoPaths.Root, "src", "Cfc.Cli", "Cfc.Cli.csproj");

        // The test project references Cfc.Cli, so it is built already (same configuration); pack only packs.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        await DotnetAsync(["pack", project, "-c", configuration, "--no-build", "-o", packages], root);

        string config = Path.Combine(root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        string toolPath = Path.Combine(root, "tool");
        await DotnetAsync(["tool", "install", "--tool-path", toolPath, "--configfile", config, "Cfc.Cli"], root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-cache") });
        string exe = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "cfc.exe" : "cfc");
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"dotnet tool install did not create {exe}.");
        }

        return new CfcTool(root, exe);
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A tool process still running at exit keeps a file open; the folder is under the temp path.
        }
    }

    private static async Task DotnetAsync(string[] args, string workingDir, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDir,
        };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string k, string v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using Process p = Process.Start(info)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({p.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }
}
