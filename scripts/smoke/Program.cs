// The consumer smoke test: an app outside the solution that uses the packed packages as a user would.
// Registers the client with one call bound from configuration (a cryptosign key file), starts it against the
// fake CFC, calls it, and checks the health check, the spans and the metrics. Exit code 0 = fine.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Cfc.Client;
using Cfc.Client.Hosting;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

string seedHex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
string keyFile = Path.Combine(Path.GetTempPath(), $"cfc-smoke-{Environment.ProcessId}.priv");
File.WriteAllText(keyFile, $"user-id: smoke@example.com\nprivate-key-ed25519: {seedHex}\n");
try
{
    using CryptosignKey key = CryptosignKey.FromSeedHex(seedHex);
    await using FakeCfc fake = await FakeCfc.StartAsync();
    fake.AddUser("smoke@example.com", key.PublicKeyHex);

    var spans = new List<string>();
    using var activities = new ActivityListener
    {
        ShouldListenTo = s => s.Name == WampTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = a => { lock (spans) { spans.Add(a.DisplayName); } },
    };
    ActivitySource.AddActivityListener(activities);
    int durations = 0;
    using var meters = new MeterListener
    {
        InstrumentPublished = (i, l) => { if (i.Meter.Name == WampTelemetry.Name) { l.EnableMeasurementEvents(i); } },
    };
    meters.SetMeasurementEventCallback<double>((i, _, _, _) => { if (i.Name == WampTelemetry.Names.CallDuration) { Interlocked.Increment(ref durations); } });
    meters.Start();

    HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);   // reads appsettings.json
    builder.Configuration["Cfc:Url"] = fake.Url.ToString();
    builder.Configuration["Cfc:Authentication:KeyFile"] = keyFile;
    builder.Services.AddCfcClient(builder.Configuration.GetSection("Cfc"));
    builder.Services.AddHealthChecks().AddCfcConnectionCheck();
    using IHost host = builder.Build();
    await host.StartAsync();

    CfcClient client = host.Services.GetRequiredService<CfcClient>();
    SystemStatus status = await client.System.GetStatusAsync();
    HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    string? authId = client.Wamp.SessionDetails?.AuthId;
    await host.StopAsync();

    var problems = new List<string>();
    if (health.Status != HealthStatus.Healthy) { problems.Add($"health is {health.Status}"); }
    if (authId != "smoke@example.com") { problems.Add($"joined as '{authId}', not as the key file's user-id"); }
    if (client.State != CfcConnectionState.Disconnected) { problems.Add($"after host stop the client is {client.State}"); }
    lock (spans)
    {
        if (!spans.Contains(WampTelemetry.Names.JoinSpan)) { problems.Add("no join span"); }
        if (!spans.Any(s => s.EndsWith(".get_status", StringComparison.Ordinal))) { problems.Add("no call span: " + string.Join(", ", spans)); }
    }

    if (durations == 0) { problems.Add("no call duration measured"); }
    if (problems.Count > 0)
    {
        Console.Error.WriteLine("smoke: FAILED: " + string.Join("; ", problems));
        return 1;
    }

    Console.WriteLine($"smoke: ok (CFC {status.Version}, joined as {authId}, health {health.Status}, {spans.Count} spans)");
    return 0;
}
finally
{
    File.Delete(keyFile);
}
