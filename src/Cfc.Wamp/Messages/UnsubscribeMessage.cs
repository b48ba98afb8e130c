using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>UNSUBSCRIBE: a subscriber ends a subscription.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="SubscriptionId">The subscription id.</param>
public sealed record UnsubscribeMessage(long RequestId, long SubscriptionId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Unsubscribe;
}
