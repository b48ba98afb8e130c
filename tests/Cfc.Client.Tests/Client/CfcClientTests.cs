using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Client;

public sealed class CfcClientTests
{
    private static readonly CfcClientOptions Good = new() { Url = new Uri("ws://127.0.0.1:9000/ws") };

    [Fact]
    public void Options_have_documented_defaults()
    {
        var o = new CfcClientOptions();
        Assert.Equal("com.crossbario.fabric", o.Realm);
        Assert.Equal(CfcRealms.Global, o.Realm);
        Assert.Equal(WampSerializer.Json, o.Serializer);
        Assert.Equal(CfcUriScheme.Auto, o.UriScheme);
        Assert.Same(CfcAuthenticator.Anonymous, o.Authenticator);
        // The connection settings are the WAMP core's, with its defaults: one place, not a copy.
        Assert.Equal(new WampConnectionOptions(), o.Connection);
        Assert.Equal(WampConnectionOptions.Defaults.CallTimeout, o.Connection.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Connection.CloseTimeout);
        // Reconnect is on by default, with autobahn's backoff; the first connect still fails fast.
        WampReconnectOptions? reconnect = o.Connection.Reconnect;
        Assert.NotNull(reconnect);
        Assert.Equal(TimeSpan.FromSeconds(1.5), reconnect.InitialDelay);
        Assert.Equal(1.5, reconnect.DelayGrowth);
        Assert.Equal(TimeSpan.FromSeconds(300), reconnect.MaxDelay);
        Assert.Equal(0.1, reconnect.Jitter);
        Assert.Null(reconnect.MaxAttempts);
        Assert.False(reconnect.RetryFirstConnect);
        Assert.Same(reconnect, o.ToWampClientOptions().Reconnect);
        Assert.Equal(o.Connection.CloseTimeout, o.ToWampClientOptions().CloseTimeout);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("realm")]
    [InlineData("auth")]
    [InlineData("scheme")]
    [InlineData("timeout")]
    [InlineData("reconnect")]
    [InlineData("scheme-url")]
    [InlineData("event-queue-match")]
    public void Validate_says_what_to_fix(string what)
    {
        CfcClientOptions options = what switch
        {
            "url" => Good with { Url = null },
            "realm" => Good with { Realm = " " },
            "auth" => Good with { Authenticator = null! },
            "scheme" => Good with { UriScheme = (CfcUriScheme)7 },
            "timeout" => Good with { Connection = new() { CallTimeout = TimeSpan.FromSeconds(-2) } },
            "reconnect" => Good with { Connection = new() { Reconnect = new WampReconnectOptions { Jitter = 2 } } },
            "event-queue-match" => Good with { EventQueue = new WampSubscribeOptions { Match = WampMatch.Prefix } },
            _ => Good with { Url = new Uri("http://127.0.0.1/") },
        };

        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Contains("CfcClientOptions.", ex.Message);
        Assert.DoesNotContain("WampClientOptions", ex.Message);
    }

