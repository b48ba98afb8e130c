using System.Collections.Concurrent;
using Cfc.Wamp.Router;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Carries the fake backend on the in-process <see cref="WampRouter"/> as router-local procedures and router-published events.
/// </summary>
/// <remarks>
/// Why router-local procedures rather than a backend WampClient per realm over an in-memory transport: the backend then
/// is no WAMP session, so it never shows up in session lists, needs no back-door credential, survives the fault injection
/// aimed at clients (<see cref="WampRouter.DropAllConnectionsAsync"/>, refused connections), costs no serialization hop,
/// and gets the caller's identity straight from the router instead of through <c>disclose_caller</c>. A procedure
/// registered for a specific realm wins over the one registered for "every management realm" under the same URI.
/// </remarks>
internal sealed class FakeCfcRouterHost : IFakeCfcHost, IRouterLocalProcedures
{
    private const string RealmClosedReason = WampErrorUris.CloseSystemShutdown;

    private readonly ConcurrentDictionary<(string Realm, string Uri), RouterLocalProcedure> _byRealm = new();
    private readonly ConcurrentDictionary<string, RouterLocalProcedure> _anyManagementRealm = new(StringComparer.Ordinal);
    private readonly WampRouter _router;
    private readonly IWampRouterAuthenticator _authenticator;

    public FakeCfcRouterHost(WampRouter router, IWampRouterAuthenticator authenticator)
    {
        _router = router;
        _authenticator = authenticator;
        router.LocalProcedures = this;
    }

    public void Register(string? realm, string procedure, FakeProcedure handler)
    {
        RouterLocalProcedure local = (caller, args, ct) =>
            handler(new FakeCallContext(caller.Realm, caller.AuthId, caller.AuthRole, caller.SessionId), args, ct);
        if (realm is null)
        {
            _anyManagementRealm[procedure] = local;
        }
        else
        {
            _byRealm[(realm, procedure)] = local;
        }
    }

    public RouterLocalProcedure? Find(string realm, string procedure) =>
        _byRealm.TryGetValue((realm, procedure), out RouterLocalProcedure? specific) ? specific
        : realm != FakeCfcState.GlobalRealm && _anyManagementRealm.TryGetValue(procedure, out RouterLocalProcedure? any) ? any
        : null;

    public ValueTask PublishAsync(string realm, string topic, WampPayload payload)
    {
        // The router hands the event to every subscriber's send queue synchronously; a realm that is gone has no subscribers.
        _router.PublishLocal(realm, topic, payload);
        return ValueTask.CompletedTask;
    }

    public ValueTask OpenRealmAsync(string realm, CancellationToken cancellationToken)
    {
        OpenRealm(realm);
        return ValueTask.CompletedTask;
    }

    public ValueTask CloseRealmAsync(string realm, CancellationToken cancellationToken)
    {
        _router.RemoveRealm(realm, RealmClosedReason);
        return ValueTask.CompletedTask;
    }

    /// <summary>Makes a realm joinable (idempotent).</summary>
    public void OpenRealm(string realm)
    {
        if (!_router.Realms.Contains(realm))
        {
            try
            {
                _router.AddRealm(new WampRealmOptions(realm) { Authenticator = _authenticator });
            }
            catch (InvalidOperationException)
            {
                // Opened concurrently: the realm exists, which is all this asks.
            }
        }
    }
}
