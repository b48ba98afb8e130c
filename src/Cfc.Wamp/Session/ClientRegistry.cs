using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// The client-side list of live subscriptions and registrations. It outlives sessions: on a new session
/// <c>RestoreAsync</c> subscribes and registers everything again and the router ids are remapped.
/// </summary>
internal sealed class ClientRegistry
{
    private readonly Lock _gate = new();
    // Two lists, one per kind: restore places every subscription first, then every registration.
    private readonly List<IClientEntry> _subscriptions = [];
    private readonly List<IClientEntry> _registrations = [];

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
    /// Adds a subscription or registration placed on <paramref name="madeOn"/>. Returns the newer session whose restore
    /// already took its snapshot without it (the session ended between SUBSCRIBED/REGISTERED and this call), or
    /// <see langword="null"/>.
    /// </summary>
    public WampSession? Add(IClientEntry entry, WampSession madeOn)
    {
        lock (_gate)
        {
            ListOf(entry).Add(entry);
            return _snapshotSession is { } s && s != madeOn ? s : null;
        }
    }

    public bool Contains(IClientEntry entry)
    {
        lock (_gate)
        {
            return ListOf(entry).Contains(entry);
        }
    }

    public void Remove(IClientEntry entry)
    {
        lock (_gate)
        {
            ListOf(entry).Remove(entry);
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
        IClientEntry[] entries;
        lock (_gate)
        {
            _snapshotSession = session;
            entries = [.. _subscriptions, .. _registrations];
        }

        foreach (IClientEntry entry in entries)
        {
            await RestoreAsync(session, entry, logger, onFailed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Restores one subscription or registration on <paramref name="session"/> (skipped when it already ended).</summary>
    public static async Task RestoreAsync(WampSession session, IClientEntry entry, ILogger logger, Action<WampRestoreFailedEventArgs>? onFailed, CancellationToken cancellationToken)
    {
        if (entry.IsEnded)
        {
            return;
        }

        try
        {
            for (int retry = 0; ; retry++)
            {
                try
                {
                    await entry.PlaceAsync(session, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (WampException ex) when (ex.ErrorUri == ProcedureAlreadyExists && retry < AlreadyExistsRetries)
                {
                    // (Only a REGISTER is answered so.) The router may not have cleaned up the lost session yet (it still holds our old registration):
                    // give it a moment before calling the procedure lost.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << retry), session.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (WampException ex) when (IsRouterRefusal(ex))
        {
            logger.RestoreFailed(entry.Uri, ex);
            WampException error = NotRestored(entry.Description, ex);
            entry.Revoke(error);
            onFailed?.Invoke(entry.RestoreFailed(session.SessionId, error));
        }
    }

    /// <summary>Ends everything: successfully (client disposed) or with <paramref name="error"/> (lost for good).</summary>
    public void EndAll(Exception? error)
    {
        IClientEntry[] entries;
        lock (_gate)
        {
            entries = [.. _subscriptions, .. _registrations];
            _subscriptions.Clear();
            _registrations.Clear();
            _snapshotSession = null;
        }

        foreach (IClientEntry entry in entries)
        {
            if (error is null) { entry.Complete(); } else { entry.Fault(error); }
        }
    }

    private List<IClientEntry> ListOf(IClientEntry entry) => entry is ClientSubscription ? _subscriptions : _registrations;

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
