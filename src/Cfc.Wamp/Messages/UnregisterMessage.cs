using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>UNREGISTER: a callee ends a registration.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="RegistrationId">The registration id.</param>
public sealed record UnregisterMessage(long RequestId, long RegistrationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Unregister;
}
