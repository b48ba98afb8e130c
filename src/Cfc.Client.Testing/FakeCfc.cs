using Cfc.Wamp.Router;

namespace Cfc.Client.Testing;

/// <summary>
/// An in-process fake Crossbar.io Fabric Center: a real WAMP router on a loopback WebSocket plus the CFC backend,
/// implementing every procedure and event of the CFC API under the rules the seeds state. Clients authenticate with
/// WAMP-cryptosign for real (register their keys with <see cref="AddUser(FakeCfcUser)"/>); management realms created
/// through the API become joinable at once, and paired nodes answer the remote management API as simulated nodes.
/// With <see cref="FakeCfcOptions.UriScheme"/> <see cref="CfcUriScheme.CrossbarMaster"/> it serves the contract of the real
/// Crossbar.io master node instead (its URIs, object ids, reply shapes, errors and events, checked against recordings of
/// crossbar v22.6.1).
/// </summary>
/// <example>
/// <code>
/// await using FakeCfc fake = await FakeCfc.StartAsync();
/// CryptosignKey key = CryptosignKey.Generate();
/// fake.AddUser("alice@example.com", key.PublicKeyHex);
/// await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions { Url = fake.Url, Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com") });
/// </code>
/// </example>
public sealed class FakeCfc : IAsyncDisposable
{
    private readonly WampRouterHost _host;
    private readonly FakeCfcState _state;
    private readonly FakeCfcBackend _backend;
    private readonly FakeCfcRouterHost _carrier;

    private FakeCfc(FakeCfcOptions options)
    {
        Options = options;
        _state = new FakeCfcState(options.TimeProvider) { Version = options.Version };
        var router = new WampRouter(new WampRouterOptions
        {
            // Only the global realm and management realms exist: a HELLO for anything else gets wamp.error.no_such_realm.
            AutoCreateRealms = false,
            LoggerFactory = options.LoggerFactory,
            TimeProvider = options.TimeProvider,
        });
        _host = new WampRouterHost(router, new WampRouterHostOptions { Port = options.Port });
        bool master = options.UriScheme == CfcUriScheme.CrossbarMaster;
        _carrier = new FakeCfcRouterHost(router, new FakeCfcRouterAuthenticator(new FakeCfcAuthenticatorPolicy(_state) { EveryUserIsSuperuser = master }));
        IReadOnlyList<CfcUriScheme>? schemes = options.UriScheme is { } only ? [only] : null;
        _backend = new FakeCfcBackend(_state, _carrier, options.TickPeriod, schemes, options.MasterStopRealmBug);
        _carrier.OpenRealm(FakeCfcState.GlobalRealm);
        foreach (FakeCfcUser user in options.Users)
        {
            AddUser(user);
        }
    }

    /// <summary>The settings the fake runs with.</summary>
    public FakeCfcOptions Options { get; }

    /// <summary>The WebSocket address to connect to: <c>ws://127.0.0.1:&lt;port&gt;/ws</c>.</summary>
    public Uri Url => _host.Url;

