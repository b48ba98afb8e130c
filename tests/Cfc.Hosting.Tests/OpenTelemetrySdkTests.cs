using System.Diagnostics;
using Cfc.Client;
using Cfc.Client.Hosting;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cfc.Hosting.Tests;

/// <summary>The set-up of docs/telemetry.md with the OpenTelemetry SDK exports the client's spans and metrics.</summary>
public sealed class OpenTelemetrySdkTests
{
    [Fact(Timeout = 60000)]
    public async Task The_documented_OpenTelemetry_setup_exports_the_clients_spans_and_metrics()
    {
        const string seed = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";
        await using FakeCfc fake = await FakeCfc.StartAsync();
        using (CryptosignKey key = CryptosignKey.FromSeedHex(seed))
        {
            fake.AddUser("otel@example.com", key.PublicKeyHex);
        }

        string realm = "otel-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Cfc:Url"] = fake.Url.ToString();
        builder.Configuration["Cfc:Authentication:PrivateKey"] = seed;
        builder.Configuration["Cfc:Authentication:AuthId"] = "otel@example.com";
        builder.Services.AddCfcClient(builder.Configuration.GetSection("Cfc"));
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(WampTelemetry.Name).AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddMeter(WampTelemetry.Name).AddInMemoryExporter(metrics));

        using (IHost host = builder.Build())
        {
            await host.StartAsync();
            CfcClient client = host.Services.GetRequiredService<CfcClient>();
            await Assert.ThrowsAnyAsync<CfcException>(() => client.ManagementRealms.GetRealmAsync(realm));   // no such realm: an error span
            await client.System.GetStatusAsync();
            await host.StopAsync();
        }   // disposing the providers flushes the exporters

        Activity call;
        lock (spans)
        {
            call = Assert.Single(spans, s => s.DisplayName.EndsWith(".system.get_status", StringComparison.Ordinal) && Equals(s.GetTagItem("wamp.realm"), CfcRealms.Global) && s.Status == ActivityStatusCode.Unset);
            Assert.Contains(spans, s => s.DisplayName == WampTelemetry.Names.JoinSpan);
        }

        Assert.Equal("wamp", call.GetTagItem("rpc.system"));
        Assert.Contains(metrics, m => m.Name == WampTelemetry.Names.CallDuration && m.MetricType == MetricType.Histogram);
        Assert.Contains(metrics, m => m.Name == WampTelemetry.Names.Calls);
        Assert.Contains(metrics, m => m.Name == WampTelemetry.Names.CallErrors);
    }
}
