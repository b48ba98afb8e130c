using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>REGISTER: a callee registers a procedure.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">The options dictionary (match, invoke, ...).</param>
/// <param name="Procedure">The procedure URI or pattern.</param>
public sealed record RegisterMessage(long RequestId, JsonElement Options, string Procedure) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Register;
}
