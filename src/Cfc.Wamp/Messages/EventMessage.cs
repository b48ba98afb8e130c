using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>EVENT: the broker delivers an event.</summary>
/// <param name="SubscriptionId">The subscription id.</param>
/// <param name="PublicationId">The publication id.</param>
/// <param name="Details">The details dictionary (topic for pattern subscriptions, publisher, ...).</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record EventMessage(long SubscriptionId, long PublicationId, JsonElement Details, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Event;
}
