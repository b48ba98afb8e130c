using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Cfc.TestKit.CrossbarMaster;

/// <summary>
/// A real Crossbar.io master node plus a managed edge node on 127.0.0.1, for tests: an xunit async fixture
/// (use it as a collection fixture so one master serves the whole run).
/// <para>
/// Start: runs the shared kit's <c>setup.sh</c> (idempotent), then <c>start.sh --edge</c> with a fresh
/// <c>CBM_RUN</c> temp folder and a short <c>CROSSBAR_MASTER_TICK_PERIOD</c>, and parses the <c>KEY=value</c>
/// lines it prints. Dispose: <c>stop.sh</c> (stops by PID) and deletes the temp folder. Every wait is bounded;
/// a failed start throws with the script output and the tail of the master and edge logs.
/// </para>
/// <para>
/// With <c>CFC_MASTER_URL</c> and <c>CFC_MASTER_KEY_FILE</c> set (see <see cref="CrossbarMasterEnvironment"/>) it
/// uses a master someone runs themselves and starts nothing. Without them and without the kit folder it fails
/// with a message saying what to set; it never skips.
/// </para>
/// </summary>
public sealed class CrossbarMasterKit : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Bound for <c>setup.sh</c>: about 3 s when installed, minutes on a bare machine (apt).</summary>
    public static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Bound for <c>start.sh --edge</c> (master about 5 s, with edge about 10 s on a quiet machine).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Bound for <c>stop.sh</c> (it waits up to 20 s per process before SIGKILL).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(75);

    private const int LogTailLines = 30;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private string? _kitDirectory;
    private string? _runDirectory;
    private int _disposed;

    /// <summary>Every <c>KEY=value</c> line <c>start.sh</c> printed (or the environment's equivalents).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>True when the master came from <c>CFC_MASTER_URL</c> (nothing was started here).</summary>
    public bool IsExternal { get; private set; }

    /// <summary>The master's WebSocket URL (<c>MASTER_URL</c>).</summary>
    public Uri MasterUrl { get; private set; } = null!;

    /// <summary>The superuser's key file (<c>SUPERUSER_KEY</c>), Crossbar key-file format.</summary>
    public string SuperuserKeyFile { get; private set; } = null!;

    /// <summary>The superuser's public key, 64 hex characters (<c>SUPERUSER_PUBKEY</c>).</summary>
    public string SuperuserPublicKey { get; private set; } = null!;

    /// <summary>The authid the master gives the superuser (<c>SUPERUSER_AUTHID</c>, always <c>superuser</c>).</summary>
    public string SuperuserAuthId { get; private set; } = "superuser";

    /// <summary>The management realm the edge node is paired to (<c>EDGE_MREALM</c>).</summary>
    public string EdgeManagementRealm { get; private set; } = "lab";

    /// <summary>The edge node's node id, i.e. its authid in the management realm (<c>EDGE_AUTHID</c>).</summary>
    public string EdgeAuthId { get; private set; } = "edge1";

    /// <summary>The edge node's object id (<c>EDGE_NODE_OID</c>), when known.</summary>
    public string? EdgeNodeOid { get; private set; }

    /// <summary>The edge node's public key (<c>EDGE_PUBKEY</c>), when known.</summary>
    public string? EdgePublicKey { get; private set; }

    /// <summary>The master's log file (<c>MASTER_LOG</c>), when known.</summary>
    public string? MasterLogFile { get; private set; }

    /// <summary>The edge's log file (<c>EDGE_LOG</c>), when known.</summary>
    public string? EdgeLogFile { get; private set; }

    /// <summary>The folder with the kit's scripts and <c>client/</c> (e.g. <c>cbm_hello.py</c>); null for an external master.</summary>
    public string? KitDirectory => _kitDirectory;

    /// <summary>The <c>CBM_RUN</c> folder of this run (node folders, databases, keys, logs); null for an external master.</summary>
    public string? RunDirectory => _runDirectory;

    /// <summary>The kit's <c>client/</c> folder (holds the <c>cbm_hello</c> container component), when the kit is local.</summary>
    public string? ClientDirectory => _kitDirectory is null ? null : Path.Combine(_kitDirectory, "client");

    /// <summary>The global <c>domain.on_tick</c> period the master was started with.</summary>
    public TimeSpan TickPeriod { get; private set; } = TimeSpan.FromSeconds(300);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string? url = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.MasterUrl);
        if (!string.IsNullOrWhiteSpace(url))
        {
            UseExternal(url);
            return;
        }

        _kitDirectory = KitPaths.FindKitDirectory() ?? throw new InvalidOperationException(
            "The crossbar-master kit was not found: expected ../shared/crossbar-master beside the repository root " +
            $"({KitPaths.RepositoryRoot}). Lay the shared folder there, set {CrossbarMasterEnvironment.KitDirectory} " +
            $"to the kit folder, or point the tests at a master you run yourself with {CrossbarMasterEnvironment.MasterUrl} " +
            $"and {CrossbarMasterEnvironment.KeyFile} (see tests/Cfc.TestKit/README.md).");

        KitScript.Result setup = await KitScript.RunAsync(
            Path.Combine(_kitDirectory, "setup.sh"), [], new Dictionary<string, string>(), SetupTimeout, CancellationToken.None)
            .ConfigureAwait(false);
        if (!setup.Succeeded)
        {
            throw new InvalidOperationException($"crossbar-master setup.sh failed ({setup.Describe()}).");
        }

        _runDirectory = Directory.CreateTempSubdirectory("cbm-run-").FullName;
        await StartAsync(edgeOnly: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the edge node (SIGTERM by its PID, SIGKILL after <see cref="StopTimeout"/>), e.g. to watch it go
    /// offline. Only for a kit-started edge.
    /// </summary>
    public async Task StopEdgeAsync(CancellationToken cancellationToken = default)
    {
        EnsureLocal();
        string pidFile = Path.Combine(_runDirectory!, "edge.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        await TerminateAsync(pid, cancellationToken).ConfigureAwait(false);
        File.Delete(pidFile);
    }

    /// <summary>Starts the edge node again (<c>start.sh --edge</c> reuses the running master).</summary>
    public Task StartEdgeAsync()
    {
        EnsureLocal();
        return StartAsync(edgeOnly: true);
    }

    /// <summary>
    /// Starts one more edge node against the running master, paired to <paramref name="managementRealm"/> (created if
    /// needed) as <paramref name="authId"/>, in a folder of its own (start.sh reuses a running master when its run folder
    /// has the master's pid and URL files; the superuser key is shared). For tests that must not disturb the shared edge,
    /// e.g. shutting a node down. Only for a kit-started master; dispose the result to stop it.
    /// </summary>
    /// <param name="authId">The node id to pair it under (lower case letters, digits, '-' and '_').</param>
    /// <param name="managementRealm">
    /// The management realm to pair it to. Prefer a realm of its own: crossbar v22.6.1's node check loop iterates the
    /// realm's nodes while they may change, and a pairing or unpairing during a run stops that realm's loop for good (no
    /// more on_node_ready / on_node_shutdown there).
    /// </param>
    public async Task<CrossbarMasterEdge> StartExtraEdgeAsync(string authId, string managementRealm)
    {
        EnsureLocal();
        string directory = Path.Combine(_runDirectory!, "edge-" + authId);
        Directory.CreateDirectory(Path.Combine(directory, "keys"));
        foreach (string file in new[] { "master.pid", "master.url", Path.Combine("keys", "superuser.priv"), Path.Combine("keys", "superuser.pub") })
        {
            File.Copy(Path.Combine(_runDirectory!, file), Path.Combine(directory, file), overwrite: true);
        }

        Dictionary<string, string> environment = RunEnvironment();
        environment["CBM_RUN"] = directory;
        environment["MREALM"] = managementRealm;
        environment["EDGE_AUTHID"] = authId;
        KitScript.Result start = await KitScript.RunAsync(
            Path.Combine(_kitDirectory!, "start.sh"), ["--edge"], environment, StartTimeout, CancellationToken.None).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in start.StandardOutput.Split('\n'))
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..].Trim();
            }
        }

        string pidFile = Path.Combine(directory, "edge.pid");
        bool ready = start.StandardOutput.Split('\n').Any(line => line.Trim() == "READY");
        if (!start.Succeeded || !ready || !File.Exists(pidFile))
        {
            if (File.Exists(pidFile))
            {
                await TerminateAsync(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
            }

            throw new InvalidOperationException($"start.sh --edge for the extra edge '{authId}' did not print READY ({start.Describe()})");
        }

        return new CrossbarMasterEdge(
            authId, managementRealm, int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture),
            NullIfEmpty(values.GetValueOrDefault("EDGE_PUBKEY")), NullIfEmpty(values.GetValueOrDefault("EDGE_NODE_OID")), directory);
    }

    /// <summary>The master's log so far (empty when unknown), e.g. to read an activation code the master could not mail.</summary>
    public string ReadMasterLog() =>
        MasterLogFile is not null && File.Exists(MasterLogFile) ? ReadShared(MasterLogFile) : string.Empty;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || IsExternal || _runDirectory is null || _kitDirectory is null)
        {
            return;
        }

        KitScript.Result stop = await KitScript.RunAsync(
            Path.Combine(_kitDirectory, "stop.sh"), [], RunEnvironment(), StopTimeout, CancellationToken.None).ConfigureAwait(false);
        if (Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.KeepRunDirectory) != "1")
        {
            TryDelete(_runDirectory);
        }

        if (!stop.Succeeded)
        {
            throw new InvalidOperationException($"crossbar-master stop.sh failed ({stop.Describe()}); run folder {_runDirectory}.");
        }
    }

    /// <inheritdoc />
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    private async Task StartAsync(bool edgeOnly)
    {
        KitScript.Result start = await KitScript.RunAsync(
            Path.Combine(_kitDirectory!, "start.sh"), ["--edge"], RunEnvironment(), StartTimeout, CancellationToken.None)
            .ConfigureAwait(false);
        bool ready = start.StandardOutput.Split('\n').Any(line => line.Trim() == "READY");
        if (!start.Succeeded || !ready)
        {
            string logs = LogTails();
            if (!edgeOnly)
            {
                // stop whatever did start (by the PIDs start.sh wrote), so a failed start leaves no process behind
                await KitScript.RunAsync(Path.Combine(_kitDirectory!, "stop.sh"), [], RunEnvironment(), StopTimeout, CancellationToken.None)
                    .ConfigureAwait(false);
            }

            throw new InvalidOperationException(
                $"crossbar-master start.sh --edge did not print READY within {StartTimeout.TotalSeconds:0} s ({start.Describe()}){logs}");
        }

        foreach (string line in start.StandardOutput.Split('\n'))
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && line[..eq].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                _values[line[..eq]] = line[(eq + 1)..].Trim();
            }
        }

        MasterUrl = new Uri(Require("MASTER_URL"));
        SuperuserKeyFile = Require("SUPERUSER_KEY");
        SuperuserPublicKey = Require("SUPERUSER_PUBKEY");
        SuperuserAuthId = _values.GetValueOrDefault("SUPERUSER_AUTHID", "superuser");
        EdgeManagementRealm = Require("EDGE_MREALM");
        EdgeAuthId = Require("EDGE_AUTHID");
        EdgeNodeOid = NullIfEmpty(_values.GetValueOrDefault("EDGE_NODE_OID"));
        EdgePublicKey = NullIfEmpty(_values.GetValueOrDefault("EDGE_PUBKEY"));
        MasterLogFile = NullIfEmpty(_values.GetValueOrDefault("MASTER_LOG"));
        EdgeLogFile = NullIfEmpty(_values.GetValueOrDefault("EDGE_LOG"));
    }

    private void UseExternal(string url)
    {
        IsExternal = true;
        string keyFile = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.KeyFile) ?? string.Empty;
        if (string.IsNullOrWhiteSpace(keyFile) || !File.Exists(keyFile))
        {
            throw new InvalidOperationException(
                $"{CrossbarMasterEnvironment.MasterUrl} is set but {CrossbarMasterEnvironment.KeyFile} ('{keyFile}') is not an existing file: " +
                "set it to the superuser's key file (the one whose .pub the master was started with in CROSSBAR_FABRIC_SUPERUSER).");
        }

        MasterUrl = new Uri(url);
        SuperuserKeyFile = keyFile;
        SuperuserPublicKey = File.ReadAllLines(keyFile)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("public-key-ed25519:", StringComparison.Ordinal))
            .Select(line => line["public-key-ed25519:".Length..].Trim())
            .FirstOrDefault() ?? throw new InvalidOperationException($"{keyFile} has no 'public-key-ed25519:' line.");
        EdgeManagementRealm = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.EdgeManagementRealm) is { Length: > 0 } realm ? realm : "lab";
        EdgeAuthId = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.EdgeAuthId) is { Length: > 0 } authId ? authId : "edge1";
        EdgeNodeOid = NullIfEmpty(Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.EdgeNodeOid));
        EdgePublicKey = NullIfEmpty(Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.EdgePublicKey));
        MasterLogFile = NullIfEmpty(Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.MasterLog));
        _values["MASTER_URL"] = url;
        _values["SUPERUSER_KEY"] = keyFile;
        _values["SUPERUSER_PUBKEY"] = SuperuserPublicKey;
        _values["EDGE_MREALM"] = EdgeManagementRealm;
        _values["EDGE_AUTHID"] = EdgeAuthId;
    }

    private Dictionary<string, string> RunEnvironment()
    {
        string tick = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.TickPeriod) is { Length: > 0 } t ? t : "3";
        TickPeriod = TimeSpan.FromSeconds(double.Parse(tick, CultureInfo.InvariantCulture));
        return new Dictionary<string, string>
        {
            ["CBM_RUN"] = _runDirectory!,
            ["CROSSBAR_MASTER_TICK_PERIOD"] = tick,
        };
    }

    private string LogTails()
    {
        string text = string.Empty;
        foreach (string name in new[] { "master.log", "edge.log" })
        {
            string path = Path.Combine(_runDirectory!, name);
            if (File.Exists(path))
            {
                text += $"\n--- {name} (last {LogTailLines} lines) ---\n{KitScript.Tail(ReadShared(path), LogTailLines)}";
            }
        }

        return text;
    }

    /// <summary>Stops a process by PID: SIGTERM, then SIGKILL after <see cref="StopTimeout"/>.</summary>
    internal static async Task TerminateAsync(int pid, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return; // already gone
        }

        using (process)
        {
            // SIGTERM first so crossbar stops its worker processes itself.
            using (var kill = Process.Start(new ProcessStartInfo("kill", pid.ToString(CultureInfo.InvariantCulture)) { UseShellExecute = false }))
            {
                await kill!.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }

            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(StopTimeout);
            try
            {
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private void EnsureLocal()
    {
        if (IsExternal || _runDirectory is null)
        {
            throw new InvalidOperationException(
                $"Stopping, starting or adding an edge needs the kit-started master; with {CrossbarMasterEnvironment.MasterUrl} set this test cannot run.");
        }
    }

    private string Require(string key) =>
        _values.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"crossbar-master start.sh printed no {key}= line; got: {string.Join(", ", _values.Keys)}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a late log write; the temp folder is cleaned by the OS
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
