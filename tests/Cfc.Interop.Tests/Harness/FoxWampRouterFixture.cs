using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Interop.Tests.Harness;

/// <summary>
/// One fox-wamp router (router.js) shared by every interop test: an anonymous and an authenticating WebSocket
/// listener on 127.0.0.1, free ports. Tests keep apart by using their own procedure and topic prefixes.
/// </summary>
public sealed class FoxWampRouterFixture : IAsyncLifetime
{
    private PeerProcess? _router;
    private int _prefixes;

    /// <summary>The anonymous listener.</summary>
    public Uri AnonymousUrl { get; private set; } = null!;

    /// <summary>The listener that checks ticket, wampcra and cryptosign (and refuses anonymous sessions).</summary>
    public Uri AuthUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _router = InteropPeers.StartNode("router.js", InteropSecrets.RouterConfigJson());
        JsonElement ports;
        try
        {
            ports = await _router.NextAsync(Timeouts.RouterStart);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            string stderr = _router.StandardError;
            await _router.DisposeAsync();
            _router = null;
            throw new InvalidOperationException($"The fox-wamp router (tests/interop-peers/router.js) did not report its ports: {ex.Message}{Environment.NewLine}{stderr}", ex);
        }

        AnonymousUrl = Url(ports.GetProperty("anonymous").GetInt32());
        AuthUrl = Url(ports.GetProperty("auth").GetInt32());
    }

    public async Task DisposeAsync()
    {
        if (_router is not null)
        {
            await _router.DisposeAsync();
        }
    }

    /// <summary>A URI prefix no other test uses, e.g. <c>t3.</c>.</summary>
    public string NewPrefix() => "t" + Interlocked.Increment(ref _prefixes).ToString(CultureInfo.InvariantCulture) + ".";

    /// <summary>Connects our client (JSON, the only serializer fox-wamp speaks).</summary>
    public Task<WampClient> ConnectAsync(WampAuthenticator? authenticator = null, string realm = InteropSecrets.Realm, CancellationToken cancellationToken = default) =>
        WampClient.ConnectAsync(Options(authenticator, realm), cancellationToken);

    /// <summary>The client options for this router: anonymous listener without an authenticator, else the auth listener.</summary>
    public WampClientOptions Options(WampAuthenticator? authenticator = null, string realm = InteropSecrets.Realm) => new()
    {
        Url = authenticator is null ? AnonymousUrl : AuthUrl,
        Realm = realm,
        Serializers = [WampSerializer.Json],
        Authenticator = authenticator ?? WampAuthenticator.Anonymous,
        ConnectTimeout = Timeouts.Operation,
        RequestTimeout = Timeouts.Operation,
        CallTimeout = Timeouts.Operation,
    };

    /// <summary>Starts an autobahn-js peer script on the anonymous listener and returns it (not yet waited for).</summary>
    public PeerProcess StartPeer(string script, params IEnumerable<string> arguments) =>
        InteropPeers.StartNode(script, ["--url", AnonymousUrl.ToString(), "--realm", InteropSecrets.Realm, .. arguments]);

    /// <summary>Starts the autobahn-js callee under <paramref name="prefix"/> and waits until it has registered everything.</summary>
    public async Task<PeerProcess> StartCalleeAsync(string prefix)
    {
        PeerProcess callee = StartPeer("callee.js", "--prefix", prefix);
        try
        {
            await callee.ExpectAsync("ready");
            return callee;
        }
        catch
        {
            await callee.DisposeAsync();
            throw;
        }
    }

    private static Uri Url(int port) => new($"ws://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/ws");
}

/// <summary>The collection that shares one <see cref="FoxWampRouterFixture"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
[CollectionDefinition(Name)]
public sealed class FoxWampCollection : ICollectionFixture<FoxWampRouterFixture>
{
    public const string Name = "fox-wamp";
}
