using System.Diagnostics;
using System.Text;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// A process the table starts (our serve process, Node or Python peers): its output is read line by line; it is
/// told to stop by closing its standard input, and killed by its PID if it has not exited a few seconds later.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly string _name;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/>; <paramref name="environment"/> entries are added.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var child = new ChildProcess(process, Path.GetFileName(file) + " " + string.Join(' ', info.ArgumentList));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._errors)
                {
                    child._errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>This benchmark program again, with <paramref name="arguments"/> (works under <c>dotnet x.dll</c> and the apphost).</summary>
    public static ChildProcess StartSelf(params string[] arguments)
    {
        string path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        bool viaHost = Path.GetFileNameWithoutExtension(path) == "dotnet";
        return Start(path, viaHost ? [typeof(ChildProcess).Assembly.Location, .. arguments] : arguments);
    }

    /// <summary>Reads lines until one satisfies <paramref name="accept"/>; fails with the process's stderr if it exits or times out first.</summary>
    public async Task<string> ReadLineAsync(Func<string, bool> accept, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                string? line = await _process.StandardOutput.ReadLineAsync(cts.Token);
                if (line is null)
                {
                    throw new InvalidOperationException($"'{_name}' ended before it printed what the benchmark waits for. Its stderr:\n{Errors}");
                }

                if (accept(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"'{_name}' printed nothing usable within {timeout.TotalSeconds:F0} s. Its stderr:\n{Errors}");
        }
    }

    /// <summary>Reads KEY=value lines until READY and returns them.</summary>
    public async Task<Dictionary<string, string>> ReadUntilReadyAsync(TimeSpan timeout)
    {
        var values = new Dictionary<string, string>();
        await ReadLineAsync(line =>
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }

            return line == "READY";
        }, timeout);
        return values;
    }

    /// <summary>Waits for the process to exit on its own.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{_name}' did not exit within {timeout.TotalSeconds:F0} s. Its stderr:\n{Errors}");
        }

        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{_name}' exited with code {_process.ExitCode}. Its stderr:\n{Errors}");
        }
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // already gone
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }
}
