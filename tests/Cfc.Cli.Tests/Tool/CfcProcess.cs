using System.Diagnostics;
using System.Text;

namespace Cfc.Cli.Tests.Tool;

/// <summary>A running <c>cfc</c>: its output as it comes, Ctrl+C (SIGINT), and the end.</summary>
public sealed class CfcProcess : IDisposable
{
    private readonly Process _process;
    private readonly string[] _args;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readOut;
    private readonly Task _readErr;

    internal CfcProcess(Process process, string[] args)
    {
        _process = process;
        _args = args;
        _process.StandardInput.Close();
        _readOut = Pump(process.StandardOutput, _stdout);
        _readErr = Pump(process.StandardError, _stderr);
    }

    public int Id => _process.Id;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Polls until <paramref name="condition"/> holds on (stdout, stderr), or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<string, string, bool> condition, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition(Stdout, Stderr))
        {
            if (_process.HasExited && !condition(Stdout, Stderr))
            {
                await Task.WhenAll(_readOut, _readErr);
                if (condition(Stdout, Stderr))
                {
                    return;
                }

                throw new InvalidOperationException($"cfc {string.Join(' ', _args)} exited ({_process.ExitCode}) before {what}.\n{Stdout}\n{Stderr}");
            }

            if (sw.Elapsed > timeout)
            {
                throw new TimeoutException($"cfc {string.Join(' ', _args)}: no {what} within {timeout.TotalSeconds} s.\n{Stdout}\n{Stderr}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends, to the process (by its id).</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public async Task<CfcRun> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cfc {string.Join(' ', _args)} did not end within {timeout.TotalSeconds} s.\n{Stdout}\n{Stderr}");
        }

        await Task.WhenAll(_readOut, _readErr);
        return new CfcRun(_args, _process.ExitCode, Stdout, Stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        char[] buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, n);
            }
        }
    }
}
