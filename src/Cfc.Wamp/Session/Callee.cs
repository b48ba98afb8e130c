using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// The callee role on one session: REGISTER/UNREGISTER, router id -> registration and revocation (the machinery it
/// shares with the subscriber, in <see cref="SessionRole{TEntry}"/>), INVOCATION (handed to the thread pool) and INTERRUPT.
/// </summary>
internal sealed class Callee : SessionRole<ClientRegistration>
{
    private readonly ConcurrentDictionary<long, ActiveInvocation> _running = new();

    public Callee(WampSession session)
        : base(session)
    {
    }

    protected override string Kind => "registration";

    protected override (WampMessageType Request, WampMessageType Reply) PlaceTypes => (WampMessageType.Register, WampMessageType.Registered);

    protected override (WampMessageType Request, WampMessageType Reply) RemoveTypes => (WampMessageType.Unregister, WampMessageType.Unregistered);

    /// <summary>Registers a (new or restored) local registration on this session.</summary>
    public Task RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken) => PlaceAsync(registration, cancellationToken);

    /// <summary>Removes a registration from this session and sends UNREGISTER.</summary>
    public Task UnregisterAsync(ClientRegistration registration, CancellationToken cancellationToken) => RemoveAsync(registration, cancellationToken);

    // Reader loop.
    public SessionEnd? OnInvocation(InvocationMessage message)
    {
        // A router gives a procedure one registration per session: its group has one member.
        if (!TryGetGroup(message.RegistrationId, out EntryGroup<ClientRegistration>? group) || group.Members is not [ClientRegistration registration, ..])
        {
            // Not a session-ending offence: the registration may just have been unregistered. Answer so the caller does not hang.
            Session.Logger.InvocationForUnknownRegistration(message.RequestId, message.RegistrationId);
            Session.PostDroppable(new ErrorMessage(WampMessageType.Invocation, message.RequestId, WampJson.EmptyObject, WampErrorUris.NoSuchRegistration, default));
            return null;
        }

        if (!registration.TryEnter())
        {
            // Bounded work per registration: a router cannot make the client run unboundedly many handlers at once.
            long refused = registration.CountRefused();
            if (refused == 1 || refused % 1000 == 0)
            {
                Session.Logger.InvocationRefused(registration.Procedure, registration.MaxConcurrentInvocations, refused);
            }

            Session.PostDroppable(new ErrorMessage(WampMessageType.Invocation, message.RequestId, WampJson.EmptyObject, WampErrorUris.Unavailable,
                new WampPayloadBuilder().Add($"The callee is busy: {registration.MaxConcurrentInvocations} invocations of '{registration.Procedure}' are running (its MaxConcurrentInvocations).").Build()));
            return null;
        }

        var invocation = new ActiveInvocation(this, Session, registration, message);
        if (!_running.TryAdd(message.RequestId, invocation))
        {
            registration.Exit();
            return new SessionEnd(SessionEndKind.ProtocolViolation,
                WampErrors.Violation($"INVOCATION with request id {message.RequestId}, which is still running", duringHandshake: false, Session.ErrorContext));
        }

        ThreadPool.UnsafeQueueUserWorkItem(invocation, preferLocal: false);
        return null;
    }

    // Reader loop.
    public void OnInterrupt(InterruptMessage message)
    {
        if (!_running.TryGetValue(message.RequestId, out ActiveInvocation? invocation))
        {
            Session.Logger.InterruptForUnknownInvocation(message.RequestId);
            return;
        }

        invocation.Interrupt(WampSession.StringOrNull(message.Options, "mode") ?? "killnowait");
    }

    // Reader loop: [67, 0, {registration, reason}].
    public SessionEnd? OnRevoked(UnregisteredMessage message) => OnRevoked(message.Details);

    public void Finished(ActiveInvocation invocation) => _running.TryRemove(invocation.RequestId, out _);

    /// <summary>Session end: stop running handlers and void the router ids (registrations stay in the registry).</summary>
    public void EndAll()
    {
        foreach (KeyValuePair<long, ActiveInvocation> entry in _running)
        {
            entry.Value.Abandon();
        }

        DetachAll();
    }

    protected override WampMessage PlaceMessage(long requestId, ClientRegistration entry) =>
        new RegisterMessage(requestId, OptionsJson.Register(entry.Options), entry.Procedure);

    protected override WampMessage RemoveMessage(long requestId, long routerId) => new UnregisterMessage(requestId, routerId);

    protected override string DescribePlace(ClientRegistration entry) => $"REGISTER of '{entry.Procedure}'";

    protected override string DescribeRemove(ClientRegistration entry) => $"UNREGISTER of '{entry.Procedure}'";

    protected override WampException Revoked(ClientRegistration entry, long routerId, string reason, JsonElement details) =>
        WampErrors.Revoked(subscription: false, entry.Procedure, routerId, reason, details, Session.ErrorContext);
}
