using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Cfc.Client.Testing;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Tests.Resilience;

/// <summary>
/// Issue 8, items 4 and 5, with default options (nothing about reconnect or closing is set): the client rides a
/// server restart with its event streams, stops for good on an authentication failure, still fails fast on a first
/// connect to nothing, and `Reconnect = null` turns it off. Disposing in the ordinary `using` order logs nothing
/// above Debug.
/// </summary>
public sealed class DefaultReconnectTests
{
    private const string Alice = "alice@example.com";

    private static async Task<(FakeCfc Fake, CfcClient Client)> StartAsync(CryptosignKey key, Func<CfcClientOptions, CfcClientOptions>? configure, CancellationToken cancellationToken)
    {
        FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(100) }, cancellationToken);
        fake.AddUser(Alice, key.PublicKeyHex);
        var options = new CfcClientOptions { Url = fake.Url, Authenticator = CfcAuthenticator.Cryptosign(key, Alice) };
        CfcClient client = await CfcClient.ConnectAsync(configure?.Invoke(options) ?? options, cancellationToken);
        return (fake, client);
    }

    [Fact(Timeout = 30_000)]
    public async Task With_default_options_the_client_rides_a_server_restart_and_its_event_streams_resume()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, null, timeout.Token);
        await using (fake)
        await using (client)
        {
            var states = new ConcurrentQueue<CfcConnectionState>();
            using IDisposable stateLog = client.StateChanges.Subscribe(new Recorder<CfcConnectionState> { OnNextHook = states.Enqueue });
            var ticks = new Recorder<TickEvent>();
            using IDisposable tickLog = client.System.OnTick.Subscribe(ticks);
            await Eventually.HoldsAsync(() => ticks.Values.Count >= 1, Timeout.InfiniteTimeSpan, timeout.Token);

            // A restart: every connection drops and the server refuses new ones for a while.
            fake.RefuseConnections(TimeSpan.FromMilliseconds(500));
            await fake.DropAllConnectionsAsync();
            await Eventually.HoldsAsync(() => states.Contains(CfcConnectionState.Reconnecting) && client.State == CfcConnectionState.Connected, Timeout.InfiniteTimeSpan, timeout.Token);
            int ticksAfterRestart = ticks.Values.Count;
            await Eventually.HoldsAsync(() => ticks.Values.Count >= ticksAfterRestart + 2, Timeout.InfiniteTimeSpan, timeout.Token);

            Assert.Null(ticks.Error);
            Assert.Equal(CfcRealms.Global, (await client.System.GetStatusAsync(timeout.Token)).Realm);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task With_default_options_an_authentication_failure_on_reconnect_ends_the_client_for_good()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, null, timeout.Token);
        await using (fake)
        await using (client)
        {
            Assert.True(fake.RemoveUser(Alice));
            await fake.DropAllConnectionsAsync();

            await Eventually.HoldsAsync(() => client.State == CfcConnectionState.Failed, Timeout.InfiniteTimeSpan, timeout.Token);
            Assert.IsType<CfcAuthenticationException>(client.LastError);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Reconnect_null_turns_reconnect_off()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, o => o with { Connection = o.Connection with { Reconnect = null } }, timeout.Token);
        await using (fake)
        await using (client)
        {
            var states = new ConcurrentQueue<CfcConnectionState>();
            using IDisposable stateLog = client.StateChanges.Subscribe(new Recorder<CfcConnectionState> { OnNextHook = states.Enqueue });
            await fake.DropAllConnectionsAsync();

            await Eventually.HoldsAsync(() => client.State == CfcConnectionState.Disconnected, Timeout.InfiniteTimeSpan, timeout.Token);
            Assert.DoesNotContain(CfcConnectionState.Reconnecting, states);
            await Assert.ThrowsAnyAsync<CfcException>(() => client.System.GetStatusAsync(timeout.Token));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task With_default_options_the_first_connect_to_nothing_still_fails_at_once()
    {
        // A port nothing listens on: bound, noted, released.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        using CryptosignKey key = CryptosignKey.Generate();
        var options = new CfcClientOptions { Url = new Uri($"ws://127.0.0.1:{port}/ws"), Authenticator = CfcAuthenticator.Cryptosign(key, Alice) };

        Assert.NotNull(options.Connection.Reconnect);
        Assert.False(options.Connection.Reconnect.RetryFirstConnect);
        await Assert.ThrowsAnyAsync<CfcException>(() => CfcClient.ConnectAsync(options));
    }

    [Fact(Timeout = 30_000)]
    public async Task Disposing_event_streams_then_the_client_in_using_order_logs_nothing_above_debug()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        var logs = new LogCapture();
        FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(100) }, timeout.Token);
        await using (fake)
        {
            fake.AddUser(Alice, key.PublicKeyHex);
            var ticks = new Recorder<TickEvent>();
            await using (CfcClient client = await CfcClient.ConnectAsync(
                new CfcClientOptions { Url = fake.Url, Authenticator = CfcAuthenticator.Cryptosign(key, Alice), Connection = new() { LoggerFactory = logs } }, timeout.Token))
            {
                using IDisposable onTick = client.System.OnTick.Subscribe(ticks);
                using IDisposable onPaired = client.ManagementRealms.OnNodePaired.Subscribe(new Recorder<NodePairedEvent>());
                using IDisposable onCreated = client.ManagementRealms.OnRealmCreated.Subscribe(new Recorder<RealmCreatedEvent>());
                await Eventually.HoldsAsync(() => ticks.Values.Count >= 1, Timeout.InfiniteTimeSpan, timeout.Token);
                logs.Clear();
            }

            Assert.Contains(logs.Lines, l => l.Message.Contains("closed by the client", StringComparison.Ordinal));   // the close was logged, at Debug
            Assert.DoesNotContain(logs.Lines, l => l.Level > LogLevel.Debug);
            Assert.Null(ticks.Error);
        }
    }
}
