using System.Globalization;
using System.Text.Json;
using Cfc.Wamp.Router;
using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>
/// WAMP over RawSocket with an implementation nobody on this project wrote: autobahn-python (asyncio,
/// tests/interop-peers/python/peer.py with an <c>rs://</c> URL) against OUR router's RawSocket listener, with OUR
/// client on RawSocket or WebSocket on the other side, for json, msgpack and cbor.
/// </summary>
public sealed class RawSocketInteropTests : IAsyncLifetime
{
    private const string Realm = "interop.rawsocket";
    private WampRouterHost? _host;

    public async Task InitializeAsync()
    {
        _host = await WampRouterHost.StartNewAsync(
            new WampRouterOptions { AutoCreateRealms = false },
            new WampRouterHostOptions { RawSocketPort = 0 });
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

    /// <summary>autobahn-python refuses a RawSocket URL with a path, so no trailing slash (which <see cref="Uri"/> adds).</summary>
    private string PythonRawSocketUrl => "rs://127.0.0.1:" + Host.RawSocketUrl.Port.ToString(CultureInfo.InvariantCulture);

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json", true)]
    [InlineData("msgpack", true)]
    [InlineData("cbor", true)]
    [InlineData("json", false)]
    [InlineData("msgpack", false)]
    [InlineData("cbor", false)]
    public async Task Our_client_calls_a_python_callee_on_rawsocket(string serializer, bool weUseRawSocket)
    {
        string prefix = $"rs.{serializer}.{Guid.NewGuid():N}.";
        await using PeerProcess callee = Python("callee", serializer, "--prefix", prefix);
        await callee.ExpectAsync("ready");
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, weUseRawSocket, cts.Token);

        Json.Equal("[5]", (await client.CallAsync(prefix + "add2", Json.Payload("[2, 3]"), cancellationToken: cts.Token)).Payload.Arguments);

        const string Args = """["a",{"n":[1,2],"deep":{"x":null}},-3,true,"ü€"]""";
        const string Kwargs = """{"flag":true,"list":["x",1]}""";
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

        WampException error = await Assert.ThrowsAsync<WampException>(() => client.CallAsync(prefix + "fail", cancellationToken: cts.Token));
        Assert.Equal("com.example.error.custom", error.ErrorUri);
        Json.Equal("""["bad",42]""", error.Arguments);
        Json.Equal("""{"reason":"because","code":7}""", error.ArgumentsKeywords);
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Python_subscriber_on_rawsocket_hears_what_we_publish_on_rawsocket(string serializer)
    {
        string topic = $"rs.{serializer}.{Guid.NewGuid():N}.news";
        await using PeerProcess subscriber = Python("subscriber", serializer, "--topic", topic);
        await subscriber.ExpectAsync("ready");
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await ConnectAsync(serializer, rawSocket: true, cts.Token);

        var acknowledged = new WampPublishOptions { Acknowledge = true };
        Assert.NotNull(await client.PublishAsync(topic, Json.Payload("""["first",{"n":[1,2]}]""", """{"flag":true}"""), acknowledged, cts.Token));
        await client.PublishAsync(topic, Json.Payload("""["second",2]"""), acknowledged, cts.Token);

        JsonElement first = await subscriber.ExpectAsync("event");
        Json.Equal("""["first",{"n":[1,2]}]""", first.GetProperty("args"));
        Json.Equal("""{"flag":true}""", first.GetProperty("kwargs"));
        Assert.Equal(topic, first.GetProperty("topic").GetString());
        JsonElement second = await subscriber.ExpectAsync("event");
        Json.Equal("""["second",2]""", second.GetProperty("args"));
        Json.Equal("{}", second.GetProperty("kwargs"));
    }

    private PeerProcess Python(string mode, string serializer, params string[] args) =>
        PeerProcess.Start(RepoPaths.DebianPython, RepoPaths.PythonPeersDirectory,
            ["peer.py", mode, "--url", PythonRawSocketUrl, "--realm", Realm, "--serializer", serializer, .. args]);

    private Task<WampClient> ConnectAsync(string serializer, bool rawSocket, CancellationToken cancellationToken) =>
        WampClient.ConnectAsync(
            new WampClientOptions
            {
                Url = rawSocket ? Host.RawSocketUrl : Host.Url,
                Realm = Realm,
                Serializers = [InteropSerializers.Parse(serializer)],
                ConnectTimeout = Timeouts.Operation,
                RequestTimeout = Timeouts.Operation,
                CallTimeout = Timeouts.Operation,
            },
            cancellationToken);
}