    /// <summary>The names of the management realms that exist, in creation order.</summary>
    public IReadOnlyList<string> ManagementRealms
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Realms.Keys];
            }
        }
    }

    /// <summary>Starts a fake CFC listening on loopback.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (both URI schemes, 5 s ticks, a free port).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running fake; dispose it to stop.</returns>
    public static async Task<FakeCfc> StartAsync(FakeCfcOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeCfcOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TickPeriod, TimeSpan.Zero, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Users, nameof(options));
        if (options.UriScheme is CfcUriScheme.Auto or (not null and not (CfcUriScheme.Fabric or CfcUriScheme.Legacy or CfcUriScheme.CrossbarMaster)))
        {
            throw new ArgumentException($"FakeCfcOptions.UriScheme {options.UriScheme} is not a contract a server serves: use Fabric, Legacy, CrossbarMaster, or null for Fabric and Legacy together (Auto is a client setting).", nameof(options));
        }

        var fake = new FakeCfc(options);
        try
        {
            fake._backend.Start();
            await fake._host.StartAsync(cancellationToken).ConfigureAwait(false);
            return fake;
        }
        catch
        {
            await fake.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds (or replaces) a user who may log in with the Ed25519 key <paramref name="publicKeyHex"/>.</summary>
    /// <param name="authId">The user's id, e.g. an e-mail address.</param>
    /// <param name="publicKeyHex">The user's public key, 64 hex characters (<c>CryptosignKey.PublicKeyHex</c>).</param>
    /// <param name="realmRoles">Roles on management realms (realm name to role names); realms named here that do not exist are created.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentException">The key, a realm name or a role name is not valid.</exception>
    public FakeCfcUser AddUser(string authId, string publicKeyHex, IReadOnlyDictionary<string, IReadOnlyList<string>>? realmRoles = null)
    {
        var user = new FakeCfcUser(authId, publicKeyHex) { RealmRoles = realmRoles ?? new Dictionary<string, IReadOnlyList<string>>() };
        AddUser(user);
        return user;
    }

    /// <summary>
    /// Removes a user: from now on its key is refused (<c>wamp.error.not_authorized</c>, "unknown public key"), e.g.
    /// to test what a client does when re-joining after a reconnect is refused. Sessions already open stay open.
    /// </summary>
    /// <param name="authId">The user's authid.</param>
    /// <returns>Whether there was such a user.</returns>
    public bool RemoveUser(string authId)
    {
        ArgumentNullException.ThrowIfNull(authId);
        return _state.RemoveUser(authId);
    }

    /// <summary>Adds (or replaces) a user; see <see cref="FakeCfcUser"/>.</summary>
    /// <param name="user">The user.</param>
    /// <exception cref="ArgumentException">The key, a realm name or a role name is not valid.</exception>
    public void AddUser(FakeCfcUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _state.AddUser(user);
        foreach (string realm in user.RealmRoles.Keys)
        {
            _carrier.OpenRealm(realm);
        }
    }

    /// <summary>Pairs a simulated node with a management realm (as the fake itself: no role needed), firing <c>on_node_paired</c>.
    /// The node comes with the default simulated setup (a router worker with a realm and transport, a container, a proxy, Docker).</summary>
    /// <param name="realm">The management realm, which must exist.</param>
    /// <param name="nodeId">The node id (its authid), unique in the realm.</param>
    /// <param name="publicKeyHex">The node's Ed25519 public key; <see langword="null"/> for a random one (nobody can then log in as the node).</param>
    /// <returns>The node; change its simulated state (e.g. <see cref="SimulatedNode.IsOnline"/>) under no other lock.</returns>
    /// <exception cref="ArgumentException">The realm does not exist, the key or id is taken or invalid.</exception>
    public SimulatedNode AddNode(string realm, string nodeId, string? publicKeyHex = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(realm);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        publicKeyHex ??= Convert.ToHexStringLower(_state.RandomBytes(32));
        try
        {
            return _backend.AddNode(realm, nodeId, publicKeyHex);
        }
        catch (Cfc.Wamp.WampException e)
        {
            throw new ArgumentException(e.Message, nameof(nodeId), e);
        }
    }

    /// <summary>Finds a paired node by its node id (authid), e.g. one paired through the API, to change its simulated state
    /// (for example <see cref="SimulatedNode.IsOnline"/>). When several nodes of the realm share the id (the master allows it),
    /// the one paired last.</summary>
    /// <param name="realm">The management realm.</param>
    /// <param name="nodeId">The node id.</param>
    /// <returns>The node, or <see langword="null"/> when no such node is paired with the realm.</returns>
    public SimulatedNode? FindNode(string realm, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(nodeId);
        lock (_state.Gate)
        {
            return _state.NodesOf(realm).LastOrDefault(n => n.NodeId == nodeId);
        }
    }

    /// <summary>
    /// <see cref="CfcUriScheme.CrossbarMaster"/>: the activation code the master would have mailed for a key that is not
    /// registered yet. A HELLO with an unknown key and an authid is refused with <c>fabric.auth-failed.new-user-auth-code-sent</c>
    /// (or <c>registered-user-auth-code-sent</c> when the authid is a user), then <c>pending-activation</c>; a HELLO whose
    /// <c>authextra.activation_code</c> is this code activates the key (<c>invalid-activation-code</c> otherwise), and
    /// <c>authextra.request_new_activation_code: true</c> sends a new one. Codes expire after 15 minutes of the fake's clock.
    /// </summary>
    /// <param name="publicKeyHex">The key's public key, 64 hex characters.</param>
    /// <returns>The pending code, or <see langword="null"/> when none was sent for the key.</returns>
    public string? GetActivationCode(string publicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        lock (_state.Gate)
        {
            return _state.PendingActivations.GetValueOrDefault(publicKeyHex.ToLowerInvariant())?.Code;
        }
    }

    /// <summary>
    /// How many CALLs the fake has taken from its clients so far (every realm, answered or refused). A test that must act
    /// while a call is in flight polls it until it grows past the count it read before calling.
    /// </summary>
    public long CallsReceived => _host.Router.CallsReceived;

    /// <summary>Fault injection: closes every client connection at once, without GOODBYE (clients see a lost connection).</summary>
    /// <returns>A task that completes when every connection is torn down.</returns>
    public Task DropAllConnectionsAsync() => _host.Router.DropAllConnectionsAsync();

    /// <summary>Fault injection: refuses new connections for <paramref name="duration"/> (WebSocket upgrades fail with HTTP 503).</summary>
    /// <param name="duration">How long; <see cref="TimeSpan.Zero"/> ends an earlier window.</param>
    public void RefuseConnections(TimeSpan duration) => _host.Router.RefuseConnections(duration);

    /// <summary>Fault injection: delays every RESULT and ERROR by <paramref name="delay"/> (order is kept).</summary>
    /// <param name="delay">The delay; <see cref="TimeSpan.Zero"/> turns it off.</param>
    public void DelayAnswers(TimeSpan delay) => _host.Router.DelayAnswers(delay);

    /// <summary>Stops ticking, ends every session with GOODBYE <c>wamp.close.system_shutdown</c> and stops listening.</summary>
    /// <returns>A task that completes when everything is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _backend.Dispose();
        await _host.DisposeAsync().ConfigureAwait(false);
    }
}
