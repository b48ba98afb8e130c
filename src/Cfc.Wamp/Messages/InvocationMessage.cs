using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>INVOCATION: the dealer asks a callee to run a procedure.</summary>
/// <param name="RequestId">The invocation request id (chosen by the router).</param>
/// <param name="RegistrationId">The registration id.</param>
/// <param name="Details">The details dictionary (procedure, receive_progress, caller, ...).</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record InvocationMessage(long RequestId, long RegistrationId, JsonElement Details, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Invocation;
}
