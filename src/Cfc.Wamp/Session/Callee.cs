using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The callee role on one session: REGISTER/UNREGISTER, router id -> registration, INVOCATION (handed to
/// the thread pool), INTERRUPT and revocation.
/// </summary>
internal sealed class Callee
{
    private readonly WampSession _session;
    private readonly ConcurrentDictionary<long, ClientRegistration> _registrations = new();
    private readonly ConcurrentDictionary<long, ActiveInvocation> _running = new();

    public Callee(WampSession session) => _session = session;

    /// <summary>Registers a (new or restored) local registration on this session.</summary>
    public async Task RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        long id = _session.Ids.Next();
        var pending = new PendingAck(id, WampMessageType.Register, WampMessageType.Registered, (routerId, abandoned) => Attach(registration, routerId, abandoned));
        var message = new RegisterMessage(id, OptionsJson.Register(registration.Options), registration.Procedure);
        await _session.RequestAsync(message, pending, $"REGISTER of '{registration.Procedure}'", cancellationToken).ConfigureAwait(false);
    }

    public async Task UnregisterAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        if (!registration.TryGetAttachment(out WampSession session, out long routerId) || session != _session
            || !_registrations.TryRemove(routerId, out _))
        {
            return;
        }

        registration.Detach(_session);
        if (!_session.IsEnded)
        {
            long id = _session.Ids.Next();
            var pending = new PendingAck(id, WampMessageType.Unregister, WampMessageType.Unregistered);
            await _session.RequestAsync(new UnregisterMessage(id, routerId), pending, $"UNREGISTER of '{registration.Procedure}'", cancellationToken).ConfigureAwait(false);
        }
    }

    // Reader loop.
    public SessionEnd? OnInvocation(InvocationMessage message)
    {
        if (!_registrations.TryGetValue(message.RegistrationId, out ClientRegistration? registration))
        {
            // Not a session-ending offence: the registration may just have been unregistered. Answer so the caller does not hang.
            _session.Logger.InvocationForUnknownRegistration(message.RequestId, message.RegistrationId);
            _session.PostDroppable(new ErrorMessage(WampMessageType.Invocation, message.RequestId, WampJson.EmptyObject, WampErrorUris.NoSuchRegistration, default));
            return null;
        }

        if (!registration.TryEnter())
        {
            // Bounded work per registration: a router cannot make the client run unboundedly many handlers at once.
            long refused = registration.CountRefused();
            if (refused == 1 || refused % 1000 == 0)
            {
                _session.Logger.InvocationRefused(registration.Procedure, registration.MaxConcurrentInvocations, refused);
            }

            _session.PostDroppable(new ErrorMessage(WampMessageType.Invocation, message.RequestId, WampJson.EmptyObject, WampErrorUris.Unavailable,
                new WampPayloadBuilder().Add($"The callee is busy: {registration.MaxConcurrentInvocations} invocations of '{registration.Procedure}' are running (its MaxConcurrentInvocations).").Build()));
            return null;
        }

        var invocation = new ActiveInvocation(this, _session, registration, message);
        if (!_running.TryAdd(message.RequestId, invocation))
        {
            registration.Exit();
            return new SessionEnd(SessionEndKind.ProtocolViolation,
                WampErrors.Violation($"INVOCATION with request id {message.RequestId}, which is still running", duringHandshake: false, _session.ErrorContext));
        }

        ThreadPool.UnsafeQueueUserWorkItem(invocation, preferLocal: false);
        return null;
    }

    // Reader loop.
    public void OnInterrupt(InterruptMessage message)
    {
        if (!_running.TryGetValue(message.RequestId, out ActiveInvocation? invocation))
        {
            _session.Logger.InterruptForUnknownInvocation(message.RequestId);
            return;
        }

        invocation.Interrupt(WampSession.StringOrNull(message.Options, "mode") ?? "killnowait");
    }

    // Reader loop: [67, 0, {registration, reason}].
    public SessionEnd? OnRevoked(UnregisteredMessage message)
    {
        if (message.Details is not { } details || !details.TryGetProperty("registration", out JsonElement idElement)
            || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out long routerId))
        {
            return new SessionEnd(SessionEndKind.ProtocolViolation,
                WampErrors.Violation("UNREGISTERED with request id 0 but no registration id", duringHandshake: false, _session.ErrorContext));
        }

        if (!_registrations.TryRemove(routerId, out ClientRegistration? registration))
        {
            return null;
        }

        registration.Detach(_session);
        string reason = WampSession.ServerStringOrNull(details, "reason") ?? "no reason given";
        _session.Logger.Revoked("registration", registration.Procedure, reason);
        registration.Revoke(WampErrors.Revoked(subscription: false, registration.Procedure, routerId, reason, details, _session.ErrorContext));
        return null;
    }

    public void Finished(ActiveInvocation invocation) => _running.TryRemove(invocation.RequestId, out _);

    /// <summary>Session end: stop running handlers and void the router ids (registrations stay in the registry).</summary>
    public void EndAll()
    {
        foreach (KeyValuePair<long, ActiveInvocation> entry in _running)
        {
            entry.Value.Abandon();
        }

        foreach (KeyValuePair<long, ClientRegistration> entry in _registrations)
        {
            entry.Value.Detach(_session);
        }

        _registrations.Clear();
    }

    // Reader loop, on REGISTERED: wire the id up before the next message (maybe its first INVOCATION) is read.
    private void Attach(ClientRegistration registration, long routerId, bool abandoned)
    {
        if (abandoned || registration.IsEnded)
        {
            long id = _session.Ids.Next();
            _session.PostRequest(new UnregisterMessage(id, routerId), new PendingAck(id, WampMessageType.Unregister, WampMessageType.Unregistered));
            return;
        }

        _registrations[routerId] = registration;
        registration.Attach(_session, routerId);
    }
}
