using System.Collections.Concurrent;
using Cfc.Wamp;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Wamp.Router;

/// <summary>
/// A small but real WAMP v2 router for tests: realms, sessions, anonymous/ticket/wampcra/cryptosign
/// authentication, a dealer (pattern and shared registrations, progressive results, cancel, timeouts),
/// a broker (pattern subscriptions, exclusion and listing, acknowledgements), the session, registration and
/// subscription meta API, and fault injection. Attach any transport with <see cref="AcceptAsync"/>, or
/// serve it over WebSocket with <see cref="WampRouterHost"/>.
/// </summary>
public sealed class WampRouter : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RouterRealm> _realms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, byte> _sessionIds = new();
    private readonly ConcurrentDictionary<RouterConnection, Task> _connections = new();
    private readonly ILogger _logger;
    private readonly Lock _faultGate = new();
    private DateTimeOffset _refuseUntil = DateTimeOffset.MinValue;
    private long _answerDelayTicks;
    private long _callsReceived;
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    /// <summary>Creates a router.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (realms created on demand, anonymous access).</param>
    public WampRouter(WampRouterOptions? options = null)
    {
        Options = options ?? new WampRouterOptions();
        _logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cfc.Wamp.Router");
    }

    /// <summary>The router's settings.</summary>
    public WampRouterOptions Options { get; }

    /// <summary>The names of the realms that exist (declared or created on demand).</summary>
    public IReadOnlyCollection<string> Realms => [.. _realms.Keys];

    /// <summary>The number of joined sessions over all realms.</summary>
    public int SessionCount => _realms.Values.Sum(r => r.SessionCount);

    /// <summary>
    /// How many CALLs the router has taken from joined sessions, over all realms, whatever became of them (routed, answered
    /// by the router itself, or refused). Counted as the CALL is read, before it is routed (so also before any answer to it
    /// is sent): a test that waits for the count to grow knows the router has the call, for example before it cuts the
    /// connection under it.
    /// </summary>
    public long CallsReceived => Interlocked.Read(ref _callsReceived);

    /// <summary>Whether new connections are refused right now (see <see cref="RefuseConnections"/>).</summary>
    public bool IsRefusingConnections
    {
        get
        {
            lock (_faultGate)
            {
                return RefuseNewConnections || Options.TimeProvider.GetUtcNow() < _refuseUntil;
            }
        }
    }

    /// <summary>Fault injection: while <see langword="true"/>, new connections are refused (WebSocket upgrades fail with HTTP 503,
    /// other transports are closed at once). Existing sessions are not affected.</summary>
    public bool RefuseNewConnections { get; set; }

    internal TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>Procedures served by the router process itself (an embedded backend, e.g. a fake service); the dealer asks them
    /// after the meta API and before client registrations. <see langword="null"/> (the default) for none.</summary>
    public IRouterLocalProcedures? LocalProcedures { get; set; }

    /// <summary>Cancelled when the router is disposed (stops router-local procedures).</summary>
    internal CancellationToken Stopping => _stopping.Token;

    internal void CountCall() => Interlocked.Increment(ref _callsReceived);

    internal TimeSpan? AnswerDelay => Interlocked.Read(ref _answerDelayTicks) is > 0 and long ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Declares a realm with its own authentication.</summary>
    /// <param name="realm">The realm's name and authenticator.</param>
    /// <exception cref="ArgumentException">The name is not a valid URI.</exception>
    /// <exception cref="InvalidOperationException">The realm already exists.</exception>
    public void AddRealm(WampRealmOptions realm)
    {
        ArgumentNullException.ThrowIfNull(realm);
        if (!RouterUris.IsValid(realm.Name, RouterUris.Exact))
        {
            throw new ArgumentException($"'{realm.Name}' is not a valid realm URI.", nameof(realm));
        }

        if (!_realms.TryAdd(realm.Name, new RouterRealm(this, realm.Name, realm.Authenticator)))
        {
            throw new InvalidOperationException($"The realm '{realm.Name}' already exists.");
        }
    }

    /// <summary>Removes a realm: its sessions get GOODBYE <paramref name="reason"/> and new joins are refused (unless realms are created on demand).</summary>
    /// <param name="name">The realm's name.</param>
    /// <param name="reason">The GOODBYE reason its sessions get.</param>
    /// <returns><see langword="true"/> when the realm existed.</returns>
    public bool RemoveRealm(string name, string reason)
    {
        if (!_realms.TryRemove(name, out RouterRealm? realm))
        {
            return false;
        }

        foreach (RouterSession session in realm.SnapshotSessions())
        {
            session.Kill(reason);
        }

        return true;
    }

    /// <summary>Publishes an event from the router itself (no publisher session) to the subscribers of <paramref name="topic"/> on <paramref name="realm"/>.</summary>
    /// <param name="realm">The realm.</param>
    /// <param name="topic">The topic URI.</param>
    /// <param name="payload">The event arguments.</param>
    /// <returns><see langword="false"/> when the realm does not exist.</returns>
    public bool PublishLocal(string realm, string topic, WampPayload payload)
    {
        if (!_realms.TryGetValue(realm, out RouterRealm? r))
        {
            return false;
        }

        lock (r.Gate)
        {
            r.Broker.PublishMeta(topic, payload);
        }

        return true;
    }

    /// <summary>Runs one client session on a transport until the client leaves, the transport breaks, the router is
    /// disposed or <paramref name="cancellationToken"/> fires. The transport is closed and disposed at the end.</summary>
    /// <param name="transport">An established transport (e.g. one side of an in-memory pair).</param>
    /// <param name="serializer">The serializer agreed with the client for this transport.</param>
    /// <param name="cancellationToken">Stops the session (the transport is then closed without GOODBYE).</param>
    /// <returns>A task that completes when the session is over; it does not fault for transport errors.</returns>
    public Task AcceptAsync(IWampTransport transport, WampSerializer serializer, CancellationToken cancellationToken = default) => AcceptCoreAsync(transport, serializer, "other", cancellationToken);

    /// <summary>Fault injection: closes every transport at once, without GOODBYE or close handshake. Sessions are cleaned up as after a disconnect.</summary>
    /// <returns>A task that completes when every transport was torn down.</returns>
    public async Task DropAllConnectionsAsync()
    {
        foreach (RouterConnection connection in _connections.Keys.ToList())
        {
            await connection.DropAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Fault injection: refuses new connections for a while (see <see cref="RefuseNewConnections"/>).</summary>
    /// <param name="duration">How long; <see cref="TimeSpan.Zero"/> ends an earlier refusal window.</param>
    public void RefuseConnections(TimeSpan duration)
    {
        lock (_faultGate)
        {
            _refuseUntil = Options.TimeProvider.GetUtcNow() + duration;
        }
    }

    /// <summary>Fault injection: delays the delivery of every RESULT and ERROR by <paramref name="delay"/> (per session, order is kept).</summary>
    /// <param name="delay">The delay; <see cref="TimeSpan.Zero"/> turns it off.</param>
    public void DelayAnswers(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Interlocked.Exchange(ref _answerDelayTicks, delay.Ticks);
    }

    /// <summary>Ends every session with GOODBYE <c>wamp.close.system_shutdown</c>, closes the transports and refuses new ones.</summary>
    /// <returns>A task that completes when every session is over.</returns>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        // Not disposed afterwards: a second DisposeAsync cancels again, and a CTS without timers holds nothing.
        await _stopping.CancelAsync().ConfigureAwait(false);
        // ToArray is an atomic snapshot. A collection expression reads Count and then copies, so a connection that
        // ends in between leaves a default entry (a null key) in the copy.
        KeyValuePair<RouterConnection, Task>[] connections = _connections.ToArray();
        foreach (KeyValuePair<RouterConnection, Task> entry in connections)
        {
            entry.Key.Shutdown(WampErrorUris.CloseSystemShutdown);
        }

        await Task.WhenAll(connections.Select(c => c.Value)).ConfigureAwait(false);
    }

    internal async Task AcceptCoreAsync(IWampTransport transport, WampSerializer serializer, string transportKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (_disposed || IsRefusingConnections)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var connection = new RouterConnection(this, transport, serializer, transportKind, _logger);
        var run = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connections[connection] = run.Task;
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Dispose();
            run.TrySetResult();
        }
    }

    /// <summary>The realm for a HELLO: an existing one, a new one when realms are created on demand, else <see langword="null"/>.</summary>
    internal RouterRealm? FindRealm(string name) =>
        _realms.TryGetValue(name, out RouterRealm? realm) ? realm
        : Options.AutoCreateRealms ? _realms.GetOrAdd(name, n => new RouterRealm(this, n, Options.DefaultAuthenticator))
        : null;

    /// <summary>A fresh random session id, unique on this router until released.</summary>
    internal long ReserveSessionId()
    {
        while (true)
        {
            long id = RouterIds.Next();
            if (_sessionIds.TryAdd(id, 0))
            {
                return id;
            }
        }
    }

    internal void ReleaseSessionId(long id) => _sessionIds.TryRemove(id, out _);
}
