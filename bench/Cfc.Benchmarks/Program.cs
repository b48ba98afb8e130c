// Benchmarks for Cfc.Wamp and the in-process router.
//   dotnet run -c Release --project bench/Cfc.Benchmarks -- --list flat
//   dotnet run -c Release --project bench/Cfc.Benchmarks -- --filter '*' --job short
//   dotnet run -c Release --project bench/Cfc.Benchmarks -- sidebyside [--url ws://...] (see bench/side-by-side/run.sh)
using BenchmarkDotNet.Running;
using Cfc.Benchmarks;

if (args.Length > 0 && args[0] == "sidebyside")
{
    return await SideBySide.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SerializerBenchmarks).Assembly).Run(args);
return 0;
