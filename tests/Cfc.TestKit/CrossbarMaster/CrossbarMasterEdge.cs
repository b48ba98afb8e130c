using System.Diagnostics;

namespace Cfc.TestKit.CrossbarMaster;

/// <summary>
/// An edge node of its own, started by <see cref="CrossbarMasterKit.StartExtraEdgeAsync"/> and paired under its own node
/// id (to a management realm of its own, preferably), for a test that must not disturb the shared edge (e.g. one that shuts a
/// node down). Dispose stops it by PID if it still runs; it never touches the master.
/// </summary>
public sealed class CrossbarMasterEdge : IAsyncDisposable
{
    private int _disposed;

    internal CrossbarMasterEdge(string authId, string managementRealm, int pid, string? publicKey, string? nodeOid, string directory)
    {
        AuthId = authId;
        ManagementRealm = managementRealm;
        Pid = pid;
        PublicKey = publicKey;
        NodeOid = nodeOid;
        Directory = directory;
    }

    /// <summary>The node id (authid) it is paired under.</summary>
    public string AuthId { get; }

    /// <summary>The management realm it is paired to.</summary>
    public string ManagementRealm { get; }

    /// <summary>The process id of its node controller.</summary>
    public int Pid { get; }

    /// <summary>Its public key (64 hex characters), when known.</summary>
    public string? PublicKey { get; }

    /// <summary>The master's object id of the node, when known.</summary>
    public string? NodeOid { get; }

    /// <summary>Its run folder (node directory, log).</summary>
    public string Directory { get; }

    /// <summary>The edge's log so far (empty when there is none).</summary>
    public string ReadLog()
    {
        string path = Path.Combine(Directory, "edge.log");
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Waits (bounded) until the node process has ended on its own.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when it ended within <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(Pid);
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }

        using (process)
        {
            using var bound = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await CrossbarMasterKit.TerminateAsync(Pid, CancellationToken.None).ConfigureAwait(false);
    }
}
