using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>YIELD: a callee returns a result.</summary>
/// <param name="RequestId">The id of the INVOCATION request.</param>
/// <param name="Options">The options dictionary (progress, ...).</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record YieldMessage(long RequestId, JsonElement Options, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Yield;
}
