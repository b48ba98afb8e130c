using Cfc.TestKit;

namespace Cfc.Interop.Tests.Harness;

/// <summary>The interop peers: their folders (found through <see cref="RepoPaths"/>), the interpreters, and starting a Node peer.</summary>
internal static class InteropPeers
{

    /// <summary><c>tests/interop-peers</c>: router.js and the autobahn-js peers, with node_modules installed.</summary>
    public static string PeersDirectory
    {
        get
        {
            string dir = RepoPaths.InRepo("tests", "interop-peers");
            if (!Directory.Exists(Path.Combine(dir, "node_modules", "fox-wamp")) || !Directory.Exists(Path.Combine(dir, "node_modules", "autobahn")))
            {
                throw new InvalidOperationException($"The interop peers are not installed in {dir}. Run scripts/setup-test-deps.sh (or ./test.sh) first.");
            }

            return dir;
        }
    }

    /// <summary><c>tests/interop-peers/python</c>: the autobahn-python peer (needs no npm install, only Debian's python3-autobahn).</summary>
    public static string PythonPeersDirectory => RepoPaths.InRepo("tests", "interop-peers", "python");

    /// <summary>The <c>node</c> executable found on PATH.</summary>
    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException("node was not found on PATH; the interop tests need Node 20 or later.");

    /// <summary>Debian's interpreter, which sees the python3-autobahn package (another python3 may come first on PATH).</summary>
    public const string DebianPython = "/usr/bin/python3";

    /// <summary>Starts a Node script from the peers folder.</summary>
    public static PeerProcess StartNode(string script, params IEnumerable<string> arguments) =>
        PeerProcess.Start(Node, PeersDirectory, [script, .. arguments]);

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
