using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Fake;

/// <summary>FakeCfc as a whole: schemes, users, nodes and fault injection, over a real WebSocket.</summary>
public class FakeCfcTests
{
    private const string Alice = "alice@example.com";

    private static Task<CfcClient> ConnectAsync(FakeCfc fake, CryptosignKey key, CfcUriScheme scheme = CfcUriScheme.Fabric, string realm = CfcRealms.Global) =>
        CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = realm,
            Authenticator = CfcAuthenticator.Cryptosign(key, Alice),
            UriScheme = scheme,
            Connection = new() { ConnectTimeout = TimeSpan.FromSeconds(10), CallTimeout = TimeSpan.FromSeconds(10) },
        });

    [Fact]
    public async Task Serves_both_schemes_by_default_and_only_the_chosen_one_when_set()
    {
        using var key = CryptosignKey.Generate();
        await using (FakeCfc both = await FakeCfc.StartAsync(new FakeCfcOptions { Users = [new FakeCfcUser(Alice, key.PublicKeyHex)] }))
        {
            Assert.Equal("ws", both.Url.Scheme);
            Assert.Equal("127.0.0.1", both.Url.Host);
            Assert.Equal("/ws", both.Url.AbsolutePath);
            await using CfcClient fabric = await ConnectAsync(both, key, CfcUriScheme.Fabric);
            await using CfcClient legacy = await ConnectAsync(both, key, CfcUriScheme.Legacy);
            Assert.Equal((await fabric.System.GetStatusAsync()).Nonce, (await legacy.System.GetStatusAsync()).Nonce);
        }

        await using FakeCfc fabricOnly = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.Fabric, Version = "v99" });
        fabricOnly.AddUser(Alice, key.PublicKeyHex);
        await using CfcClient wrong = await ConnectAsync(fabricOnly, key, CfcUriScheme.Legacy);
        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => wrong.System.GetStatusAsync());
        Assert.Equal("wamp.error.no_such_procedure", e.ErrorUri);
        await using CfcClient right = await ConnectAsync(fabricOnly, key, CfcUriScheme.Fabric);
        Assert.Equal("v99", (await right.System.GetStatusAsync()).Version);
    }

    [Fact]
    public async Task Users_with_realm_roles_and_added_nodes_are_reachable()
    {
        using var key = CryptosignKey.Generate();
        await using FakeCfc fake = await FakeCfc.StartAsync();
        fake.AddUser(Alice, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] });
        SimulatedNode node = fake.AddNode("lab", "n1");

        Assert.Equal(["lab"], fake.ManagementRealms);
        Assert.Equal("lab", node.RealmName);
        await using CfcClient lab = await ConnectAsync(fake, key, realm: "lab");
        Assert.Equal(["n1"], await lab.ManagementRealm.GetNodesAsync());
        Assert.Contains("worker1", await lab.RemoteNode.GetWorkersAsync("n1"));
        Assert.Throws<ArgumentException>(() => fake.AddNode("no-such-realm", "n2"));
        Assert.Throws<ArgumentException>(() => fake.AddNode("lab", "n1"));
    }

    [Fact]
    public async Task Ticks_follow_the_time_provider()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var key = CryptosignKey.Generate();
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TimeProvider = time, TickPeriod = TimeSpan.FromSeconds(5) });
        fake.AddUser(Alice, key.PublicKeyHex);
        await using CfcClient client = await ConnectAsync(fake, key);
        var ticks = new TaskCompletionSource<TickEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable sub = client.System.OnTick.Subscribe(new Observer<TickEvent>(t => ticks.TrySetResult(t)));
        long before = (await client.System.GetStatusAsync()).Tick!.Value;

        time.Advance(TimeSpan.FromSeconds(5));

        TickEvent tick = await ticks.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before + 1, tick.Tick);
    }

    [Fact]
    public async Task Fault_injection_drops_refuses_and_delays()
    {
        using var key = CryptosignKey.Generate();
        await using FakeCfc fake = await FakeCfc.StartAsync();
        fake.AddUser(Alice, key.PublicKeyHex);
        await using CfcClient client = await ConnectAsync(fake, key);

        fake.DelayAnswers(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.System.GetStatusAsync();
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {watch.Elapsed}");
        fake.DelayAnswers(TimeSpan.Zero);

        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable states = client.StateChanges.Subscribe(new Observer<CfcConnectionState>(s =>
        {
            if (s is CfcConnectionState.Disconnected or CfcConnectionState.Failed or CfcConnectionState.Reconnecting)
            {
                lost.TrySetResult();
            }
        }));
        await fake.DropAllConnectionsAsync();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));

        fake.RefuseConnections(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAnyAsync<CfcException>(() => ConnectAsync(fake, key));
        fake.RefuseConnections(TimeSpan.Zero);
        await using CfcClient again = await ConnectAsync(fake, key);
        Assert.Equal("v17.8.1", (await again.System.GetStatusAsync()).Version);
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
