using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>REGISTERED: the dealer confirms a registration.</summary>
/// <param name="RequestId">The id of the REGISTER request.</param>
/// <param name="RegistrationId">The registration id.</param>
public sealed record RegisteredMessage(long RequestId, long RegistrationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Registered;
}
