using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// One realm: its sessions, dealer, broker and meta API. A single gate serializes all routing in the realm,
/// which keeps the state simple and the per-subscriber event order trivially correct; sends never block
/// under the gate because every session has its own unbounded send queue.
/// </summary>
internal sealed class RouterRealm
{
    public RouterRealm(WampRouter router, string name, IWampRouterAuthenticator? authenticator)
    {
        Router = router;
        Name = name;
        Authenticator = authenticator ?? AnonymousOnlyAuthenticator.Instance;
        Dealer = new RouterDealer(this);
        Broker = new RouterBroker(this);
        Meta = new RouterMetaApi(this);
    }

    public WampRouter Router { get; }

    public string Name { get; }

    public IWampRouterAuthenticator Authenticator { get; }

    public Lock Gate { get; } = new();

    public Dictionary<long, RouterSession> Sessions { get; } = [];

    public RouterDealer Dealer { get; }

    public RouterBroker Broker { get; }

    public RouterMetaApi Meta { get; }

    public int SessionCount
    {
        get
        {
            lock (Gate)
            {
                return Sessions.Count;
            }
        }
    }

    /// <summary>Adds a session, sends its WELCOME, then tells the meta API (so WELCOME is the session's first message).</summary>
    public void Join(RouterSession session, WelcomeMessage welcome)
    {
        lock (Gate)
        {
            Sessions[session.Id] = session;
            session.Send(welcome);
            Broker.PublishMeta("wamp.session.on_join", RouterPayload.Args(w => session.Describe().WriteTo(w)));
        }
    }

    /// <summary>Removes a session and everything it owns; idempotent.</summary>
    public void Leave(RouterSession session)
    {
        lock (Gate)
        {
            if (!Sessions.Remove(session.Id))
            {
                return;
            }

            session.Left = true;
            Dealer.RemoveSession(session);
            Broker.RemoveSession(session);
            Broker.PublishMeta("wamp.session.on_leave", RouterPayload.Args(w =>
            {
                w.WriteNumberValue(session.Id);
                w.WriteStringValue(session.AuthId);
                w.WriteStringValue(session.AuthRole);
            }));
        }
    }

    /// <summary>Snapshot of the sessions, for shutdown and fault injection.</summary>
    public RouterSession[] SnapshotSessions()
    {
        lock (Gate)
        {
            return [.. Sessions.Values];
        }
    }
}

/// <summary>The authenticator of realms configured without one: anonymous access for everybody.</summary>
internal sealed class AnonymousOnlyAuthenticator : IWampRouterAuthenticator
{
    public static AnonymousOnlyAuthenticator Instance { get; } = new();

    public bool Supports(string realm, string authMethod) => authMethod == "anonymous";

    public ValueTask<WampRouterPrincipal?> FindPrincipalAsync(WampAuthRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<WampRouterPrincipal?>(new WampRouterPrincipal(null, "anonymous") { AuthProvider = "static" });
}
