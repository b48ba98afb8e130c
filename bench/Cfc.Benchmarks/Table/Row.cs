using System.Globalization;

namespace Cfc.Benchmarks.Table;

/// <summary>One line of the side-by-side table. Empty cells are "-"; <see cref="Ratios"/> compares with the floor or the peer of the same run.</summary>
internal sealed record Row(string Id, string Scenario)
{
    public string Median { get; init; } = "-";
    public string P99 { get; init; } = "-";
    public string Rate { get; init; } = "-";
    public string Cpu { get; init; } = "-";
    public string Alloc { get; init; } = "-";
    public string Ratios { get; init; } = "-";

    public static string Us(double micros) => double.IsNaN(micros) ? "-" : F(micros < 10 ? "{0:F2} µs" : "{0:F0} µs", micros);

    public static string Ns(double nanos) => F("{0:F0} ns", nanos);

    public static string PerSecond(double rate, string unit) =>
        rate >= 1e6 ? F("{0:F2}M {1}/s", rate / 1e6, unit) : rate >= 1e3 ? F("{0:F1}k {1}/s", rate / 1e3, unit) : F("{0:F0} {1}/s", rate, unit);

    public static string Bytes(double bytes) => double.IsNaN(bytes) ? "-" : bytes >= 10_240 ? F("{0:F1} KB", bytes / 1024) : F("{0:F0} B", bytes);

    public static string Ratio(double ours, double reference, string against) =>
        double.IsNaN(ours) || double.IsNaN(reference) || reference == 0 ? "-" : F("{0:F2}x {1}", ours / reference, against);

    public static string F(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    public override string ToString() => $"| {Id} | {Scenario} | {Median} | {P99} | {Rate} | {Cpu} | {Alloc} | {Ratios} |";

    public const string Header = "| row | scenario | median | p99 | per second | CPU / op | allocated / op | ratios (same run) |\n|---|---|---|---|---|---|---|---|";
}
