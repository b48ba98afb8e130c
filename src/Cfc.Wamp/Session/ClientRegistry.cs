using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// The client-side list of live subscriptions and registrations. It outlives sessions: on a new session
/// <see cref="RestoreAsync"/> subscribes and registers everything again and the router ids are remapped.
/// </summary>
internal sealed class ClientRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ClientSubscription> _subscriptions = [];
    private readonly List<ClientRegistration> _registrations = [];

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

    public void Add(ClientSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }
    }

    public void Add(ClientRegistration registration)
    {
        lock (_gate)
        {
            _registrations.Add(registration);
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
    /// </summary>
    public async Task RestoreAsync(WampSession session, ILogger logger, CancellationToken cancellationToken)
    {
        ClientSubscription[] subscriptions;
        ClientRegistration[] registrations;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
            registrations = [.. _registrations];
        }

        foreach (ClientSubscription subscription in subscriptions)
        {
            try
            {
                await session.Subscriber.SubscribeAsync(subscription, cancellationToken).ConfigureAwait(false);
            }
            catch (WampException ex) when (IsRouterRefusal(ex))
            {
                logger.RestoreFailed(subscription.Topic, ex);
                subscription.Revoke(NotRestored($"the subscription to '{subscription.Topic}'", ex));
            }
        }

        foreach (ClientRegistration registration in registrations)
        {
            try
            {
                await session.Callee.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
            }
            catch (WampException ex) when (IsRouterRefusal(ex))
            {
                logger.RestoreFailed(registration.Procedure, ex);
                registration.Revoke(NotRestored($"the registration of '{registration.Procedure}'", ex));
            }
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

    // A plain WampException is the router's ERROR; the sealed subtypes are local failures.
    private static bool IsRouterRefusal(WampException ex) => ex.GetType() == typeof(WampException);

    private static WampException NotRestored(string what, WampException cause) =>
        new(SessionErrors.NotRestored, $"{what} could not be restored on the new session: {cause.Message}", cause.Payload, cause.Details, cause);
}
