namespace Cfc.Interop.Tests.Harness;

/// <summary>Finds the repository (by walking up to Cfc.Client.sln), the peers folder and the interpreters.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary><c>tests/interop-peers</c>: router.js and the autobahn-js peers, with node_modules installed.</summary>
    public static string PeersDirectory
    {
        get
        {
            string dir = Path.Combine(RepoRoot, "tests", "interop-peers");
            if (!Directory.Exists(Path.Combine(dir, "node_modules", "fox-wamp")) || !Directory.Exists(Path.Combine(dir, "node_modules", "autobahn")))
            {
                throw new InvalidOperationException($"The interop peers are not installed in {dir}. Run scripts/setup-test-deps.sh (or ./test.sh) first.");
            }

            return dir;
        }
    }

    /// <summary><c>tests/interop-peers/python</c>: the autobahn-python peer (needs no npm install, only Debian's python3-autobahn).</summary>
    public static string PythonPeersDirectory => Path.Combine(RepoRoot, "tests", "interop-peers", "python");

    /// <summary>The <c>node</c> executable found on PATH.</summary>
    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException("node was not found on PATH; the interop tests need Node 20 or later.");

    /// <summary>Debian's interpreter, which sees the python3-autobahn package (another python3 may come first on PATH).</summary>
    public const string DebianPython = "/usr/bin/python3";

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cfc.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cfc.Client.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string? FindOnPath(string name)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }
}
