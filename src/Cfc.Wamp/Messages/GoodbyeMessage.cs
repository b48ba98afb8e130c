using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>GOODBYE: a session is closed by handshake.</summary>
/// <param name="Details">The details dictionary.</param>
/// <param name="Reason">The reason URI.</param>
public sealed record GoodbyeMessage(JsonElement Details, string Reason) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Goodbye;
}
