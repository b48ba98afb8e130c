using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>CALL: a caller invokes a procedure.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">The options dictionary (receive_progress, timeout, ...).</param>
/// <param name="Procedure">The procedure URI.</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record CallMessage(long RequestId, JsonElement Options, string Procedure, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Call;
}
