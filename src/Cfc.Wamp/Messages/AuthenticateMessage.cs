using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>AUTHENTICATE: the client answers a challenge.</summary>
/// <param name="Signature">The signature (or ticket) answering the challenge.</param>
/// <param name="Extra">Extra data for the router.</param>
public sealed record AuthenticateMessage(string Signature, JsonElement Extra) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Authenticate;
}
