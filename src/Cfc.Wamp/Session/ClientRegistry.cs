using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// The client-side list of live subscriptions and registrations. It outlives sessions: on a new session
/// <c>RestoreAsync</c> subscribes and registers everything again and the router ids are remapped.
/// </summary>
internal sealed class ClientRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ClientSubscription> _subscriptions = [];
    private readonly List<ClientRegistration> _registrations = [];

    // The session whose restore took the last snapshot. An entry added after that snapshot, but subscribed on an
    // older session, was missed by it and must be restored on its own (see Add).
    private WampSession? _snapshotSession;

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public int RegistrationCount
    {
        get
        {
            lock (_gate)
            {
                return _registrations.Count;
            }
        }
    }

    /// <summary>
    /// Adds a subscription made on <paramref name="madeOn"/>. Returns the newer session whose restore already took
    /// its snapshot without it (the session ended between SUBSCRIBED and this call), or <see langword="null"/>.
    /// </summary>
    public WampSession? Add(ClientSubscription subscription, WampSession madeOn)
    {
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            return _snapshotSession is { } s && s != madeOn ? s : null;
        }
    }

    /// <summary>Adds a registration made on <paramref name="madeOn"/>; returns a newer session that missed it, as for subscriptions.</summary>
    public WampSession? Add(ClientRegistration registration, WampSession madeOn)
    {
        lock (_gate)
        {
            _registrations.Add(registration);
            return _snapshotSession is { } s && s != madeOn ? s : null;
        }
    }

    public bool Contains(ClientSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.Contains(subscription);
        }
    }

    public bool Contains(ClientRegistration registration)
    {
        lock (_gate)
        {
            return _registrations.Contains(registration);
        }
    }

    public void Remove(ClientSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    public void Remove(ClientRegistration registration)
    {
        lock (_gate)
        {
            _registrations.Remove(registration);
        }
    }

    /// <summary>
    /// Subscribes and registers everything again on <paramref name="session"/> (new router ids). An entry the
    /// router refuses (an ERROR) is lost for good: it leaves the registry and its Completion faults. Connection
    /// failures and timeouts propagate: the session is unusable and the caller decides (e.g. reconnect again).
    /// Each refusal is logged and reported to <paramref name="onFailed"/>.
    /// </summary>
    public async Task RestoreAsync(WampSession session, ILogger logger, Action<WampRestoreFailedEventArgs>? onFailed, CancellationToken cancellationToken)
    {
        ClientSubscription[] subscriptions;
        ClientRegistration[] registrations;
        lock (_gate)
        {
            _snapshotSession = session;
            subscriptions = [.. _subscriptions];
            registrations = [.. _registrations];
        }

        foreach (ClientSubscription subscription in subscriptions)
        {
            await RestoreAsync(session, subscription, logger, onFailed, cancellationToken).ConfigureAwait(false);
        }

        foreach (ClientRegistration registration in registrations)
        {
            await RestoreAsync(session, registration, logger, onFailed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Restores one subscription on <paramref name="session"/> (skipped when it already ended).</summary>
    public static async Task RestoreAsync(WampSession session, ClientSubscription subscription, ILogger logger, Action<WampRestoreFailedEventArgs>? onFailed, CancellationToken cancellationToken)
    {
        if (subscription.IsEnded)
        {
            return;
        }

        try
        {
            await session.Subscriber.SubscribeAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex) when (IsRouterRefusal(ex))
        {
            logger.RestoreFailed(subscription.Topic, ex);
            WampException error = NotRestored($"the subscription to '{subscription.Topic}'", ex);
            subscription.Revoke(error);
            onFailed?.Invoke(new WampRestoreFailedEventArgs(subscription, null, session.SessionId, error));
        }
    }

    /// <summary>Restores one registration on <paramref name="session"/> (skipped when it already ended).</summary>
    public static async Task RestoreAsync(WampSession session, ClientRegistration registration, ILogger logger, Action<WampRestoreFailedEventArgs>? onFailed, CancellationToken cancellationToken)
    {
        if (registration.IsEnded)
        {
            return;
        }

        try
        {
            for (int retry = 0; ; retry++)
            {
                try
                {
                    await session.Callee.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (WampException ex) when (ex.ErrorUri == ProcedureAlreadyExists && retry < AlreadyExistsRetries)
                {
                    // The router may not have cleaned up the lost session yet (it still holds our old registration):
                    // give it a moment before calling the procedure lost.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << retry), session.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (WampException ex) when (IsRouterRefusal(ex))
        {
            logger.RestoreFailed(registration.Procedure, ex);
            WampException error = NotRestored($"the registration of '{registration.Procedure}'", ex);
            registration.Revoke(error);
            onFailed?.Invoke(new WampRestoreFailedEventArgs(null, registration, session.SessionId, error));
        }
    }

    /// <summary>Ends everything: successfully (client disposed) or with <paramref name="error"/> (lost for good).</summary>
    public void EndAll(Exception? error)
    {
        ClientSubscription[] subscriptions;
        ClientRegistration[] registrations;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
            registrations = [.. _registrations];
            _subscriptions.Clear();
            _registrations.Clear();
            _snapshotSession = null;
        }

        foreach (ClientSubscription subscription in subscriptions)
        {
            if (error is null) { subscription.Complete(); } else { subscription.Fault(error); }
        }

        foreach (ClientRegistration registration in registrations)
        {
            if (error is null) { registration.Complete(); } else { registration.Fault(error); }
        }
    }

    private const string ProcedureAlreadyExists = WampErrorUris.ProcedureAlreadyExists;

    // 50 ms doubling: about 1.5 s in all for the router to drop the old session's registration.
    private const int AlreadyExistsRetries = 5;

    // A plain WampException is the router's ERROR; the sealed subtypes are local failures.
    // The router said no (an ERROR to SUBSCRIBE or REGISTER), or the message is too large to ever be sent: trying again on this
    // session will not help. A lost connection or a timeout is left to the next session's restore.
    private static bool IsRouterRefusal(WampException ex) =>
        ex.ErrorSource == WampErrorSource.Router || ex.ErrorUri == WampErrorUris.PayloadSizeExceeded;

    private static WampException NotRestored(string what, WampException cause) => WampErrors.NotRestored(what, cause);
}
