using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>PUBLISHED: the broker acknowledges a publication.</summary>
/// <param name="RequestId">The id of the PUBLISH request.</param>
/// <param name="PublicationId">The publication id.</param>
public sealed record PublishedMessage(long RequestId, long PublicationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Published;
}
