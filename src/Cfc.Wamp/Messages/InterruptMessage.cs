using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>INTERRUPT: the dealer asks a callee to stop an invocation.</summary>
/// <param name="RequestId">The id of the INVOCATION request.</param>
/// <param name="Options">The options dictionary (mode, reason).</param>
public sealed record InterruptMessage(long RequestId, JsonElement Options) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Interrupt;
}
