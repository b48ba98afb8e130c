using System.Diagnostics;
using System.Text;

namespace Cfc.TestKit;

/// <summary>How every child process of the test suite is started: no shell, output redirected as UTF-8, an explicit environment.</summary>
internal static class ChildProcessStart
{
    /// <summary>The start info for <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="workingDirectory">The child's working directory.</param>
    /// <param name="arguments">The arguments, passed as a list (no shell quoting).</param>
    /// <param name="environment">Variables to set; a <see langword="null"/> value removes the variable from the child's environment.</param>
    /// <param name="keepStandardInputOpen">Redirect stdin too (a peer that exits when its stdin closes).</param>
    public static ProcessStartInfo Create(
        string fileName, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, bool keepStandardInputOpen = false)
    {
        ProcessStartInfo info = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = keepStandardInputOpen,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Kills the process and everything it started, then waits (bounded) for it to be gone. Never throws.</summary>
    /// <param name="process">A started process.</param>
    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Exited meanwhile, or could not be killed.
        }
    }
}
