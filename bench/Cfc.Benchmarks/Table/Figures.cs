using System.Diagnostics;

namespace Cfc.Benchmarks.Table;

/// <summary>What one caller measured: latency of sequential calls, then rate, CPU and allocation with many in flight.</summary>
/// <param name="MedianUs">Median of the sequential round trips, µs.</param>
/// <param name="P99Us">99th percentile of the sequential round trips, µs.</param>
/// <param name="PerSecond">Operations per second with many in flight.</param>
/// <param name="CpuUsPerOp">CPU time of the measuring process per operation in the loaded phase, µs.</param>
/// <param name="BytesPerOp">Bytes the measuring process allocated per sequential operation (NaN when not measurable).</param>
internal sealed record Figures(double MedianUs, double P99Us, double PerSecond, double CpuUsPerOp, double BytesPerOp);

/// <summary>Runs the two phases every call row uses and reads the process's CPU and allocation counters around them.</summary>
internal static class Measure
{
    /// <summary>Warm-up, <paramref name="sequential"/> timed calls, then <paramref name="loaded"/> calls with <paramref name="inFlight"/> concurrent.</summary>
    public static async Task<Figures> CallsAsync(Func<Task> call, int warmUp, int sequential, int loaded, int inFlight)
    {
        for (int i = 0; i < warmUp; i++)
        {
            await call();
        }

        double[] micros = new double[sequential];
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < sequential; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await call();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        double bytesPerCall = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / sequential;

        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        long loadedStart = Stopwatch.GetTimestamp();
        await InFlightAsync(call, loaded, inFlight);
        double seconds = Stopwatch.GetElapsedTime(loadedStart).TotalSeconds;
        double cpuUs = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds;

        return new Figures(Median(micros), P99(micros), loaded / seconds, cpuUs / loaded, bytesPerCall);
    }

    /// <summary>Keeps <paramref name="inFlight"/> calls running until <paramref name="total"/> have completed.</summary>
    public static Task InFlightAsync(Func<Task> call, int total, int inFlight)
    {
        int remaining = total;
        var workers = new Task[Math.Min(inFlight, total)];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Worker();
        }

        return Task.WhenAll(workers);

        async Task Worker()
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await call();
            }
        }
    }

    /// <summary>Median as the floor report computes it (mean of the two middle samples); sorts <paramref name="samples"/>.</summary>
    public static double Median(double[] samples)
    {
        Array.Sort(samples);
        int n = samples.Length;
        return n % 2 == 1 ? samples[n / 2] : (samples[(n / 2) - 1] + samples[n / 2]) / 2;
    }

    /// <summary>p99 = sorted[ceil(0.99 n) - 1]; sorts <paramref name="samples"/>.</summary>
    public static double P99(double[] samples)
    {
        Array.Sort(samples);
        return samples[(int)Math.Ceiling(samples.Length * 0.99) - 1];
    }
}
