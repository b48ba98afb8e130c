namespace Cfc.Client.Testing;

/// <summary>
/// A user account of the fake CFC. The router authenticates users with WAMP-cryptosign for real: the HELLO's
/// public key must be a user's <see cref="PublicKeyHex"/> (else <c>wamp.error.not_authorized</c>) and the signature must verify.
/// </summary>
/// <param name="AuthId">The user's id (an e-mail address, as on CFC), the session's authid.</param>
/// <param name="PublicKeyHex">The user's Ed25519 public key, 64 hex characters.</param>
public sealed record FakeCfcUser(string AuthId, string PublicKeyHex)
{
    /// <summary>
    /// Roles the user holds on management realms at start (realm name to role names among <c>guest</c>, <c>developer</c>,
    /// <c>operator</c>, <c>admin</c>, <c>owner</c>). A realm named here that does not exist yet is created, owned by this user
    /// when the roles include <c>owner</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RealmRoles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
