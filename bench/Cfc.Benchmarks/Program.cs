// Benchmarks for Cfc.Wamp, Cfc.Client and the in-process router.
//   scripts/bench.sh [--quick]                                    the side-by-side table (docs/performance.md)
//   dotnet run -c Release --project bench/Cfc.Benchmarks -- --list flat
//   dotnet run -c Release --project bench/Cfc.Benchmarks -- --filter '*' --job short
// The modes "serve" and "fleet" are the table's helper processes.
using System.Globalization;
using BenchmarkDotNet.Running;
using Cfc.Benchmarks;
using Cfc.Benchmarks.Table;

switch (args.FirstOrDefault())
{
    case "table":
        return await TableRun.RunAsync(args[1..]);
    case "serve":
        return await ServeCommand.RunAsync();
    case "fleet":
        return await FleetCommand.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SerializerBenchmarks).Assembly).Run(args);
        return 0;
}
