using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;
using static Cfc.Client.Tests.Fake.FakeCfcFixture;

namespace Cfc.Client.Tests.Fake;

public sealed class FakeGlobalApiTests
{
    [Fact]
    public async Task Get_status_reports_version_realm_nonce_now_and_tick()
    {
        using var f = new FakeCfcFixture();
        JsonElement s = Obj(await f.Host.CallAsync(new FakeCallContext(Global, Alice, "user", 1), "crossbarfabriccenter.system.get_status", default));
        Assert.Equal(FakeCfcState.DefaultVersion, s.GetProperty("version").GetString());
        Assert.Equal(Global, s.GetProperty("realm").GetString());
        Assert.Matches("^[0-9a-f]{32}$", s.GetProperty("nonce").GetString());
        Assert.Equal("2025-01-02T03:04:05.000Z", s.GetProperty("now").GetString());
        Assert.Equal(f.State.Tick, s.GetProperty("tick").GetInt64());
    }

    [Fact]
    public void Nonce_and_tick_start_random_per_start()
    {
        var a = new FakeCfcState();
        var b = new FakeCfcState();
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.True(a.Tick > 0 && b.Tick > 0);
    }

    [Fact]
    public void Tick_goes_up_by_one_every_period_with_an_on_tick_event()
    {
        using var f = new FakeCfcFixture();
        long start = f.State.Tick;
        f.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(f.Host.Events);
        f.Time.Advance(TimeSpan.FromSeconds(0.1));
        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(start + 2, f.State.Tick);
        var ticks = f.Host.FabricEvents.Where(e => e.Topic == "crossbarfabriccenter.system.on_tick").ToList();
        Assert.Equal(2, ticks.Count);
        Assert.Equal(start + 2, ticks[1].Payload[0].GetProperty("tick").GetInt64());
        Assert.Equal("2025-01-02T03:04:15.000Z", ticks[1].Payload[0].GetProperty("now").GetString());
        Assert.All(ticks, t => Assert.Equal(Global, t.Realm));
        Assert.Contains(f.Host.Events, e => e.Topic == "cfc.on_tick");
    }

    [Fact]
    public void Tick_period_is_configurable()
    {
        using var f = new FakeCfcFixture(TimeSpan.FromSeconds(1));
        long start = f.State.Tick;
        f.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(start + 3, f.State.Tick);
    }

    [Fact]
    public async Task Create_realm_fires_creating_opens_the_realm_fires_created_then_returns_with_the_caller_as_owner()
    {
        using var f = new FakeCfcFixture();
        bool joinableBeforeCreated = false;
        f.Host.OnOpen = _ =>
        {
            joinableBeforeCreated = !f.Host.Log.Any(l => l.Contains("on_realm_created", StringComparison.Ordinal));
            return ValueTask.CompletedTask;
        };
        JsonElement created = Obj(await f.GlobalCallAsync(Bob, "create_realm", "realm-b"));
        Assert.Equal("realm-b", created.GetProperty("name").GetString());
        Assert.Equal(Bob, created.GetProperty("owner").GetString());
        Assert.True(joinableBeforeCreated);
        Assert.Equal(
            ["publish com.crossbario.fabric crossbarfabriccenter.mrealm.on_realm_creating", "open realm-b", "publish com.crossbario.fabric crossbarfabriccenter.mrealm.on_realm_created"],
            f.Host.Log.Where(l => !l.Contains(" cfc.", StringComparison.Ordinal)));
        var events = f.Host.FabricEvents;
        Assert.Equal("realm-b", events[0].Payload[0].GetString());
        Assert.True(JsonElement.DeepEquals(created, events[1].Payload[1]));
        Assert.Equal(["owner"], Strings(WampPayload.FromArguments(Obj(await f.GlobalCallAsync(Bob, "get_roles", "realm-b")).GetProperty(Bob))));
        Assert.Equal(["realm-b"], Strings(await f.GlobalCallAsync(Bob, "get_realms")));
    }

