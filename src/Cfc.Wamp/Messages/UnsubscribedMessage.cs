using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>UNSUBSCRIBED: the broker confirms the end of a subscription, or revokes it (request id 0).</summary>
/// <param name="RequestId">The id of the UNSUBSCRIBE request, or 0 for a revocation.</param>
/// <param name="Details">The details of a revocation (subscription, reason), if any.</param>
public sealed record UnsubscribedMessage(long RequestId, JsonElement? Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Unsubscribed;
}
