using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>ABORT: a session is refused or ended without a handshake.</summary>
/// <param name="Details">The details dictionary (often with a human-readable message).</param>
/// <param name="Reason">The reason URI.</param>
/// <param name="Payload">The positional and keyword arguments.</param>
public sealed record AbortMessage(JsonElement Details, string Reason, WampPayload Payload) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Abort;
}
