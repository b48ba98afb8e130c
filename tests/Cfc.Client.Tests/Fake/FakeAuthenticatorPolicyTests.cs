using Cfc.Client.Testing;
using static Cfc.Client.Tests.Fake.FakeCfcFixture;

namespace Cfc.Client.Tests.Fake;

public sealed class FakeAuthenticatorPolicyTests
{
    [Fact]
    public void Users_join_the_global_realm_as_user_and_management_realms_with_a_role_they_hold()
    {
        using var f = new FakeCfcFixture();
        FakeAuthDecision global = f.Backend.Authenticator.Decide(null, null, null, Key(1));
        Assert.True(global.IsAccepted);
        Assert.Equal((Global, Alice, "user"), (global.Realm, global.AuthId, global.AuthRole));
        Assert.Equal("owner", f.Backend.Authenticator.Decide(RealmA, Alice, null, Key(1)).AuthRole);
        Assert.Equal("wamp.error.not_authorized", f.Backend.Authenticator.Decide(RealmA, Alice, "admin", Key(1)).ErrorUri);
        Assert.Equal("wamp.error.not_authorized", f.Backend.Authenticator.Decide(RealmA, null, null, Key(2)).ErrorUri);
        Assert.Equal("wamp.error.not_authorized", f.Backend.Authenticator.Decide(null, Bob, null, Key(1)).ErrorUri);
        Assert.Equal("wamp.error.no_such_realm", f.Backend.Authenticator.Decide("nope-realm", null, null, Key(1)).ErrorUri);
    }

    [Fact]
    public void Unknown_keys_are_refused()
    {
        using var f = new FakeCfcFixture();
        Assert.Equal("wamp.error.not_authorized", f.Backend.Authenticator.Decide(null, null, null, Key(99)).ErrorUri);
        Assert.Equal("wamp.error.not_authorized", f.Backend.Authenticator.Decide(null, null, null, "xyz").ErrorUri);
    }

    [Fact]
    public async Task Paired_nodes_join_their_management_realm_as_node_with_their_node_id()
    {
        using var f = new FakeCfcFixture();
        await f.AddNodeAsync("node1", 10);
        FakeAuthDecision d = f.Backend.Authenticator.Decide(null, null, "node", Key(10));
        Assert.Equal((RealmA, "node1", "node"), (d.Realm, d.AuthId, d.AuthRole));
        Assert.False(f.Backend.Authenticator.Decide(Global, null, null, Key(10)).IsAccepted);
    }

    [Fact]
    public void Users_from_options_must_have_valid_keys_and_roles()
    {
        var state = new FakeCfcState();
        Assert.Throws<ArgumentException>(() => state.AddUser(new FakeCfcUser("x@example.com", "abc")));
        Assert.Throws<ArgumentException>(() => state.AddUser(new FakeCfcUser("x@example.com", Key(5)) { RealmRoles = new Dictionary<string, IReadOnlyList<string>> { ["realm-x"] = ["king"] } }));
        Assert.Throws<ArgumentException>(() => state.AddUser(new FakeCfcUser("x@example.com", Key(5)) { RealmRoles = new Dictionary<string, IReadOnlyList<string>> { ["wamp.x"] = ["owner"] } }));
    }
}
