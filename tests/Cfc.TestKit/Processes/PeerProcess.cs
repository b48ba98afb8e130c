using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Cfc.TestKit;

/// <summary>
/// A child process that speaks the peers' line protocol: one JSON object per stdout line. Its stdin stays open
/// for its whole life; closing it (on dispose, or when the test process dies) makes the peer exit, and dispose
/// also kills the process tree, so no peer outlives its test.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _junk = new();
    private readonly string _name;

    private readonly DataReceivedEventHandler _onStdout;
    private readonly DataReceivedEventHandler _onStderr;
    private int _disposed;

    private PeerProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        _onStdout = (_, e) => OnLine(e.Data);
        _onStderr = (_, e) => OnStderr(e.Data);
    }

    /// <summary>How long <see cref="NextAsync"/> waits for a line unless told otherwise: 20 s (a peer's interpreter may start slowly on CI).</summary>
    public static readonly TimeSpan DefaultLineTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static PeerProcess Start(string fileName, string workingDirectory, params IEnumerable<string> arguments)
    {
        ProcessStartInfo info = ChildProcessStart.Create(fileName, workingDirectory, arguments, keepStandardInputOpen: true);
        var process = new Process { StartInfo = info };
        var peer = new PeerProcess(process, Path.GetFileName(fileName) + " " + string.Join(' ', info.ArgumentList.Take(2)));
        process.OutputDataReceived += peer._onStdout;
        process.ErrorDataReceived += peer._onStderr;
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch
        {
            process.OutputDataReceived -= peer._onStdout;
            process.ErrorDataReceived -= peer._onStderr;
            process.Dispose();
            throw;
        }

        return peer;
    }

    /// <summary>What the process wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Waits for the next JSON line.</summary>
    /// <exception cref="TimeoutException">No line within <paramref name="timeout"/>; the message holds the process's stderr.</exception>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null)
    {
        TimeSpan wait = timeout ?? DefaultLineTimeout;
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_name}: no output within {wait.TotalSeconds} s.{Describe()}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"{_name} exited (code {ExitCodeText()}) without more output.{Describe()}");
        }
    }

    /// <summary>Waits for the next line and checks it has <paramref name="property"/>; returns that property.</summary>
    public async Task<JsonElement> ExpectAsync(string property, TimeSpan? timeout = null)
    {
        JsonElement line = await NextAsync(timeout);
        if (line.ValueKind != JsonValueKind.Object || !line.TryGetProperty(property, out JsonElement value))
        {
            throw new InvalidOperationException($"{_name}: expected a \"{property}\" line, got {line.GetRawText()}.{Describe()}");
        }

        return value;
    }

    /// <summary>
    /// Closes stdin (the peer exits by itself), kills the process tree if it is still there after 2 s, then waits
    /// (bounded) until the stdout/stderr readers have delivered their last line before the process is disposed, so
    /// no output callback runs against a disposed process. Idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone.
        }

        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _process.WaitForExitAsync(cts.Token); // also waits for the output streams' end
        }
        catch (OperationCanceledException)
        {
            KillTree();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        await DrainOutputAsync();
        _process.OutputDataReceived -= _onStdout;
        _process.ErrorDataReceived -= _onStderr;
        _lines.Writer.TryComplete();
        _process.Dispose();
    }

    // After the process exited, the parameterless WaitForExit returns once both async readers reached end of
    // stream. Bounded: a grandchild that inherited the pipes could keep them open; then (or when the process could
    // not be killed) reading is cancelled instead, so no callback is pending when the process is disposed.
    private async Task DrainOutputAsync()
    {
        bool drained = false;
        try
        {
            if (_process.HasExited)
            {
                await Task.Run(() => _process.WaitForExit()).WaitAsync(TimeSpan.FromSeconds(5));
                drained = true;
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // Not drained: cancel below.
        }

        if (!drained)
        {
            try
            {
                _process.CancelOutputRead();
                _process.CancelErrorRead();
            }
            catch (InvalidOperationException)
            {
                // Reading was not started or is already over.
            }
        }
    }

    // When it could not be killed, reading is cancelled instead of drained (DrainOutputAsync).
    private void KillTree() => ChildProcessStart.KillTree(_process);

    private void OnStderr(string? data)
    {
        if (data is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(data);
            }
        }
    }

    private void OnLine(string? data)
    {
        if (data is null)
        {
            _lines.Writer.TryComplete(); // stdout ended: the process is exiting
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(data);
            _lines.Writer.TryWrite(doc.RootElement.Clone());
        }
        catch (JsonException)
        {
            // Not a protocol line (e.g. a library printing to stdout): keep it for the failure message.
            lock (_junk)
            {
                _junk.AppendLine(data);
            }
        }
    }

    private string ExitCodeText()
    {
        try
        {
            return _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running";
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private string Describe()
    {
        string junk;
        lock (_junk)
        {
            junk = _junk.ToString();
        }

        return $"{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}" +
            (junk.Length > 0 ? $"{Environment.NewLine}other stdout:{Environment.NewLine}{junk}" : string.Empty);
    }
}
