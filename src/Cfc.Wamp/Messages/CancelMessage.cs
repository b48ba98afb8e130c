using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>CANCEL: a caller cancels a call.</summary>
/// <param name="RequestId">The id of the CALL request.</param>
/// <param name="Options">The options dictionary (mode).</param>
public sealed record CancelMessage(long RequestId, JsonElement Options) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Cancel;
}
