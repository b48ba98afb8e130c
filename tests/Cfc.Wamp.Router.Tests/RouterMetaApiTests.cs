using System.Text.Json;

namespace Cfc.Wamp.Router.Tests;

public sealed class RouterMetaApiTests
{
    [Fact]
    public async Task Session_count_list_and_get_describe_the_realm()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();
        await bed.JoinAsync("other.realm");

        await a.CallAsync("wamp.session.count");
        Assert.Equal(2, (await a.ExpectAsync(50))[3][0].GetInt32());

        await a.CallAsync("wamp.session.list");
        long[] ids = [.. (await a.ExpectAsync(50))[3][0].EnumerateArray().Select(e => e.GetInt64())];
        Assert.Equal(new[] { a.SessionId, b.SessionId }.Order(), ids.Order());

        await a.CallAsync("wamp.session.get", payload: $"[{b.SessionId}]");
        JsonElement details = (await a.ExpectAsync(50))[3][0];
        Assert.Equal(b.SessionId, details.GetProperty("session").GetInt64());
        Assert.Equal("anonymous", details.GetProperty("authrole").GetString());
        Assert.Equal("anonymous", details.GetProperty("authmethod").GetString());

        await a.CallAsync("wamp.session.get", payload: "[12345]");
        Assert.Equal("wamp.error.no_such_session", (await a.ExpectAsync(8))[4].GetString());

        await a.CallAsync("wamp.session.count", payload: """[["admin"]]""");
        Assert.Equal(0, (await a.ExpectAsync(50))[3][0].GetInt32());
    }

    [Fact]
    public async Task On_join_and_on_leave_are_published()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer observer = await bed.JoinAsync();
        await observer.SubscribeAsync("wamp.session.on_join");
        await observer.SubscribeAsync("wamp.session.on_leave");

        RawPeer other = await bed.JoinAsync();
        JsonElement join = await observer.ExpectAsync(36);
        Assert.Equal(other.SessionId, join[4][0].GetProperty("session").GetInt64());
        Assert.Equal("anonymous", join[4][0].GetProperty("authrole").GetString());

        await other.SendAsync("""[6,{},"wamp.close.normal"]""");
        JsonElement leave = await observer.ExpectAsync(36);
        Assert.Equal(other.SessionId, leave[4][0].GetInt64());
    }

    [Fact]
    public async Task Registration_meta_api_lists_looks_up_and_reports_events()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer observer = await bed.JoinAsync();
        RawPeer callee = await bed.JoinAsync();
        await observer.SubscribeAsync("wamp.registration.on_create");
        await observer.SubscribeAsync("wamp.registration.on_register");

        long registration = await callee.RegisterAsync("com.example", """{"match":"prefix"}""");

        JsonElement created = await observer.ExpectAsync(36);
        Assert.Equal(callee.SessionId, created[4][0].GetInt64());
        Assert.Equal("com.example", created[4][1].GetProperty("uri").GetString());
        Assert.Equal(registration, (await observer.ExpectAsync(36))[4][1].GetInt64());

        await observer.CallAsync("wamp.registration.list");
        Assert.Equal(registration, (await observer.ExpectAsync(50))[3][0].GetProperty("prefix")[0].GetInt64());
        await observer.CallAsync("wamp.registration.lookup", payload: """["com.example",{"match":"prefix"}]""");
        Assert.Equal(registration, (await observer.ExpectAsync(50))[3][0].GetInt64());
        await observer.CallAsync("wamp.registration.match", payload: """["com.example.x"]""");
        Assert.Equal(registration, (await observer.ExpectAsync(50))[3][0].GetInt64());
        await observer.CallAsync("wamp.registration.get", payload: $"[{registration}]");
        JsonElement description = (await observer.ExpectAsync(50))[3][0];
        Assert.Equal("prefix", description.GetProperty("match").GetString());
        Assert.Equal("single", description.GetProperty("invoke").GetString());
        await observer.CallAsync("wamp.registration.list_callees", payload: $"[{registration}]");
        Assert.Equal(callee.SessionId, (await observer.ExpectAsync(50))[3][0][0].GetInt64());
        await observer.CallAsync("wamp.registration.get", payload: "[1]");
        Assert.Equal("wamp.error.no_such_registration", (await observer.ExpectAsync(8))[4].GetString());
    }

    [Fact]
    public async Task Subscription_meta_api_counts_subscribers()
    {
        await using RouterTestBed bed = await RouterTestBed.StartAsync(false);
        RawPeer a = await bed.JoinAsync();
        RawPeer b = await bed.JoinAsync();
        long subscription = await a.SubscribeAsync("com.example.topic");
        await b.SubscribeAsync("com.example.topic");

        await a.CallAsync("wamp.subscription.count_subscribers", payload: $"[{subscription}]");
        Assert.Equal(2, (await a.ExpectAsync(50))[3][0].GetInt32());
        await a.CallAsync("wamp.subscription.get", payload: $"[{subscription}]");
        Assert.Equal("com.example.topic", (await a.ExpectAsync(50))[3][0].GetProperty("uri").GetString());
        await a.CallAsync("wamp.subscription.list");
        Assert.Contains(subscription, (await a.ExpectAsync(50))[3][0].GetProperty("exact").EnumerateArray().Select(e => e.GetInt64()));
        await a.CallAsync("wamp.subscription.nope");
        Assert.Equal("wamp.error.no_such_procedure", (await a.ExpectAsync(8))[4].GetString());
    }
}
