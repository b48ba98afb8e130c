using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>SUBSCRIBE: a subscriber asks for events on a topic.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">The options dictionary (match, ...).</param>
/// <param name="Topic">The topic URI or pattern.</param>
public sealed record SubscribeMessage(long RequestId, JsonElement Options, string Topic) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Subscribe;
}
