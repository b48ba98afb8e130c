using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// The dealer of one realm: registrations (exact, prefix, wildcard; shared under an invoke policy), call
/// routing, progressive results, cancellation, timeouts, and cleanup when callers or callees leave.
/// Every method runs under the realm's gate.
/// </summary>
internal sealed class RouterDealer(RouterRealm realm)
{
    // The details of every progressive RESULT: one shared element (JsonElement reads are thread-safe).
    private static readonly JsonElement ProgressDetails = WampJson.BuildObject(w => w.WriteBoolean("progress", true));

    private readonly Dictionary<(string Uri, string Match), RouterRegistration> _byKey = [];
    private readonly Dictionary<long, RouterRegistration> _byId = [];

    public IEnumerable<RouterRegistration> Registrations => _byId.Values;

    public RouterRegistration? Get(long id) => _byId.GetValueOrDefault(id);

    public RouterRegistration? Lookup(string uri, string match) => _byKey.GetValueOrDefault((uri, match));

    /// <summary>The registration a call to <paramref name="procedure"/> goes to: exact, else longest prefix, else the most specific wildcard.</summary>
    public RouterRegistration? Match(string procedure)
    {
        if (_byKey.TryGetValue((procedure, RouterUris.Exact), out RouterRegistration? exact))
        {
            return exact;
        }

        RouterRegistration? best = null;
        foreach (RouterRegistration r in _byId.Values)
        {
            if (r.Match == RouterUris.Prefix && RouterUris.Matches(r.Uri, r.Match, procedure) && (best is null || r.Uri.Length > best.Uri.Length))
            {
                best = r;
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (RouterRegistration r in _byId.Values)
        {
            if (r.Match == RouterUris.Wildcard && RouterUris.Matches(r.Uri, r.Match, procedure)
                && (best is null || RouterUris.WildcardScore(r.Uri) > RouterUris.WildcardScore(best.Uri)))
            {
                best = r;
            }
        }

        return best;
    }

    public void Register(RouterSession callee, RegisterMessage message)
    {
        string match = RouterJson.GetString(message.Options, "match") ?? RouterUris.Exact;
        string invoke = RouterJson.GetString(message.Options, "invoke") ?? RouterRegistration.Single;
        if (!RouterUris.IsKnownMatch(match) || !RouterRegistration.IsKnownPolicy(invoke))
        {
            Fail(callee, WampMessageType.Register, message.RequestId, WampErrorUris.InvalidArgument, $"unknown match '{match}' or invoke '{invoke}'");
            return;
        }

        // wamp.* is the router's own namespace (the meta API lives there).
        if (!RouterUris.IsValid(message.Procedure, match) || message.Procedure.StartsWith("wamp.", StringComparison.Ordinal))
        {
            Fail(callee, WampMessageType.Register, message.RequestId, WampErrorUris.InvalidUri, $"invalid procedure URI '{message.Procedure}'");
            return;
        }

        bool created = false;
        if (_byKey.TryGetValue((message.Procedure, match), out RouterRegistration? registration))
        {
            if (registration.Invoke == RouterRegistration.Single || registration.Invoke != invoke || registration.Callees.Exists(c => c.Session == callee))
            {
                Fail(callee, WampMessageType.Register, message.RequestId, WampErrorUris.ProcedureAlreadyExists, $"procedure '{message.Procedure}' is already registered");
                return;
            }
        }
        else
        {
            registration = new RouterRegistration(RouterIds.Next(), message.Procedure, match, invoke, realm.Router.TimeProvider.GetUtcNow());
            _byKey[(registration.Uri, match)] = registration;
            _byId[registration.Id] = registration;
            created = true;
        }

        registration.Callees.Add(new CalleeEntry(callee, RouterJson.GetBool(message.Options, "disclose_caller")));
        callee.Registrations[registration.Id] = registration;
        callee.Send(new RegisteredMessage(message.RequestId, registration.Id));
        if (created)
        {
            realm.Broker.PublishMeta("wamp.registration.on_create", RouterPayload.Args(w => { w.WriteNumberValue(callee.Id); registration.Describe().WriteTo(w); }));
        }

        realm.Broker.PublishMeta("wamp.registration.on_register", RouterPayload.Args(w => { w.WriteNumberValue(callee.Id); w.WriteNumberValue(registration.Id); }));
    }

    public void Unregister(RouterSession callee, UnregisterMessage message)
    {
        if (!callee.Registrations.TryGetValue(message.RegistrationId, out RouterRegistration? registration))
        {
            Fail(callee, WampMessageType.Unregister, message.RequestId, WampErrorUris.NoSuchRegistration, $"no registration {message.RegistrationId}");
            return;
        }

        RemoveCallee(callee, registration);
        callee.Send(new UnregisteredMessage(message.RequestId, null));
    }

    public void Call(RouterSession caller, CallMessage message)
    {
        if (realm.Meta.TryCall(caller, message))
        {
            return;
        }

        if (realm.Router.LocalProcedures?.Find(realm.Name, message.Procedure) is { } local)
        {
            RouterLocalCall.Start(realm, caller, message, local);
            return;
        }

        if (!RouterUris.IsValid(message.Procedure, RouterUris.Exact))
        {
            Fail(caller, WampMessageType.Call, message.RequestId, WampErrorUris.InvalidUri, $"invalid procedure URI '{message.Procedure}'");
            return;
        }

        RouterRegistration? registration = Match(message.Procedure);
        if (registration is null)
        {
            Fail(caller, WampMessageType.Call, message.RequestId, WampErrorUris.NoSuchProcedure, $"no callee registered for procedure '{message.Procedure}'");
            return;
        }

        CalleeEntry entry = registration.Pick();
        RouterSession callee = entry.Session;
        long invocationId = ++callee.LastInvocationId;
        bool receiveProgress = RouterJson.GetBool(message.Options, "receive_progress");
        bool disclose = entry.DiscloseCaller || RouterJson.GetBool(message.Options, "disclose_me");
        // Most invocations carry empty details: those share one element instead of building a document per call.
        JsonElement details = registration.Match == RouterUris.Exact && !receiveProgress && !disclose ? WampJson.EmptyObject : WampJson.BuildObject(w =>
        {
            if (registration.Match != RouterUris.Exact)
            {
                w.WriteString("procedure", message.Procedure);
            }

            if (receiveProgress)
            {
                w.WriteBoolean("receive_progress", true);
            }

            if (disclose)
            {
                w.WriteNumber("caller", caller.Id);
                w.WriteString("caller_authid", caller.AuthId);
                w.WriteString("caller_authrole", caller.AuthRole);
            }
        });

        var pending = new PendingCall(caller, message.RequestId, callee, invocationId, receiveProgress);
        caller.Calls[message.RequestId] = pending;
        callee.Invocations[invocationId] = pending;
        if (RouterJson.GetLong(message.Options, "timeout") is > 0 and long timeoutMs)
        {
            pending.Timer = realm.Router.TimeProvider.CreateTimer(_ => OnTimeout(pending), null, TimeSpan.FromMilliseconds(timeoutMs), Timeout.InfiniteTimeSpan);
        }

        callee.Send(new InvocationMessage(invocationId, registration.Id, details, message.Payload));
    }

    /// <summary>Routes a YIELD. Returns a protocol-violation reason, or <see langword="null"/>.</summary>
    public string? Yield(RouterSession callee, YieldMessage message)
    {
        if (!callee.Invocations.TryGetValue(message.RequestId, out PendingCall? pending))
        {
            return IsLateAnswer(callee, message.RequestId) ? null : $"YIELD for unknown invocation {message.RequestId}";
        }

        if (RouterJson.GetBool(message.Options, "progress"))
        {
            // Progress the caller did not ask for is dropped; the final YIELD still follows.
            if (pending.ReceiveProgress)
            {
                pending.Caller.Send(new ResultMessage(pending.CallRequestId, ProgressDetails, message.Payload));
            }

            return null;
        }

        Finish(pending);
        pending.Caller.Send(new ResultMessage(pending.CallRequestId, WampJson.EmptyObject, message.Payload));
        return null;
    }

    /// <summary>Routes an ERROR answering an INVOCATION. Returns a protocol-violation reason, or <see langword="null"/>.</summary>
    public string? InvocationError(RouterSession callee, ErrorMessage message)
    {
        if (!callee.Invocations.TryGetValue(message.RequestId, out PendingCall? pending))
        {
            return IsLateAnswer(callee, message.RequestId) ? null : $"ERROR for unknown invocation {message.RequestId}";
        }

        Finish(pending);
        pending.Caller.Send(new ErrorMessage(WampMessageType.Call, pending.CallRequestId, message.Details, message.ErrorUri, message.Payload));
        return null;
    }

    public void Cancel(RouterSession caller, CancelMessage message)
    {
        // A CANCEL that crosses the final answer finds nothing: that is normal.
        if (!caller.Calls.TryGetValue(message.RequestId, out PendingCall? pending))
        {
            return;
        }

        string mode = RouterJson.GetString(message.Options, "mode") ?? "killnowait";
        if (mode is not ("skip" or "kill" or "killnowait"))
        {
            Fail(caller, WampMessageType.Cancel, message.RequestId, WampErrorUris.InvalidArgument, $"unknown cancel mode '{mode}'");
            return;
        }

        // A callee that cannot be interrupted is skipped: the caller is answered, the callee's answer dropped.
        if (!pending.Callee.CalleeCancels)
        {
            mode = "skip";
        }

        if (mode == "kill")
        {
            // The callee answers (normally with wamp.error.canceled) and that answer goes to the caller.
            pending.Callee.Send(Interrupt(pending.InvocationId, "kill", WampErrorUris.Canceled));
            return;
        }

        Finish(pending);
        if (mode == "killnowait")
        {
            pending.Callee.Send(Interrupt(pending.InvocationId, "killnowait", WampErrorUris.Canceled));
        }

        pending.Caller.Send(new ErrorMessage(WampMessageType.Call, pending.CallRequestId, WampJson.EmptyObject, WampErrorUris.Canceled, RouterPayload.Message("the call was canceled")));
    }

    /// <summary>Drops everything of a leaving session: its calls, its invocations, its registrations.</summary>
    public void RemoveSession(RouterSession session)
    {
        foreach (PendingCall call in session.Calls.Values.ToList())
        {
            Finish(call);
            if (call.Callee.CalleeCancels)
            {
                call.Callee.Send(Interrupt(call.InvocationId, "killnowait", WampErrorUris.Canceled));
            }
        }

        foreach (PendingCall invocation in session.Invocations.Values.ToList())
        {
            Finish(invocation);
            invocation.Caller.Send(new ErrorMessage(WampMessageType.Call, invocation.CallRequestId, WampJson.EmptyObject, WampErrorUris.Canceled,
                RouterPayload.Message("the callee left")));
        }

        foreach (RouterRegistration registration in session.Registrations.Values.ToList())
        {
            RemoveCallee(session, registration);
        }
    }

    private void RemoveCallee(RouterSession callee, RouterRegistration registration)
    {
        registration.Callees.RemoveAll(c => c.Session == callee);
        callee.Registrations.Remove(registration.Id);
        realm.Broker.PublishMeta("wamp.registration.on_unregister", RouterPayload.Args(w => { w.WriteNumberValue(callee.Id); w.WriteNumberValue(registration.Id); }));
        if (registration.Callees.Count == 0)
        {
            _byKey.Remove((registration.Uri, registration.Match));
            _byId.Remove(registration.Id);
            realm.Broker.PublishMeta("wamp.registration.on_delete", RouterPayload.Args(w => { w.WriteNumberValue(callee.Id); w.WriteNumberValue(registration.Id); }));
        }
    }

    private void OnTimeout(PendingCall pending)
    {
        lock (realm.Gate)
        {
            if (!pending.Caller.Calls.TryGetValue(pending.CallRequestId, out PendingCall? current) || current != pending)
            {
                return;
            }

            Finish(pending);
            if (pending.Callee.CalleeCancels)
            {
                pending.Callee.Send(Interrupt(pending.InvocationId, "killnowait", WampErrorUris.Timeout));
            }

            pending.Caller.Send(new ErrorMessage(WampMessageType.Call, pending.CallRequestId, WampJson.EmptyObject, WampErrorUris.Timeout,
                RouterPayload.Message("the call timed out")));
        }
    }

    private static void Finish(PendingCall pending)
    {
        pending.Timer?.Dispose();
        pending.Caller.Calls.Remove(pending.CallRequestId);
        pending.Callee.Invocations.Remove(pending.InvocationId);
    }

    // Answers to invocations that were canceled, timed out or orphaned are dropped; only ids never issued are violations.
    private static bool IsLateAnswer(RouterSession callee, long invocationId) => invocationId >= 1 && invocationId <= callee.LastInvocationId;

    private static InterruptMessage Interrupt(long invocationId, string mode, string reason) =>
        new(invocationId, WampJson.BuildObject(w => { w.WriteString("mode", mode); w.WriteString("reason", reason); }));

    private static void Fail(RouterSession session, WampMessageType requestType, long requestId, string errorUri, string message) =>
        session.Send(new ErrorMessage(requestType, requestId, WampJson.EmptyObject, errorUri, RouterPayload.Message(message)));
}
