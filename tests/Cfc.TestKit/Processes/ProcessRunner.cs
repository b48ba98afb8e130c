using System.Diagnostics;
using System.Text;

namespace Cfc.TestKit;

/// <summary>The outcome of a finished child process: exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output, then standard error.</summary>
    public string Combined => StandardOutput + Environment.NewLine + StandardError;
}

/// <summary>
/// Runs a child process to completion with a hard timeout. Output is drained asynchronously (a full pipe would
/// block the child), and on timeout the whole process tree is killed so no test leaves anything running.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and returns its exit code and output.</summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (it was killed, with its children).</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ProcessStartInfo info = ChildProcessStart.Create(fileName, workingDirectory, arguments, environment);
        using Process process = new() { StartInfo = info };
        StringBuilder stdout = new();
        StringBuilder stderr = new();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using CancellationTokenSource cts = new(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            ChildProcessStart.KillTree(process);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.\n{stdout}\n{stderr}");
        }

        // WaitForExitAsync returns after the redirected streams hit EOF, so the buffers are complete here.
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }
}
