using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>
/// Runs a CALL to a router-local procedure off the realm's gate (the handler may publish, which takes the gate)
/// and answers the caller with RESULT or ERROR. Answers go through the caller's send queue, so fault injection
/// (<see cref="WampRouter.DelayAnswers"/>) applies to them as to any other answer.
/// </summary>
internal static class RouterLocalCall
{
    public static void Start(RouterRealm realm, RouterSession caller, CallMessage call, RouterLocalProcedure procedure)
    {
        var who = new RouterCaller(realm.Name, caller.AuthId, caller.AuthRole, caller.Id);
        _ = Task.Run(() => RunAsync(realm, caller, call, procedure, who));
    }

    private static async Task RunAsync(RouterRealm realm, RouterSession caller, CallMessage call, RouterLocalProcedure procedure, RouterCaller who)
    {
        WampMessage answer;
        try
        {
            WampPayload result = await procedure(who, call.Payload, realm.Router.Stopping).ConfigureAwait(false);
            answer = new ResultMessage(call.RequestId, WampJson.EmptyObject, result);
        }
        catch (WampException e)
        {
            answer = new ErrorMessage(WampMessageType.Call, call.RequestId, e.Details ?? WampJson.EmptyObject, e.ErrorUri, e.Payload);
        }
        catch (OperationCanceledException) when (realm.Router.Stopping.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failing handler must answer the caller, whatever went wrong (as a callee's runtime error would).
        catch (Exception e)
#pragma warning restore CA1031
        {
            answer = new ErrorMessage(WampMessageType.Call, call.RequestId, WampJson.EmptyObject, WampErrorUris.RuntimeError, RouterPayload.Message(e.Message));
        }

        lock (realm.Gate)
        {
            caller.Send(answer);
        }
    }
}
