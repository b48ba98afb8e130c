// A Worker Service that uses CFC: the client is registered with one call bound from appsettings.json (a
// cryptosign key file), connects in the background (the app starts even while CFC is down), reports its
// connection through a health check, and its spans and metrics go to the OpenTelemetry console exporter.
//
//   dotnet run --project samples/Cfc.WorkerSample                       (demo: an in-process fake CFC)
//   dotnet run --project samples/Cfc.WorkerSample -- --Cfc:Url=wss://cfc.example.com/ws \
//       --Cfc:Authentication:KeyFile=$HOME/.crossbar/default.priv --Cfc:Authentication:AuthId=alice@example.com

return await Cfc.WorkerSample.WorkerSampleApp.RunAsync(args);
