using Cfc.Client;
using Cfc.Client.Hosting;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cfc.WorkerSample;

/// <summary>The sample's host: configuration, the CFC client, health checks, OpenTelemetry and the worker.</summary>
public static class WorkerSampleApp
{
    /// <summary>Builds and runs the host until it is stopped (Ctrl+C, or <c>Sample:StopAfterStatus</c>).</summary>
    /// <param name="args">Command-line configuration, e.g. <c>--Cfc:Url=wss://...</c>.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddCommandLine(args);

        // Demo mode: no Cfc:Url means an in-process fake CFC with a user whose key file we write.
        await using DemoCfc? demo = string.IsNullOrEmpty(builder.Configuration["Cfc:Url"]) ? await DemoCfc.StartAsync(builder.Configuration, cancellationToken) : null;

        // The one call: everything under "Cfc" in appsettings.json (plus env vars, user secrets, command line).
        builder.Services.AddCfcClient(builder.Configuration.GetSection("Cfc"));
        builder.Services.AddHealthChecks().AddCfcConnectionCheck();
        builder.Services.AddHostedService<CfcWorker>();
        builder.Services.Configure<WorkerSampleOptions>(o => o.StopAfterStatus = builder.Configuration.GetValue<bool>("Sample:StopAfterStatus"));

        if (builder.Configuration["Sample:Telemetry"] == "console")
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(WampTelemetry.Name).AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddMeter(WampTelemetry.Name).AddConsoleExporter());
        }

        using IHost host = builder.Build();
        await host.RunAsync(cancellationToken);
        return Environment.ExitCode;
    }

    /// <summary>An in-process fake CFC for the demo mode, with a key file for its one user.</summary>
    private sealed class DemoCfc : IAsyncDisposable
    {
        private readonly FakeCfc _fake;
        private readonly string _keyFile;

        private DemoCfc(FakeCfc fake, string keyFile)
        {
            _fake = fake;
            _keyFile = keyFile;
        }

        public static async Task<DemoCfc> StartAsync(ConfigurationManager configuration, CancellationToken cancellationToken)
        {
            string seedHex = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            string keyFile = Path.Combine(Path.GetTempPath(), $"cfc-worker-sample-{Environment.ProcessId}.priv");
            await File.WriteAllTextAsync(keyFile, $"user-id: demo@example.com\nprivate-key-ed25519: {seedHex}\n", cancellationToken);
            FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromSeconds(2) }, cancellationToken);
            using (CryptosignKey key = CryptosignKey.FromSeedHex(seedHex))
            {
                fake.AddUser("demo@example.com", key.PublicKeyHex);
            }

            configuration["Cfc:Url"] = fake.Url.ToString();
            configuration["Cfc:Authentication:KeyFile"] = keyFile;
            Console.WriteLine($"demo mode: an in-process fake CFC at {fake.Url}; pass --Cfc:Url=... for a real one");
            return new DemoCfc(fake, keyFile);
        }

        public async ValueTask DisposeAsync()
        {
            await _fake.DisposeAsync();
            File.Delete(_keyFile);
        }
    }
}

/// <summary>The sample's own settings.</summary>
public sealed class WorkerSampleOptions
{
    /// <summary>Stop the app after the first status (tests use it).</summary>
    public bool StopAfterStatus { get; set; }
}
