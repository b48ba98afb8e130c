using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>RESULT: the dealer returns a call result.</summary>
/// <param name="RequestId">The id of the CALL request.</param>
/// <param name="Details">The details dictionary (progress, ...).</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record ResultMessage(long RequestId, JsonElement Details, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Result;
}
