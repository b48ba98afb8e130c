using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Docs;

/// <summary>
/// Every C# snippet of README.md and docs/getting-started.md (and the CfcClient one of connection-resilience.md),
/// copied verbatim into a method so that a doc that stops compiling fails the build. The snippets' free variables
/// (cancellationToken, nodePublicKeyHex, ...) are the methods' parameters. Snippets that need a real CFC or a key
/// file are compiled only; the rest run against FakeCfc. Keep these in step when editing the docs.
/// </summary>
public sealed class DocSnippetsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // The keys of the clients a test connects: they live as long as the test (a client signs with its key again on
    // every reconnect, so a key disposed right after connecting fails any re-join).
    private readonly List<CryptosignKey> _keys = [];

    public void Dispose()
    {
        foreach (CryptosignKey key in _keys)
        {
            key.Dispose();
        }
    }

    // README.md, "Using the SDK" (needs a key file and a real CFC: compiled only).
    internal static async Task ReadmeUsingTheSdk(string nodePublicKeyHex, CancellationToken cancellationToken)
    {
        string keyFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".crossbar", "default.priv");
        using CryptosignKey key = CryptosignKey.Load(keyFile);   // or CryptosignKey.Generate(), FromSeedHex(...)

        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = new Uri("wss://cfc.example.com/ws"),
            Realm = CfcRealms.Global,                          // "com.crossbario.fabric", or a management realm
            Authenticator = CfcAuthenticator.Cryptosign(key, authId: "alice@example.com"),
            Serializer = WampSerializer.Json,                  // Json (default), Cbor, MessagePack
            UriScheme = CfcUriScheme.Fabric,                   // Fabric (default) or Legacy (the cfc.* names)
            // Reconnect is on by default (autobahn's backoff); Reconnect = null turns it off.
        }, cancellationToken);

        SystemStatus status = await client.System.GetStatusAsync();
        Console.WriteLine($"CFC {status.Version}, tick {status.Tick}");

        using IDisposable paired = client.ManagementRealms.OnNodePaired.Subscribe(
            e => Console.WriteLine($"node {e.NodeId} paired with {e.RealmName}"));

        await client.ManagementRealms.CreateRealmAsync("lab");
        await client.ManagementRealms.PairNodeAsync(nodePublicKeyHex, "lab", "node1");
        IReadOnlyList<string> realms = await client.ManagementRealms.GetRealmsAsync();
    }

    // README.md, "Testing your app with the fake CFC".
    [Fact(Timeout = 60000)]
    public async Task Readme_testing_with_the_fake()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.Fabric });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser("alice@example.com", key.PublicKeyHex,      // alice owns management realm "lab" (created here)
            new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] });
        SimulatedNode node = fake.AddNode("lab", "node1");        // workers, router realms, containers, Docker, traces ...

        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,                                      // ws://127.0.0.1:<free port>/ws
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
        });
        // fault injection: fake.DropAllConnectionsAsync(), fake.RefuseConnections(...), fake.DelayAnswers(...)

        Assert.Equal(CfcConnectionState.Connected, client.State);
        Assert.Equal("node1", node.NodeId);
        Assert.Contains("lab", await client.ManagementRealms.GetRealmsAsync().WaitAsync(Wait));
    }

    // docs/getting-started.md, "Connect" (needs a key file and a real CFC: compiled only).
    internal static async Task GettingStartedConnect(CancellationToken cancellationToken)
    {
        using CryptosignKey key = CryptosignKey.Load("/path/to/.cbf/default.priv");
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = new Uri("wss://master.example.com/ws"),
            Realm = CfcRealms.Global,                       // "com.crossbario.fabric" (the default)
            Authenticator = CfcAuthenticator.Cryptosign(key, authId: "alice@example.com"),
            Serializer = WampSerializer.Json,               // Json (default), Cbor, MessagePack
            UriScheme = CfcUriScheme.Fabric,                // Fabric (default) or Legacy
        }, cancellationToken);
    }

    // docs/getting-started.md, "Typed calls" (its names are illustrative: compiled only; the end-to-end tests run every call).
    internal static async Task GettingStartedTypedCalls(CfcClient client, CfcClient mrealm, string userId, string nodePublicKeyHex, IReadOnlyDictionary<string, object?> realmConfig)
    {
        SystemStatus status = await client.System.GetStatusAsync();
        Console.WriteLine($"{status.Version} tick {status.Tick} at {status.Now:O}");

        IReadOnlyList<string> realms = await client.ManagementRealms.GetRealmsAsync();
        await client.ManagementRealms.CreateRealmAsync("my-mrealm");
        await client.ManagementRealms.GrantRoleAsync("my-mrealm", userId, CfcRole.Admin);
        NodePaired paired = await client.ManagementRealms.PairNodeAsync(nodePublicKeyHex, "my-mrealm", "node-1");

        // on a client joined to "my-mrealm":
        IReadOnlyList<string> workers = await mrealm.RemoteNode.GetWorkersAsync("node-1");
        await mrealm.RemoteRouter.StartRouterRealmAsync("node-1", "router-1", "realm-1", realmConfig);
    }

    // docs/getting-started.md, "Events".
    [Fact(Timeout = 60000)]
    public async Task Getting_started_events()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(50) });
        await using CfcClient client = await ConnectAliceAsync(fake);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        CancellationToken cancellationToken = timeout.Token;

        // 1. await foreach: SubscribeAsync returns once the router subscription is in place, so the event of what you do
        //    next is not missed; the events wait in a bounded queue of this subscription's own.
        await using (CfcEventSubscription<RealmCreatedEvent> created = await client.ManagementRealms.OnRealmCreated.SubscribeAsync(cancellationToken))
        {
            await client.ManagementRealms.CreateRealmAsync("another-mrealm", cancellationToken);
            await foreach (RealmCreatedEvent e in created.ReadAllAsync(cancellationToken))
            {
                Console.WriteLine($"realm {e.RealmName} created");
                break;
            }
        }

        // 2. A callback, also awaitable until the router subscription is in place.
        await using CfcEventSubscription paired = await client.ManagementRealms.OnNodePaired.SubscribeAsync(
            e => Console.WriteLine($"node {e.NodeId} paired with {e.RealmName}"), cancellationToken);

        // 3. IObservable<T>: Subscribe returns at once, the router subscription is made in the background.
        using IDisposable ticks = client.System.OnTick.Subscribe(t => Console.WriteLine(t.Tick));  // or any IObserver<TickEvent>

        Assert.Contains("another-mrealm", fake.ManagementRealms);
    }

    // docs/getting-started.md, "Errors".
    [Fact(Timeout = 60000)]
    public async Task Getting_started_errors()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync();
        await using CfcClient client = await ConnectAliceAsync(fake);
        bool notFound = false;

        try
        {
            await client.ManagementRealms.GetRealmAsync("nope");
        }
        catch (CfcNotFoundException ex)
        {
            Console.WriteLine($"{ex.ErrorUri}: {ex.Message}");   // crossbar.error.no_such_object: ...
            notFound = true;
        }
        catch (CfcNotAuthorizedException) { /* ask for a role */ }

        Assert.True(notFound);
    }

    // docs/getting-started.md, "Raw WAMP: client.Wamp".
    [Fact(Timeout = 60000)]
    public async Task Getting_started_raw_wamp()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync();
        await using CfcClient client = await ConnectAliceAsync(fake);
        await client.ManagementRealms.CreateRealmAsync("my-mrealm");

        WampResult r = await client.Wamp.CallAsync("crossbarfabriccenter.mrealm.get_nodes",
            new WampPayloadBuilder().Add("my-mrealm").Build());
        JsonElement nodes = r.Payload[0];

        await using WampSubscription sub = await client.Wamp.SubscribeAsync("crossbarfabriccenter.mrealm.on_node_paired",
            (ev, ct) => { Console.WriteLine(ev.Payload); return ValueTask.CompletedTask; });

        Assert.Equal(JsonValueKind.Array, nodes.ValueKind);
        Assert.NotNull(sub.SubscriptionId);
    }

    // docs/connection-resilience.md, "With CfcClient" (a real CFC: compiled only).
    internal static async Task ResilienceWithCfcClient(CryptosignKey key, CancellationToken cancellationToken)
    {
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = new Uri("wss://cfc.example.com/ws"),
            Realm = CfcRealms.Global,
            Authenticator = CfcAuthenticator.Cryptosign(key, authId: "alice@example.com"),
            Connection = new WampConnectionOptions
            {
                KeepAliveInterval = TimeSpan.FromSeconds(10),   // the defaults: a dead connection is noticed within 15 s
                KeepAliveTimeout = TimeSpan.FromSeconds(5),
                Reconnect = new WampReconnectOptions
                {
                    InitialDelay = TimeSpan.FromSeconds(1),
                    MaxDelay = TimeSpan.FromSeconds(30),
                    MaxAttempts = null,                          // retry forever
                    RetryFirstConnect = true,                    // also wait for a CFC that is not up yet
                    QueueTimeout = TimeSpan.FromSeconds(20),     // how long calls made during an outage wait
                },
            },
        }, cancellationToken);

        Console.WriteLine($"state: {client.State}");
        using IDisposable states = client.StateChanges.Subscribe(state =>
        {
            Console.WriteLine($"state: {state}");   // Reconnecting ... Connected, or Failed when it gives up
            if (state == CfcConnectionState.Failed)
            {
                // Why: e.g. a CfcAuthenticationException when CFC refused to let the client back in (key removed).
                Console.WriteLine($"gave up: {client.LastError?.Message}");
            }
        });
    }

    private async Task<CfcClient> ConnectAliceAsync(FakeCfc fake)
    {
        CryptosignKey key = CryptosignKey.Generate();
        _keys.Add(key);
        fake.AddUser("alice@example.com", key.PublicKeyHex);
        return await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
            Connection = new() { ConnectTimeout = Wait },
        });
    }
}
