using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>ERROR: a request failed.</summary>
/// <param name="RequestType">The type of the request that failed.</param>
/// <param name="RequestId">The id of the request that failed.</param>
/// <param name="Details">The details dictionary.</param>
/// <param name="ErrorUri">The error URI.</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record ErrorMessage(WampMessageType RequestType, long RequestId, JsonElement Details, string ErrorUri, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Error;
}
