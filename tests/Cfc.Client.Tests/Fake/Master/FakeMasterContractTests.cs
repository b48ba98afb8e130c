using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Time.Testing;
using static Cfc.Client.Tests.Fake.FakeCfcFixture;

namespace Cfc.Client.Tests.Fake.Master;

/// <summary>
/// The CrossbarMaster contract of the fake, rule by rule, on a recording host with fake time (the conformance test checks
/// the shapes against the real server; these check the behaviour the recordings imply, including what they could not show).
/// </summary>
public sealed class FakeMasterContractTests : IDisposable
{
    private const string Superuser = "superuser";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingHost _host = new();
    private readonly FakeCfcBackend _backend;

    public FakeMasterContractTests()
    {
        _backend = new FakeCfcBackend(new FakeCfcState(_time), _host, TimeSpan.FromSeconds(5), [CfcUriScheme.CrossbarMaster], masterStopRealmBug: false);
        _backend.Start();
    }

    public void Dispose() => _backend.Dispose();

    private Task<WampPayload> GlobalAsync(string proc, params object?[] args) =>
        _host.CallAsync(new FakeCallContext(Global, Superuser, "user", 1), "crossbarfabriccenter." + proc, RecordingHost.Args(args));

    private Task<WampPayload> MrealmAsync(string realm, string proc, params object?[] args) =>
        _host.CallAsync(new FakeCallContext(realm, Superuser, "owner", 2), "crossbarfabriccenter." + proc, RecordingHost.Args(args));

    private List<WampPayload> Events(string topic) => [.. _host.Events.Where(e => e.Topic == "crossbarfabriccenter." + topic).Select(e => e.Payload)];

