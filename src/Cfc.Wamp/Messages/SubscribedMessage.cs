using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>SUBSCRIBED: the broker confirms a subscription.</summary>
/// <param name="RequestId">The id of the SUBSCRIBE request.</param>
/// <param name="SubscriptionId">The subscription id.</param>
public sealed record SubscribedMessage(long RequestId, long SubscriptionId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Subscribed;
}