    [Theory]
    [InlineData("timeout", "CfcClientOptions.Connection.RequestTimeout must be positive")]
    [InlineData("reconnect", "CfcClientOptions.Connection.Reconnect.Jitter must be between 0 and 1")]
    [InlineData("keep-alive", "CfcClientOptions.Connection.KeepAliveInterval must be zero (off) or positive")]
    public void Validation_names_the_option_path_it_checks(string what, string expected)
    {
        CfcClientOptions options = Good with
        {
            Connection = what switch
            {
                "timeout" => new() { RequestTimeout = TimeSpan.Zero },
                "reconnect" => new() { Reconnect = new WampReconnectOptions { Jitter = 1.5 } },
                _ => new() { KeepAliveInterval = TimeSpan.FromSeconds(-1) },
            },
        };

        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_maps_options_to_the_wamp_core_and_wraps_the_session()
    {
        using CryptosignKey key = CryptosignKey.Generate();
        CfcClientOptions options = Good with
        {
            Realm = "mrealm1",
            Serializer = WampSerializer.Cbor,
            UriScheme = CfcUriScheme.Legacy,
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
            Connection = new() { CallTimeout = TimeSpan.FromSeconds(5), Reconnect = new WampReconnectOptions { MaxAttempts = 3 } },
        };
        WampClientOptions? seen = null;
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args("[]") };

        await using CfcClient client = await CfcClient.ConnectAsync(options, (o, _) => { seen = o; return Task.FromResult<IWampClient>(peer); }, CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal(options.Url, seen.Url);
        Assert.Equal("mrealm1", seen.Realm);
        Assert.Equal([WampSerializer.Cbor], seen.Serializers);
        Assert.Equal("alice@example.com", seen.Authenticator.AuthId);
        Assert.Equal(TimeSpan.FromSeconds(5), seen.CallTimeout);
        Assert.Equal(3, seen.Reconnect!.MaxAttempts);
        Assert.Same(peer, client.Wamp);
        Assert.Equal(CfcUriScheme.Legacy, client.UriScheme);
        await client.ManagementRealm.GetNodesAsync();
        Assert.Equal("cfc.get_nodes", peer.Calls[0].Procedure);
    }

    [Fact]
    public async Task Typed_event_streams_subscribe_with_the_configured_queue_bounds()
    {
        var peer = new ScriptedWampClient();
        var queue = new WampSubscribeOptions { MaxQueuedEvents = 50, MaxQueuedEventBytes = 64 * 1024 };
        await using CfcClient client = await CfcClient.ConnectAsync(Good with { EventQueue = queue },
            (_, _) => Task.FromResult<IWampClient>(peer), CancellationToken.None);

        using IDisposable ticks = await client.System.OnTick.SubscribeAsync(_ => { });

        Assert.Same(queue, peer.LastSubscribeOptions);
    }

    [Fact]
    public async Task Connect_failures_become_cfc_exceptions_and_bad_options_never_connect()
    {
        await Assert.ThrowsAsync<CfcAuthenticationException>(() => CfcClient.ConnectAsync(Good,
            (_, _) => throw new WampAuthenticationException("fabric.auth-failed.node-unpaired", "unpaired"), CancellationToken.None));

        bool connected = false;
        await Assert.ThrowsAsync<ArgumentException>(() => CfcClient.ConnectAsync(Good with { Url = null },
            (_, _) => { connected = true; return Task.FromResult<IWampClient>(new ScriptedWampClient()); }, CancellationToken.None));
        Assert.False(connected);
        await Assert.ThrowsAsync<ArgumentNullException>(() => CfcClient.ConnectAsync(null!));
    }

    [Fact]
    public async Task State_session_and_state_changes_follow_the_wamp_session()
    {
        var peer = new ScriptedWampClient();
        CfcClient client = CfcClient.Create(peer);
        var states = new Recorder<CfcConnectionState>();
        using IDisposable _ = client.StateChanges.Subscribe(states);

        Assert.Equal(CfcConnectionState.Connected, client.State);
        Assert.Equal(4242, client.SessionId);
        peer.SetState(WampConnectionState.Reconnecting);
        peer.SetState(WampConnectionState.Connected);
        peer.SetState(WampConnectionState.Failed);
        peer.SetState(WampConnectionState.Disconnected);
        peer.SetState(WampConnectionState.Connecting);

        Assert.Equal(
            [CfcConnectionState.Reconnecting, CfcConnectionState.Connected, CfcConnectionState.Failed, CfcConnectionState.Disconnected, CfcConnectionState.Connecting],
            states.Values);
        await client.DisposeAsync();
        await client.DisposeAsync();
        Assert.True(states.Completed);
    }

    [Fact]
    public void Create_refuses_null_and_unknown_schemes()
    {
        Assert.Throws<ArgumentNullException>(() => CfcClient.Create(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CfcClient.Create(new ScriptedWampClient(), (CfcUriScheme)9));
    }

    [Fact]
    public async Task The_api_examples_compile_and_run()
    {
        var peer = new ScriptedWampClient
        {
            Responder = (uri, _) => uri.EndsWith("get_realms", StringComparison.Ordinal) || uri.EndsWith("get_workers", StringComparison.Ordinal)
                ? Payload.Args("[\"x\"]")
                : Payload.Args("{\"now\":\"2024-01-01T00:00:00Z\",\"tick\":3}"),
        };
        await using CfcClient client = CfcClient.Create(peer);
        string pubkey = new('b', 64);
        var config = new Dictionary<string, object?> { ["name"] = "realm1" };

        SystemStatus status = await client.System.GetStatusAsync();
        Assert.Equal(3, status.Tick);
        using IDisposable ticks = client.System.OnTick.Subscribe(new Recorder<TickEvent>());
        IReadOnlyList<string> realms = await client.ManagementRealms.GetRealmsAsync();
        await client.ManagementRealms.CreateRealmAsync("realm1");
        await client.ManagementRealms.DeleteRealmAsync("realm1", cascade: true);
        await client.ManagementRealms.GrantRoleAsync("realm1", "bob@example.com", CfcRole.Admin);
        NodePaired paired = await client.ManagementRealms.PairNodeAsync(pubkey, "realm1", "node1", new Dictionary<string, object?> { ["k"] = "v" });
        await client.ManagementRealms.UnpairNodeAsync(pubkey);
        using IDisposable pairings = client.ManagementRealms.OnNodePaired.Subscribe(new Recorder<NodePairedEvent>());
        IReadOnlyList<string> workers = await client.RemoteNode.GetWorkersAsync("node1");
        await client.RemoteRouter.StartRouterRealmAsync("node1", "worker1", "realm1", config);

        Assert.Equal(["x"], realms);
        Assert.Equal(["x"], workers);
        Assert.NotNull(paired);
        Assert.Equal("[\"realm1\",\"bob@example.com\",\"admin\"]", Payload.ArgsJson(peer.Calls[4].Payload));
    }
}