    private static JsonElement Spec(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task The_default_management_realm_always_exists()
    {
        Assert.Equal(["default"], Strings(await GlobalAsync("mrealm.list_mrealms", true)));
        JsonElement status = Obj(await MrealmAsync("default", "mrealm.get_status"));
        Assert.Equal("management", status.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Create_returns_the_mrealm_object_and_publishes_it_as_the_one_argument_of_on_mrealm_created()
    {
        JsonElement created = Obj(await GlobalAsync("mrealm.create_mrealm", Spec("""{"name":"lab","label":"Lab","tags":["a"]}""")));
        Assert.Equal(JsonValueKind.Number, created.GetProperty("created").ValueKind);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, created.GetProperty("created").GetInt64());
        Assert.True(Guid.TryParse(created.GetProperty("oid").GetString(), out _));
        WampPayload e = Assert.Single(Events("mrealm.on_mrealm_created"));
        Assert.Equal(1, e.Count);
        Assert.Equal(created.GetProperty("oid").GetString(), e[0].GetProperty("oid").GetString());
        Assert.Equal(created.GetProperty("oid").GetString(), Obj(await GlobalAsync("mrealm.get_mrealm_by_name", "lab")).GetProperty("oid").GetString());
        await ErrorAsync(() => GlobalAsync("mrealm.create_mrealm", Spec("""{"name":"lab"}""")), "crossbar.error.already_exists");
        await ErrorAsync(() => GlobalAsync("mrealm.create_mrealm", Spec("""{"name":"wamp.x"}""")), "fabric.invalid-realm");
    }

    [Fact]
    public async Task Deleting_with_paired_nodes_needs_cascade_which_unpairs_them_first()
    {
        await GlobalAsync("mrealm.create_mrealm", Spec("""{"name":"lab"}"""));
        JsonElement node = Obj(await GlobalAsync("mrealm.pair_node", Key(5), "lab", "node1", Spec("{}")));
        WampException dependent = await ErrorAsync(() => GlobalAsync("mrealm.delete_mrealm_by_name", "lab"), "crossbar.error.dependent_objects");
        Assert.Contains(node.GetProperty("oid").GetString()!, dependent.Message, StringComparison.Ordinal);

        JsonElement deleted = Obj(await _host.CallAsync(new FakeCallContext(Global, Superuser, "user", 1), "crossbarfabriccenter.mrealm.delete_mrealm_by_name",
            new WampPayload(WampJson.ParseElement("[\"lab\"]"u8), WampJson.ParseElement("{\"cascade\":true}"u8))));
        Assert.Equal(JsonValueKind.String, deleted.GetProperty("created").ValueKind);
        Assert.Equal([node.GetProperty("oid").GetString()!], deleted.GetProperty("unpaired").EnumerateArray().Select(x => x.GetString()!));
        Assert.Single(Events("mrealm.on_node_unpaired"));
        Assert.Single(Events("mrealm.on_realm_deleted"));
        Assert.Equal(["default"], Strings(await GlobalAsync("mrealm.list_mrealms", true)));
    }

    [Fact]
    public async Task With_the_v22_6_1_bug_every_delete_fails_with_the_realm_name_and_the_realm_stays()
    {
        var host = new RecordingHost();
        using var backend = new FakeCfcBackend(new FakeCfcState(_time), host, TimeSpan.FromSeconds(5), [CfcUriScheme.CrossbarMaster], masterStopRealmBug: true);
        backend.Start();
        var context = new FakeCallContext(Global, Superuser, "user", 1);
        await host.CallAsync(context, "crossbarfabriccenter.mrealm.create_mrealm", RecordingHost.Args(Spec("""{"name":"lab2"}""")));
        WampException e = await Assert.ThrowsAsync<WampException>(() => host.CallAsync(context, "crossbarfabriccenter.mrealm.delete_mrealm_by_name", RecordingHost.Args("lab2")));
        Assert.Equal("wamp.error.runtime_error", e.ErrorUri);
        Assert.Equal("lab2", e.Payload[0].GetString());
        Assert.Equal(["default", "lab2"], Strings(await host.CallAsync(context, "crossbarfabriccenter.mrealm.list_mrealms", RecordingHost.Args(true))));
        Assert.DoesNotContain(host.Events, x => x.Topic.EndsWith("on_realm_deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_async_global_procedure_missing_an_argument_restarts_the_domain_controller()
    {
        _time.Advance(TimeSpan.FromSeconds(10));
        await ErrorAsync(() => GlobalAsync("mrealm.create_mrealm"), "wamp.error.canceled");
        await ErrorAsync(() => GlobalAsync("mrealm.list_mrealms"), "wamp.error.no_such_procedure");
        await ErrorAsync(() => GlobalAsync("domain.get_status"), "wamp.error.no_such_procedure");
        _time.Advance(FakeMasterState.RestartTime);
        JsonElement status = Obj(await GlobalAsync("domain.get_status"));
        Assert.Equal(0, status.GetProperty("tick").GetInt64());
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, Events("domain.on_tick")[^1][0].GetProperty("tick").GetInt64());
    }

    [Fact]
    public async Task Errors_carry_the_masters_uris_and_sometimes_no_arguments()
    {
        WampException assert = await ErrorAsync(() => GlobalAsync("mrealm.get_mrealm_by_name", 123), "wamp.error.runtime_error");
        Assert.Equal(0, assert.Payload.Count);
        await ErrorAsync(() => GlobalAsync("mrealm.get_mrealm", "not-a-uuid"), "wamp.error.runtime_error");
        await ErrorAsync(() => MrealmAsync("default", "mrealm.get_node", 42), "wamp.error.type_check_error");
        await ErrorAsync(() => MrealmAsync("default", "mrealm.get_node", "not-a-uuid"), "wamp.error.invalid_argument");
        WampException unknownRealm = await ErrorAsync(() => GlobalAsync("mrealm.pair_node", Key(6), "nope", "n"), "wamp.error.runtime_error");
        Assert.Contains("key must be an UUID", unknownRealm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_calls_take_node_oids_and_forwarded_events_carry_the_node_authid()
    {
        SimulatedNode node = _backend.AddNode("default", "edge1", Key(7));
        Assert.Equal([node.Oid], Strings(await MrealmAsync("default", "mrealm.get_nodes", "online")));
        Assert.Equal(["container1", "proxy1", "worker1"], Strings(await MrealmAsync("default", "remote.node.get_workers", node.Oid)));
        await ErrorAsync(() => MrealmAsync("default", "remote.node.get_workers", "edge1"), "wamp.error.runtime_error");
        WampException unknown = await ErrorAsync(() => MrealmAsync("default", "remote.node.get_status", Guid.NewGuid().ToString()), "wamp.error.no_such_procedure");
        Assert.Contains("crossbarfabriccenter.node.None.get_status", unknown.Message, StringComparison.Ordinal);

        await MrealmAsync("default", "remote.tracing.start_trace", node.Oid, "worker1", "t1", Spec("""{"batching_period":500}"""));
        WampPayload started = Assert.Single(Events("remote.tracing.on_trace_started"));
        Assert.Equal(["edge1", "worker1", "t1"], new[] { started[0], started[1], started[2] }.Select(x => x.GetString()!));

        node.IsOnline = false;
        WampException offline = await ErrorAsync(() => MrealmAsync("default", "remote.node.get_status", node.Oid), "wamp.error.no_such_procedure");
        Assert.Contains("crossbarfabriccenter.node.edge1.get_status", offline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_comes_online_is_announced_at_the_next_tick_and_one_that_goes_away_too()
    {
        SimulatedNode node = _backend.AddNode("default", "edge1", Key(7));
        node.IsOnline = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(_host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_tick" && e.Realm == "default");
        Assert.Empty(Events("mrealm.on_node_ready"));

        node.IsOnline = true;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(node.Oid, Assert.Single(Events("mrealm.on_node_ready"))[0].GetString());
        JsonElement online = Obj(await MrealmAsync("default", "mrealm.get_node_by_authid", "edge1"));
        Assert.Equal("online", online.GetProperty("status").GetString());

        node.IsOnline = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(node.Oid, Assert.Single(Events("mrealm.on_node_shutdown"))[0].GetString());
    }

    [Fact]
    public async Task Proxy_transports_and_router_components_start_but_never_stop_and_a_node_shutdown_is_canceled_like_on_the_edge()
    {
        SimulatedNode node = _backend.AddNode("default", "edge1", Key(7));

        JsonElement transport = Obj(await MrealmAsync("default", "remote.proxy.start_proxy_transport", node.Oid, "proxy1", "t9",
            Spec("""{"type":"web","endpoint":{"type":"tcp","port":8080}}""")));
        Assert.Equal(("t9", "web"), (transport.GetProperty("id").GetString(), transport.GetProperty("type").GetString()));
        Assert.Equal(transport.GetProperty("created_at").GetString(), transport.GetProperty("listening_since").GetString());
        Assert.Contains("t9", Strings(await MrealmAsync("default", "remote.proxy.get_proxy_transports", node.Oid, "proxy1")));
        Assert.Equal(8080, Obj(await MrealmAsync("default", "remote.proxy.get_proxy_transport", node.Oid, "proxy1", "t9"))
            .GetProperty("config").GetProperty("endpoint").GetProperty("port").GetInt32());
        await ErrorAsync(() => MrealmAsync("default", "remote.proxy.get_proxy_transport", node.Oid, "proxy1", "nope"), "crossbar.error.no_such_object");
        WampException stopTransport = await ErrorAsync(() => MrealmAsync("default", "remote.proxy.stop_proxy_transport", node.Oid, "proxy1", "t9"), "wamp.error.runtime_error");
        Assert.Contains("'_transports'", stopTransport.Message, StringComparison.Ordinal);
        Assert.Contains("t9", Strings(await MrealmAsync("default", "remote.proxy.get_proxy_transports", node.Oid, "proxy1")));

        JsonElement component = Obj(await MrealmAsync("default", "remote.router.start_router_component", node.Oid, "worker1", "c1",
            Spec("""{"type":"class","classname":"cbm_hello.Hello","realm":"realm1"}""")));
        Assert.Equal(["id"], component.EnumerateObject().Select(p => p.Name));
        await ErrorAsync(() => MrealmAsync("default", "remote.router.stop_router_component", node.Oid, "worker1", "c1"), "crossbar.error.cannot_stop");
        JsonElement running = Obj(await MrealmAsync("default", "remote.router.get_router_component", node.Oid, "worker1", "c1"));
        Assert.Equal(["id", "started", "uptime", "config"], running.EnumerateObject().Select(p => p.Name));

        await ErrorAsync(() => MrealmAsync("default", "remote.node.shutdown", node.Oid), "wamp.error.canceled");
        Assert.False(node.IsOnline);
    }

    [Fact]
    public async Task A_management_realm_trace_starts_node_traces_on_the_traced_workers()
    {
        SimulatedNode node = _backend.AddNode("default", "edge1", Key(7));
        JsonElement workers = Spec($$"""[["{{node.Oid}}","worker1"],["{{node.Oid}}","nope"]]""");
        await MrealmAsync("default", "mrealm.create_trace", "mt1", workers);
        Assert.Equal(["mt1"], Strings(await MrealmAsync("default", "mrealm.get_traces")));
        JsonElement started = Obj(await MrealmAsync("default", "mrealm.start_trace", "mt1"));
        Assert.Single(started.GetProperty("started").EnumerateArray());
        Assert.Single(started.GetProperty("failed").EnumerateArray());
        Assert.Equal("running", ((SimulatedRouterWorker)node.Workers["worker1"]).Traces["mt1"].Status);
        await ErrorAsync(() => MrealmAsync("default", "mrealm.delete_trace", "mt1"), "wamp.error.runtime_error");
        await MrealmAsync("default", "mrealm.stop_trace", "mt1");
        await MrealmAsync("default", "mrealm.delete_trace", "mt1");
        Assert.Equal(JsonValueKind.Null, (await MrealmAsync("default", "mrealm.get_trace", "mt1"))[0].ValueKind);
    }

    [Fact]
    public async Task FakeCfc_serves_the_master_contract_alone_over_real_WAMP()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.Auto }));
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser("superuser", key.PublicKeyHex);
        await using WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = fake.Url,
            Realm = CfcRealms.Global,
            Authenticator = WampAuthenticator.Cryptosign(key, "superuser"),
        });
        WampResult status = await client.CallAsync("crossbarfabriccenter.domain.get_status");
        Assert.Equal("domain", status.Payload[0].GetProperty("type").GetString());
        WampException fabric = await Assert.ThrowsAnyAsync<WampException>(() => client.CallAsync("crossbarfabriccenter.system.get_status"));
        Assert.Equal("wamp.error.no_such_procedure", fabric.ErrorUri);
        Assert.Equal(["default"], fake.ManagementRealms);
    }

    [Fact]
    public async Task A_new_key_gets_the_masters_activation_aborts_over_WAMP()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { UriScheme = CfcUriScheme.CrossbarMaster });
        using CryptosignKey key = CryptosignKey.Generate();
        Task<WampClient> JoinAsync() => WampClient.ConnectAsync(new WampClientOptions
        {
            Url = fake.Url,
            Realm = CfcRealms.Global,
            Authenticator = WampAuthenticator.Cryptosign(key, "alice@example.com"),
        });

        Assert.Equal("fabric.auth-failed.new-user-auth-code-sent", (await Assert.ThrowsAnyAsync<WampException>(JoinAsync)).ErrorUri);
        Assert.Equal("fabric.auth-failed.pending-activation", (await Assert.ThrowsAnyAsync<WampException>(JoinAsync)).ErrorUri);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", fake.GetActivationCode(key.PublicKeyHex));
    }

    [Fact]
    public void The_activation_code_activates_the_key_a_wrong_one_does_not_and_a_new_one_can_be_requested()
    {
        var state = new FakeCfcState(_time);
        state.AddUser(new FakeCfcUser(Superuser, Key(1)) { RealmRoles = new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] } });
        var policy = new FakeCfcAuthenticatorPolicy(state) { EveryUserIsSuperuser = true };
        string key = Key(9);
        JsonElement Extra(string json) => JsonDocument.Parse(json).RootElement.Clone();

