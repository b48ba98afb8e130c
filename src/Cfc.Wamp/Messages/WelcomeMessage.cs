using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>WELCOME: the router accepts the session.</summary>
/// <param name="SessionId">The session id the router assigned.</param>
/// <param name="Details">The details dictionary (roles, authid, authrole, authmethod, ...).</param>
public sealed record WelcomeMessage(long SessionId, JsonElement Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType Type => WampMessageType.Welcome;
}
