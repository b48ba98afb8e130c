using System.Text.Json;
using System.Threading.Channels;
using Cfc.Wamp.Router;
using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>
/// autobahn-js (tests/interop-peers: callee.js, caller.js, publisher.js, subscriber.js) and OUR client through OUR
/// router (Cfc.Client.Testing's WampRouterHost, anonymous realm), for every serializer both sides speak. Unlike
/// fox-wamp (JSON only, rewrites callee errors, forwards empty payloads as nulls) our router must pass everything
/// through intact, so these tests compare exactly.
/// </summary>
public sealed class AutobahnJsAgainstOurRouterTests : IAsyncLifetime
{
    private const string Realm = "interop.js";
    private WampRouterHost? _host;

    public async Task InitializeAsync()
    {
        _host = await WampRouterHost.StartNewAsync(new WampRouterOptions { AutoCreateRealms = false });
        Host.Router.AddRealm(new WampRealmOptions(Realm)); // anonymous access (no authenticator)
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) // null when InitializeAsync failed: report that failure, not a NullReferenceException here
        {
            await _host.DisposeAsync();
        }
    }

    private WampRouterHost Host => _host ?? throw new InvalidOperationException("The router did not start.");

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Our_client_calls_the_autobahn_js_callee(string serializer)
    {
        string prefix = Prefix(serializer);
        await using PeerProcess callee = Node("callee.js", serializer, "--prefix", prefix);
        await callee.ExpectAsync("ready");
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, cts.Token);

        WampResult sum = await client.CallAsync(prefix + "add2", Json.Payload("[2, 3]"), cancellationToken: cts.Token);
        Json.Equal("[5]", sum.Payload.Arguments);

        const string Args = """["a",{"n":[1,2],"deep":{"x":null}},-3,true,"ü€"]""";
        const string Kwargs = """{"flag":true,"list":["x",1],"nested":{"k":"v"}}""";
        WampResult echo = await client.CallAsync(prefix + "echo", Json.Payload(Args, Kwargs), cancellationToken: cts.Token);
        Json.Equal(Args, echo.Payload.Arguments);
        Json.Equal(Kwargs, echo.Payload.ArgumentsKeywords);

        var progress = new List<int>();
        WampResult done = await client.CallAsync(
            prefix + "progress",
            Json.Payload("[3]"),
            new WampCallOptions { OnProgress = r => progress.Add(r.Payload.Arguments!.Value[0].GetInt32()) },
            cts.Token);
        Assert.Equal([1, 2, 3], progress);
        Json.Equal("""["done"]""", done.Payload.Arguments);

        // Our router forwards the callee's ERROR as it is: URI, args and kwargs.
        WampException error = await Assert.ThrowsAsync<WampException>(() => client.CallAsync(prefix + "fail", cancellationToken: cts.Token));
        Assert.Equal("com.example.error.custom", error.ErrorUri);
        Json.Equal("""["bad",42]""", error.Arguments);
        Json.Equal("""{"reason":"because","code":7}""", error.ArgumentsKeywords);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Autobahn_js_calls_procedures_registered_by_our_client(string serializer)
    {
        string prefix = Prefix(serializer);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, cts.Token);
        await using WampRegistration echo = await client.RegisterAsync(
            prefix + "echo",
            (invocation, _) => ValueTask.FromResult(invocation.Payload),
            cancellationToken: cts.Token);
        await using WampRegistration count = await client.RegisterAsync(
            prefix + "count",
            async (invocation, ct) =>
            {
                if (invocation.ReceiveProgress)
                {
                    for (int i = 1; i <= 3; i++)
                    {
                        await invocation.SendProgressAsync(new WampPayloadBuilder().Add(i).Build(), ct);
                    }
                }

                return new WampPayloadBuilder().Add("finished").Build();
            },
            cancellationToken: cts.Token);
        await using WampRegistration refuse = await client.RegisterAsync(
            prefix + "refuse",
            (_, _) => throw new WampException("com.example.error.refused", payload: Json.Payload("""["no",1]""", """{"why":"test"}""")),
            cancellationToken: cts.Token);

        const string Args = """["a",{"b":[1,2]},3,false]""";
        const string Kwargs = """{"name":"js","n":{"deep":[null]}}""";
        await using PeerProcess caller = Node("caller.js", serializer, "--procedure", prefix + "echo", "--args", Args, "--kwargs", Kwargs);
        JsonElement result = await caller.ExpectAsync("result");
        Json.Equal(Args, result.GetProperty("args"));
        Json.Equal(Kwargs, result.GetProperty("kwargs"));

        await using PeerProcess progressive = Node("caller.js", serializer, "--procedure", prefix + "count", "--progress");
        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal(i, (await progressive.ExpectAsync("progress")).GetProperty("args")[0].GetInt32());
        }

        Json.Equal("""["finished"]""", (await progressive.ExpectAsync("result")).GetProperty("args"));

        await using PeerProcess refused = Node("caller.js", serializer, "--procedure", prefix + "refuse");
        JsonElement error = await refused.ExpectAsync("error");
        Assert.Equal("com.example.error.refused", error.GetProperty("error").GetString());
        Json.Equal("""["no",1]""", error.GetProperty("args"));
        Json.Equal("""{"why":"test"}""", error.GetProperty("kwargs"));
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Autobahn_js_subscriber_hears_what_we_publish(string serializer)
    {
        string topic = Prefix(serializer) + "news";
        await using PeerProcess subscriber = Node("subscriber.js", serializer, "--topic", topic);
        await subscriber.ExpectAsync("ready");
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, cts.Token);

        var acknowledged = new WampPublishOptions { Acknowledge = true };
        long? id = await client.PublishAsync(topic, Json.Payload("""["first",{"n":[1,2]}]""", """{"flag":true}"""), acknowledged, cts.Token);
        await client.PublishAsync(topic, Json.Payload("""["second",2]"""), acknowledged, cts.Token);

        Assert.NotNull(id);
        JsonElement first = await subscriber.ExpectAsync("event");
        Json.Equal("""["first",{"n":[1,2]}]""", first.GetProperty("args"));
        Json.Equal("""{"flag":true}""", first.GetProperty("kwargs"));
        Assert.Equal(topic, first.GetProperty("topic").GetString());
        JsonElement second = await subscriber.ExpectAsync("event");
        Json.Equal("""["second",2]""", second.GetProperty("args"));
        Json.Equal("{}", second.GetProperty("kwargs"));
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task We_hear_what_autobahn_js_publishes_in_order(string serializer)
    {
        string topic = Prefix(serializer) + "ticks";
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, cts.Token);
        var events = Channel.CreateUnbounded<WampEvent>();
        await using WampSubscription subscription = await client.SubscribeAsync(
            topic,
            (e, _) =>
            {
                events.Writer.TryWrite(e);
                return ValueTask.CompletedTask;
            },
            cancellationToken: cts.Token);

        await using PeerProcess publisher = Node("publisher.js", serializer, "--topic", topic, "--args", """["tick"]""", "--kwargs", """{"src":"js"}""", "--count", "3");
        Assert.Equal(3, (await publisher.ExpectAsync("published")).GetInt32());

        for (int i = 0; i < 3; i++)
        {
            WampEvent e = await events.Reader.ReadAsync(cts.Token);
            Assert.Equal(topic, e.Topic);
            Assert.Equal(subscription.SubscriptionId, e.SubscriptionId);
            Json.Equal($"""["tick",{i}]""", e.Payload.Arguments);
            Json.Equal("""{"src":"js"}""", e.Payload.ArgumentsKeywords);
        }
    }

    private static string Prefix(string serializer) => $"js.{serializer}.{Guid.NewGuid():N}.";

    private PeerProcess Node(string script, string serializer, params string[] args) =>
        PeerProcess.StartNode(script, ["--url", Host.Url.ToString(), "--realm", Realm, "--serializer", serializer, .. args]);

    private Task<WampClient> ConnectAsync(string serializer, CancellationToken cancellationToken) =>
        WampClient.ConnectAsync(
            new WampClientOptions
            {
                Url = Host.Url,
                Realm = Realm,
                Serializers = [InteropSerializers.Parse(serializer)],
                ConnectTimeout = Timeouts.Operation,
                RequestTimeout = Timeouts.Operation,
                CallTimeout = Timeouts.Operation,
            },
            cancellationToken);
}
