using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>PUBLISH: a publisher sends an event.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">The options dictionary.</param>
/// <param name="Topic">The topic URI.</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record PublishMessage(long RequestId, JsonElement Options, string Topic, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Publish;
}
