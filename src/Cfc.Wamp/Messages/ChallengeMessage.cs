using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>CHALLENGE: the router asks the client to authenticate.</summary>
/// <param name="AuthMethod">The authentication method the router chose.</param>
/// <param name="Extra">The method-specific challenge data.</param>
public sealed record ChallengeMessage(string AuthMethod, JsonElement Extra) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Challenge;
}