        Assert.Equal("fabric.auth-failed.registered-user-auth-code-sent", policy.Decide(Global, Superuser, null, key).ErrorUri);
        string first = state.PendingActivations[key].Code;
        Assert.Equal("fabric.auth-failed.pending-activation", policy.Decide(Global, Superuser, null, key).ErrorUri);
        Assert.Equal("fabric.auth-failed.registered-user-auth-code-sent", policy.Decide(Global, Superuser, null, key, Extra("""{"request_new_activation_code":true}""")).ErrorUri);
        string code = state.PendingActivations[key].Code;
        Assert.Equal("fabric.auth-failed.invalid-activation-code", policy.Decide(Global, Superuser, null, key, Extra($$"""{"activation_code":"{{(code == first ? "AAAA-BBBB-CCCC" : first)}}"}""")).ErrorUri);

        FakeAuthDecision activated = policy.Decide(Global, Superuser, null, key, Extra($$"""{"activation_code":"{{code}}"}"""));
        Assert.True(activated.IsAccepted);
        Assert.Equal(Superuser, activated.AuthId);
        Assert.Equal("owner", policy.Decide("lab", Superuser, null, key).AuthRole);
        Assert.Equal("fabric.auth-failed.no-pending-activation", policy.Decide(Global, "bob@example.com", null, Key(8), Extra("""{"activation_code":"AAAA-BBBB-CCCC"}""")).ErrorUri);
    }
}
