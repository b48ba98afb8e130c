using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>HELLO: a client asks to join a realm.</summary>
/// <param name="Realm">The realm to join.</param>
/// <param name="Details">The details dictionary (roles, authmethods, authid, authextra, agent).</param>
public sealed record HelloMessage(string Realm, JsonElement Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Hello;
}
