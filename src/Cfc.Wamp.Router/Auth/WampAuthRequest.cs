using System.Text.Json;

namespace Cfc.Wamp.Router;

/// <summary>What a client said about itself in HELLO, for one authentication method.</summary>
/// <param name="Realm">The realm the client asks to join.</param>
/// <param name="AuthMethod">The method being used: <c>anonymous</c>, <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c>.</param>
/// <param name="AuthId">HELLO.Details.authid, when given.</param>
/// <param name="AuthRole">HELLO.Details.authrole, when given (a wish; the principal decides).</param>
/// <param name="AuthExtra">HELLO.Details.authextra, or an empty object.</param>
/// <param name="HelloDetails">The whole HELLO.Details dictionary.</param>
public sealed record WampAuthRequest(string Realm, string AuthMethod, string? AuthId, string? AuthRole, JsonElement AuthExtra, JsonElement HelloDetails)
{
    /// <summary>For cryptosign: the client's Ed25519 public key (lowercase hex, 64 characters) from <c>authextra.pubkey</c>.</summary>
    public string? PublicKey { get; init; }
}
