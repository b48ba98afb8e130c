using Cfc.Client;
using Cfc.Client.Hosting;
using Cfc.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cfc.Hosting.Tests;

/// <summary>A CfcClient registered with one call, bound from configuration, owned by the host.</summary>
public sealed class HostedClientTests
{
    private const string AliceSeed = "4c0ffee04c0ffee04c0ffee04c0ffee04c0ffee04c0ffee04c0ffee04c0ffee0";
    private const string Alice = "alice@example.com";

    private static FakeCfcUser AliceUser()
    {
        using CryptosignKey key = CryptosignKey.FromSeedHex(AliceSeed);
        return new FakeCfcUser(Alice, key.PublicKeyHex) { RealmRoles = new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] } };
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<HostApplicationBuilder> register)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        register(builder);
        return builder.Build();
    }

    [Fact(Timeout = 60000)]
    public async Task A_client_bound_from_appsettings_with_a_key_file_connects_calls_reports_healthy_and_closes_with_the_host()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { Users = [AliceUser()] });
        string keyFile = HostingHarness.WriteKeyFile(AliceSeed, userId: Alice);
        try
        {
            using IHost host = BuildHost(
                new()
                {
                    ["Cfc:Url"] = fake.Url.ToString(),
                    ["Cfc:Authentication:Method"] = "cryptosign",
                    ["Cfc:Authentication:KeyFile"] = keyFile,   // authid: the key file's user-id line
                },
                b =>
                {
                    b.Services.AddCfcClient(b.Configuration.GetSection("Cfc"));
                    b.Services.AddHealthChecks().AddCfcConnectionCheck();
                });
            await host.StartAsync();
            CfcClient client = host.Services.GetRequiredService<CfcClient>();

            SystemStatus status = await client.System.GetStatusAsync();   // waits for the session the host opens

            Assert.Equal(CfcRealms.Global, status.Realm);
            Assert.Equal(CfcConnectionState.Connected, client.State);
            Assert.Equal(Alice, client.Wamp.SessionDetails?.AuthId);
            HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries["cfc"].Status);

            await host.StopAsync().WaitAsync(HostingHarness.Wait);
            Assert.Equal(CfcConnectionState.Disconnected, client.State);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task The_host_starts_while_CFC_is_down_and_the_client_connects_when_it_comes_up()
    {
        int port = HostingHarness.FreePort();
        using IHost host = BuildHost(
            new()
            {
                ["Cfc:Url"] = $"ws://127.0.0.1:{port}/ws",
                ["Cfc:Authentication:PrivateKey"] = AliceSeed,   // e.g. from user secrets or an environment variable
                ["Cfc:Authentication:AuthId"] = Alice,
                ["Cfc:Reconnect:InitialDelay"] = "00:00:00.05",
                ["Cfc:Reconnect:MaxDelay"] = "00:00:00.2",
            },
            b =>
            {
                b.Services.AddCfcClient(b.Configuration.GetSection("Cfc"));
                b.Services.AddHealthChecks().AddCfcConnectionCheck();
            });

        // Resolving never touches the network.
        CfcClient client = host.Services.GetRequiredService<CfcClient>();
        Assert.Equal(CfcConnectionState.Disconnected, client.State);

        await host.StartAsync().WaitAsync(HostingHarness.Wait);
        await Eventually.HoldsAsync(() => client.LastError is not null, "a failed attempt against the closed port", HostingHarness.Wait);
        Assert.NotEqual(CfcConnectionState.Connected, client.State);
        HealthReport down = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, down.Entries["cfc"].Status);
        Task<SystemStatus> queued = client.System.GetStatusAsync();   // waits for the session (QueueTimeout)

        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { Port = port, Users = [AliceUser()] });

        SystemStatus status = await queued.WaitAsync(HostingHarness.Wait);
        Assert.Equal(CfcRealms.Global, status.Realm);
        Assert.Equal(CfcConnectionState.Connected, client.State);
        HealthReport up = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, up.Entries["cfc"].Status);
        await host.StopAsync().WaitAsync(HostingHarness.Wait);
    }

    [Fact(Timeout = 60000)]
    public async Task Stopping_the_host_while_CFC_is_unreachable_ends_the_connect_loop_within_the_shutdown_timeout()
    {
        using IHost host = BuildHost(
            new() { ["Cfc:Url"] = $"ws://127.0.0.1:{HostingHarness.FreePort()}/ws", ["Cfc:Reconnect:InitialDelay"] = "00:00:00.05" },
            b =>
            {
                b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
                b.Services.AddCfcClient(b.Configuration.GetSection("Cfc"));
            });
        await host.StartAsync();
        CfcClient client = host.Services.GetRequiredService<CfcClient>();
        await Eventually.HoldsAsync(() => client.LastError is not null, "a failed attempt", HostingHarness.Wait);

        await host.StopAsync().WaitAsync(HostingHarness.Wait);

        Assert.Equal(CfcConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.System.GetStatusAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task Keyed_clients_join_their_own_realms()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { Users = [AliceUser()] });
        using IHost host = BuildHost(
            new()
            {
                ["Cfc:Url"] = fake.Url.ToString(),
                ["Cfc:Authentication:PrivateKey"] = AliceSeed,
                ["Cfc:Authentication:AuthId"] = Alice,
                ["Lab:Url"] = fake.Url.ToString(),
                ["Lab:Realm"] = "lab",
                ["Lab:Authentication:PrivateKey"] = AliceSeed,
                ["Lab:Authentication:AuthId"] = Alice,
            },
            b =>
            {
                b.Services.AddCfcClient(b.Configuration.GetSection("Cfc"));
                b.Services.AddKeyedCfcClient("lab", b.Configuration.GetSection("Lab"));
                b.Services.AddHealthChecks().AddCfcConnectionCheck().AddCfcConnectionCheck(serviceKey: "lab");
            });
        await host.StartAsync();
        CfcClient global = host.Services.GetRequiredService<CfcClient>();
        CfcClient lab = host.Services.GetRequiredKeyedService<CfcClient>("lab");

        IReadOnlyList<string> realms = await global.ManagementRealms.GetRealmsAsync();
        IReadOnlyList<string> nodes = await lab.ManagementRealm.GetNodesAsync();

        Assert.Contains("lab", realms);
        Assert.Empty(nodes);
        Assert.NotSame(global, lab);
        Assert.Equal("lab", lab.Wamp.SessionDetails?.Realm);
        HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["cfc-lab"].Status);
        await host.StopAsync().WaitAsync(HostingHarness.Wait);
    }

    [Theory(Timeout = 30000)]
    [InlineData(null, null, "Cfc:Url is required")]
    [InlineData("Authentication:Method", "cryptosign", "Cfc:Authentication:KeyFile is required")]
    [InlineData("Authentication:KeyFile", "/nonexistent/none.priv", "Cfc:Authentication:KeyFile: the file")]
    [InlineData("Authentication:Method", "ticket", "Cfc:Authentication:AuthId is required")]
    [InlineData("Authentication:Method", "kerberos", "Cfc:Authentication:Method 'kerberos' is not a method")]
    [InlineData("CallTimeout", "soon", "Cfc:CallTimeout: 'soon' is not valid; expected a time span")]
    [InlineData("UriScheme", "Gopher", "Cfc:UriScheme: 'Gopher' is not valid")]
    [InlineData("Reconnect:QueueTimeout", "-00:00:01", "Cfc:Reconnect:QueueTimeout must be positive")]
    public async Task Invalid_settings_stop_the_host_at_start_with_a_message_naming_the_key(string? key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings["Cfc:Url"] = "ws://127.0.0.1:9/ws";
            settings["Cfc:" + key] = value;
        }
        else
        {
            settings["Cfc:Realm"] = "lab";
        }

        using IHost host = BuildHost(settings, b => b.Services.AddCfcClient(b.Configuration.GetSection("Cfc")));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_that_cannot_be_read_is_not_echoed_in_the_message()
    {
        var options = new CfcHostedClientOptions();
        CfcConfigurationBinder.Bind(HostingHarness.Configuration(("Cfc:Url", "ws://127.0.0.1:9/ws"), ("Cfc:Authentication:PrivateKey", "not-hex-secret")).GetSection("Cfc"), options);

        var ex = Assert.Throws<CfcOptionsException>(() => CfcHostedClientOptionsBuilder.Build(options, null, null));

        Assert.Contains("Cfc:Authentication:PrivateKey is not an Ed25519 seed", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-hex-secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_set_in_code_override_configuration_and_keep_the_hosting_defaults()
    {
        var services = new ServiceCollection();
        services.AddCfcClient(
            HostingHarness.Configuration(("Cfc:Url", "ws://127.0.0.1:9/ws"), ("Cfc:Realm", "lab"), ("Cfc:Serializer", "cbor")).GetSection("Cfc"),
            o => o.Realm = "lab2");
        using ServiceProvider provider = services.BuildServiceProvider();

        CfcHostedClientOptions options = provider.GetRequiredService<IOptionsMonitor<CfcHostedClientOptions>>().Get(Options.DefaultName);

        Assert.Equal("lab2", options.Realm);
        Assert.Equal(Cfc.Wamp.WampSerializer.Cbor, options.Serializer);
        Assert.True(options.Connection.Reconnect?.RetryFirstConnect);
        Assert.Null(options.Connection.Reconnect?.MaxAttempts);
    }

    [Fact]
    public void The_close_timeout_and_redirect_setting_are_bound_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddCfcClient(HostingHarness.Configuration(
            ("Cfc:Url", "ws://127.0.0.1:9/ws"), ("Cfc:CloseTimeout", "00:00:05"), ("Cfc:AllowRedirects", "true")).GetSection("Cfc"));
        using ServiceProvider provider = services.BuildServiceProvider();

        CfcHostedClientOptions options = provider.GetRequiredService<IOptionsMonitor<CfcHostedClientOptions>>().Get(Options.DefaultName);

        Assert.Equal(TimeSpan.FromSeconds(5), options.Connection.CloseTimeout);
        Assert.True(options.Connection.AllowRedirects);
    }

    [Fact]
    public void Registering_the_unkeyed_client_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddCfcClient(o => o.Url = new Uri("ws://127.0.0.1:9/ws"));

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddCfcClient(o => o.Url = new Uri("ws://127.0.0.1:9/ws")));
        Assert.Contains("AddKeyedCfcClient", ex.Message, StringComparison.Ordinal);
    }
}
