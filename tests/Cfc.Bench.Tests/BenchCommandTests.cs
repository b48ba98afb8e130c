using System.Diagnostics;
using System.Text;

namespace Cfc.Bench.Tests;

/// <summary>
/// The one command of docs/performance.md (scripts/bench.sh) in quick mode: it must finish and print the
/// side-by-side table with every row filled. What the figures are is not checked (they depend on the machine).
/// </summary>
public sealed class BenchCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(15);

    /// <summary>Row id, and the cells (by column: 2 median, 4 per second, 6 allocated) that must hold a figure.</summary>
    public static TheoryData<string, int[]> Rows => new()
    {
        { "a1", [2, 3, 4, 5, 6] },
        { "a2", [2, 4, 6] },
        { "a3", [2, 4, 6, 7] },
        { "a4", [2, 4, 6, 7] },
        { "a5", [2, 4, 6, 7] },
        { "b1", [2, 3, 4, 5, 6, 7] },
        { "b2", [2, 3, 4, 5, 6, 7] },
        { "b3", [2, 3, 4, 5, 6, 7] },
        { "b4", [4, 7] },
        { "b5", [4, 7] },
        { "b6", [4, 7] },
        { "c1", [2, 3, 4, 5, 6, 7] },
        { "c2", [2, 3, 4, 5] },
        { "d1", [2, 3, 4, 5, 6, 7] },
        { "d2", [2, 3, 4, 5] },
        { "e1", [2, 4, 6, 7] },
    };

    [Fact]
    public async Task Quick_mode_prints_the_whole_side_by_side_table()
    {
        string output = await QuickRun.Output.Value;

        Assert.Contains("| row | scenario | median | p99 | per second | CPU / op | allocated / op | ratios (same run) |", output);
        string[] ids = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Split('|')[1].Trim()).ToArray();
        Assert.Equal(["row", .. Rows.Select(r => (string)r[0])], ids);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_row_holds_its_figures(string id, int[] filledCells)
    {
        string output = await QuickRun.Output.Value;

        string row = Assert.Single(output.Split('\n'), l => l.StartsWith($"| {id} |", StringComparison.Ordinal));
        string[] cells = row.Split('|')[1..^1].Select(c => c.Trim()).ToArray();
        Assert.Equal(8, cells.Length);
        foreach (int cell in filledCells)
        {
            Assert.True(cells[cell] != "-" && cells[cell].Any(char.IsDigit), $"row {id}, column {cell + 1} has no figure: {row}");
        }
    }

    /// <summary>One quick run shared by every test of the class (it takes a minute or two plus the master's start).</summary>
    private static class QuickRun
    {
        public static readonly Lazy<Task<string>> Output = new(RunAsync);

        private static async Task<string> RunAsync()
        {
            string root = RepoPaths.Root;
            // The benchmark was built with this test (project reference), in this test's configuration.
            string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            var info = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            info.ArgumentList.Add(Path.Combine(root, "scripts", "bench.sh"));
            info.ArgumentList.Add("--quick");
            info.Environment["BENCH_NO_BUILD"] = "1";
            info.Environment["BENCH_CONFIGURATION"] = configuration;

            using Process process = Process.Start(info)!;
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.BeginErrorReadLine();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Bound);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"scripts/bench.sh --quick did not finish within {Bound.TotalMinutes} minutes. Its stderr:\n{errors}");
            }

            string output = await stdout;
            Assert.True(process.ExitCode == 0, $"scripts/bench.sh --quick exited with {process.ExitCode}. stdout:\n{output}\nstderr:\n{errors}");
            return output;
        }
    }
}
