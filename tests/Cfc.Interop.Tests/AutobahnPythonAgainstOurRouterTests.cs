using System.Text.Json;
using Cfc.Wamp.Router;
using Cfc.Interop.Tests.Harness;

namespace Cfc.Interop.Tests;

/// <summary>
/// autobahn-python (Debian's /usr/bin/python3, tests/interop-peers/python/peer.py) against OUR router
/// (Cfc.Client.Testing's WampRouterHost, anonymous realm): a python callee called by a python caller, and a python
/// publisher heard by a python subscriber, for every serializer. Proves the router speaks WAMP as another
/// implementation expects it, independent of our own client.
/// </summary>
public sealed class AutobahnPythonAgainstOurRouterTests : IAsyncLifetime
{
    private const string Realm = "interop.python";
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

    private PeerProcess Python(string mode, string serializer, params string[] args) =>
        PeerProcess.Start(RepoPaths.DebianPython, RepoPaths.PythonPeersDirectory,
            ["peer.py", mode, "--url", Host.Url.ToString(), "--realm", Realm, "--serializer", serializer, .. args]);

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Python_caller_calls_python_callee_through_our_router(string serializer)
    {
        string prefix = $"py.{serializer}.{Guid.NewGuid():N}.";
        await using PeerProcess callee = Python("callee", serializer, "--prefix", prefix);
        await callee.ExpectAsync("ready", Timeouts.PeerLine);

        await using PeerProcess add = Python("caller", serializer, "--procedure", prefix + "add2", "--args", "[2, 3]");
        JsonElement sum = await add.ExpectAsync("result", Timeouts.PeerLine);
        Assert.Equal(5, sum.GetProperty("args")[0].GetInt32());

        await using PeerProcess echo = Python("caller", serializer, "--procedure", prefix + "echo", "--args", """["a", {"n": [1, 2]}]""", "--kwargs", """{"flag": true}""");
        JsonElement echoed = await echo.ExpectAsync("result", Timeouts.PeerLine);
        Assert.Equal("a", echoed.GetProperty("args")[0].GetString());
        Assert.Equal(2, echoed.GetProperty("args")[1].GetProperty("n")[1].GetInt32());
        Assert.True(echoed.GetProperty("kwargs").GetProperty("flag").GetBoolean());

        await using PeerProcess fail = Python("caller", serializer, "--procedure", prefix + "fail");
        JsonElement error = await fail.ExpectAsync("error", Timeouts.PeerLine);
        Assert.StartsWith("com.example.", error.GetProperty("error").GetString() ?? string.Empty);

        await using PeerProcess missing = Python("caller", serializer, "--procedure", prefix + "nobody");
        Assert.Equal("wamp.error.no_such_procedure", (await missing.ExpectAsync("error", Timeouts.PeerLine)).GetProperty("error").GetString());
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Python_subscriber_hears_python_publisher_through_our_router(string serializer)
    {
        string topic = $"py.{serializer}.{Guid.NewGuid():N}.news";
        await using PeerProcess subscriber = Python("subscriber", serializer, "--topic", topic);
        await subscriber.ExpectAsync("ready", Timeouts.PeerLine);

        await using PeerProcess publisher = Python("publisher", serializer, "--topic", topic, "--args", """["hello"]""", "--kwargs", """{"k": 1}""", "--count", "2");
        Assert.Equal(2, (await publisher.ExpectAsync("published", Timeouts.PeerLine)).GetInt32());

        JsonElement first = await subscriber.ExpectAsync("event", Timeouts.PeerLine);
        JsonElement second = await subscriber.ExpectAsync("event", Timeouts.PeerLine);
        Assert.Equal("hello", first.GetProperty("args")[0].GetString());
        Assert.Equal(0, first.GetProperty("args")[1].GetInt32());
        Assert.Equal(1, second.GetProperty("args")[1].GetInt32());
        Assert.Equal(1, first.GetProperty("kwargs").GetProperty("k").GetInt32());
        Assert.Equal(topic, first.GetProperty("topic").GetString());
    }
}
