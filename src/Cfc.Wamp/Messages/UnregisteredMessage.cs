using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>UNREGISTERED: the dealer confirms the end of a registration, or revokes it (request id 0).</summary>
/// <param name="RequestId">The id of the UNREGISTER request, or 0 for a revocation.</param>
/// <param name="Details">The details of a revocation (registration, reason), if any.</param>
public sealed record UnregisteredMessage(long RequestId, JsonElement? Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Unregistered;
}
