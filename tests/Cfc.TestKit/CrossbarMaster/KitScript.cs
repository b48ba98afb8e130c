using System.Diagnostics;
using System.Text;

namespace Cfc.TestKit.CrossbarMaster;

/// <summary>One run of a kit shell script: bounded by a timeout, its stdout and stderr captured.</summary>
internal static class KitScript
{
    /// <summary>What a script printed and how it ended.</summary>
    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
    {
        public bool Succeeded => !TimedOut && ExitCode == 0;

        public string Describe() =>
            (TimedOut ? "timed out" : $"exit code {ExitCode}") +
            $"\n--- stdout ---\n{Tail(StandardOutput, 40)}\n--- stderr ---\n{Tail(StandardError, 40)}";
    }

    /// <summary>Runs <c>bash script args</c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static async Task<Result> RunAsync(
        string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        info.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try
            {
                // Only the script's own process tree: what it launched with nohup has left the tree and is
                // stopped by PID through stop.sh.
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended just now
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!timedOut)
        {
            // flush the asynchronous readers
            process.WaitForExit();
        }

        lock (stdout)
        {
            lock (stderr)
            {
                return new Result(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut);
            }
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int lines)
    {
        string[] all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }
}