    [Fact]
    public async Task Realm_names_are_unique()
    {
        using var f = new FakeCfcFixture();
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "create_realm", RealmA), "crossbar.error.already_exists");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1realm")]
    [InlineData("my realm")]
    [InlineData("crossbar-realm")]
    [InlineData("fabric1")]
    [InlineData("wamp.test")]
    [InlineData("autobahn")]
    [InlineData("com.crossbario.fabric")]
    public async Task Invalid_realm_names_are_refused(string name)
    {
        using var f = new FakeCfcFixture();
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "create_realm", name), "fabric.invalid-realm");
        Assert.Empty(f.Host.Events);
    }

    [Fact]
    public async Task Create_realm_accepts_the_masters_dictionary_form()
    {
        using var f = new FakeCfcFixture();
        JsonElement arg = WampJson.BuildObject(w => w.WriteString("name", "realm-c"));
        Assert.Equal("realm-c", Obj(await f.GlobalCallAsync(Bob, "create_realm", arg)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failed_realm_open_leaves_no_realm()
    {
        using var f = new FakeCfcFixture();
        f.Host.OnOpen = _ => throw new InvalidOperationException("router down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => f.GlobalCallAsync(Bob, "create_realm", "realm-b"));
        Assert.Null(f.State.FindRealm("realm-b"));
    }

    [Fact]
    public async Task Only_an_owner_may_delete_a_realm()
    {
        using var f = new FakeCfcFixture();
        await f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "admin");
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "delete_realm", RealmA), "wamp.error.not_authorized");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "delete_realm", "nope-realm"), "crossbar.error.no_such_object");
        JsonElement deleted = Obj(await f.GlobalCallAsync(Alice, "delete_realm", RealmA));
        Assert.Equal(RealmA, deleted.GetProperty("name").GetString());
        Assert.Null(f.State.FindRealm(RealmA));
    }

    [Fact]
    public async Task Delete_with_paired_nodes_needs_cascade_which_unpairs_them()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync("node1", 10);
        await f.AddNodeAsync("node2", 11);
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "delete_realm", RealmA, false), "crossbar.error.dependent_objects");
        Assert.NotNull(f.State.FindRealm(RealmA));
        f.Host.Events.Clear();
        f.Host.Log.Clear();

        JsonElement deleted = Obj(await f.GlobalCallAsync(Alice, "delete_realm", RealmA, true));
        Assert.Equal(["node1", "node2"], deleted.GetProperty("unpaired").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["on_realm_deleting", "on_node_unpaired", "on_node_unpaired", "on_realm_deleted"],
            f.Host.FabricEvents.Select(e => e.Topic["crossbarfabriccenter.mrealm.".Length..]));
        Assert.Equal(["node1", "node2"], f.Host.FabricEvents.Where(e => e.Topic.EndsWith("on_node_unpaired", StringComparison.Ordinal)).Select(e => e.Payload[1].GetString()));
        int close = f.Host.Log.IndexOf("close realm-a");
        Assert.True(close > 0 && close < f.Host.Log.FindIndex(l => l.EndsWith("mrealm.on_realm_deleted", StringComparison.Ordinal)));
        Assert.Empty(f.State.Nodes);
    }

    [Fact]
    public async Task Realm_reads_show_only_realms_the_caller_holds_a_role_on()
    {
        using var f = new FakeCfcFixture();
        Assert.Empty(Strings(await f.GlobalCallAsync(Bob, "get_realms")));
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "get_realm", RealmA), "wamp.error.not_authorized");
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "get_realm", "no-such"), "crossbar.error.no_such_object");
        Assert.Equal(Alice, Obj(await f.GlobalCallAsync(Alice, "get_realm", RealmA)).GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Roles_are_granted_and_revoked_with_events()
    {
        using var f = new FakeCfcFixture();
        JsonElement granted = Obj(await f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "operator"));
        Assert.Equal("operator", granted.GetProperty("role").GetString());
        await f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "guest");
        JsonElement roles = Obj(await f.GlobalCallAsync(Alice, "get_roles", RealmA));
        Assert.Equal(["guest", "operator"], roles.GetProperty(Bob).EnumerateArray().Select(e => e.GetString()));
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "guest"), "crossbar.error.already_exists");

        await f.GlobalCallAsync(Alice, "revoke_role", RealmA, Bob, "guest");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "revoke_role", RealmA, Bob, "guest"), "crossbar.error.no_such_object");

        var events = f.Host.FabricEvents;
        Assert.Equal(["on_role_granted", "on_role_granted", "on_role_revoked"], events.Select(e => e.Topic["crossbarfabriccenter.mrealm.".Length..]));
        Assert.Equal(RealmA, events[0].Payload[0].GetString());
        Assert.Equal(Bob, events[0].Payload[1].GetString());
        Assert.Equal("operator", events[0].Payload[2].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_owners_and_admins_grant_only_owners_touch_owner_and_the_last_owner_stays()
    {
        using var f = new FakeCfcFixture();
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "superuser"), "wamp.error.invalid_argument");
        await f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "admin");
        await f.GlobalCallAsync(Alice, "grant_role", RealmA, Carol, "developer");
        await ErrorAsync(() => f.GlobalCallAsync(Carol, "grant_role", RealmA, Carol, "admin"), "wamp.error.not_authorized");
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "grant_role", RealmA, Bob, "owner"), "wamp.error.not_authorized");
        await f.GlobalCallAsync(Bob, "grant_role", RealmA, Carol, "operator");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "revoke_role", RealmA, Alice, "owner"), "wamp.error.invalid_argument");
        await f.GlobalCallAsync(Alice, "grant_role", RealmA, Bob, "owner");
        await f.GlobalCallAsync(Alice, "revoke_role", RealmA, Alice, "owner");
        Assert.Equal(["admin", "owner"], f.State.FindRealm(RealmA)!.RolesOf(Bob));
    }

    [Fact]
    public async Task Pairing_assigns_the_node_id_keeps_pairing_order_and_fires_on_node_paired()
    {
        using var f = new FakeCfcFixture();
        JsonElement extra = WampJson.BuildObject(w => w.WriteString("site", "lab"));
        JsonElement paired = Obj(await f.GlobalCallAsync(Alice, "pair_node", Key(20), RealmA, "zeta", extra));
        await f.GlobalCallAsync(Alice, "pair_node", Key(21).ToUpperInvariant(), RealmA, "alpha", null);
        Assert.Equal("zeta", paired.GetProperty("authid").GetString());
        Assert.Equal(Key(20), paired.GetProperty("pubkey").GetString());
        Assert.Equal("lab", paired.GetProperty("authextra").GetProperty("site").GetString());

        Assert.Equal(["zeta", "alpha"], Strings(await f.GlobalCallAsync(Alice, "get_nodes")));
        Assert.Equal(["zeta", "alpha"], Strings(await f.CallAsync(RealmA, "crossbarfabriccenter.mrealm.get_nodes")));
        Assert.Equal("alpha", Obj(await f.GlobalCallAsync(Alice, "get_node", "alpha")).GetProperty("node_id").GetString());

        var events = f.Host.FabricEvents.Where(e => e.Topic == "crossbarfabriccenter.mrealm.on_node_paired").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(RealmA, events[0].Payload[0].GetString());
        Assert.Equal("zeta", events[0].Payload[1].GetString());
        Assert.True(JsonElement.DeepEquals(paired, events[0].Payload[2]));
    }

    [Fact]
    public async Task A_key_pairs_with_at_most_one_realm_and_bad_input_is_refused()
    {
        using var f = new FakeCfcFixture();
        await f.GlobalCallAsync(Bob, "create_realm", "realm-b");
        await f.GlobalCallAsync(Alice, "pair_node", Key(20), RealmA, "node1", null);
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "pair_node", Key(20), "realm-b", "node9", null), "crossbar.error.already_exists");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "pair_node", Key(21), RealmA, "node1", null), "crossbar.error.already_exists");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "pair_node", "abc", RealmA, "node2", null), "wamp.error.invalid_argument");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "pair_node", new string('g', 64), RealmA, "node2", null), "wamp.error.invalid_argument");
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "pair_node", Key(22), "no-realm", "node2", null), "crossbar.error.no_such_object");
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "pair_node", Key(22), RealmA, "node2", null), "wamp.error.not_authorized");
        Assert.Single(f.State.Nodes);
    }

    [Fact]
    public async Task Unpair_by_key_fires_on_node_unpaired_and_frees_the_key()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync("node1", 10);
        await ErrorAsync(() => f.GlobalCallAsync(Bob, "unpair_node", Key(10)), "wamp.error.not_authorized");
        JsonElement unpaired = Obj(await f.GlobalCallAsync(Alice, "unpair_node", Key(10)));
        Assert.Equal("node1", unpaired.GetProperty("node_id").GetString());
        var e = Assert.Single(f.Host.FabricEvents, x => x.Topic == "crossbarfabriccenter.mrealm.on_node_unpaired");
        Assert.Equal(RealmA, e.Payload[0].GetString());
        Assert.Equal("node1", e.Payload[1].GetString());
        await ErrorAsync(() => f.GlobalCallAsync(Alice, "unpair_node", Key(10)), "crossbar.error.no_such_object");
        await f.GlobalCallAsync(Alice, "pair_node", Key(10), RealmA, "node1", null);
    }

    [Fact]
    public async Task A_management_realm_session_sees_its_own_status_and_nodes()
    {
        using var f = new FakeCfcFixture();
        SimulatedNode node = await f.AddNodeAsync("node1", 10);
        JsonElement status = Obj(await f.CallAsync(RealmA, "cfc.get_status"));
        Assert.Equal("management", status.GetProperty("type").GetString());
        Assert.Equal(RealmA, status.GetProperty("realm").GetString());
        Assert.Equal(1, status.GetProperty("nodes").GetInt32());
        Assert.Equal("online", Obj(await f.CallAsync(RealmA, "cfc.get_node", node.Oid)).GetProperty("status").GetString());
        node.IsOnline = false;
        Assert.Equal(["node1"], Strings(await f.CallAsync(RealmA, "crossbarfabriccenter.mrealm.get_nodes", "offline")));
        Assert.Empty(Strings(await f.CallAsync(RealmA, "crossbarfabriccenter.mrealm.get_nodes", "online")));
        await ErrorAsync(() => f.CallAsync(RealmA, "crossbarfabriccenter.mrealm.get_node", "node9"), "crossbar.error.no_such_object");
    }
}
