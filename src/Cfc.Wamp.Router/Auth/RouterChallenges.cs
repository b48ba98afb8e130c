using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cfc.Wamp.Auth;

namespace Cfc.Wamp.Router;

/// <summary>
/// The router's side of the challenge-response methods: it makes the challenges and checks the answers with
/// <c>Cfc.Wamp</c>'s own computations (<see cref="WampCra"/>, <see cref="CryptosignVerifier"/>), so a client and
/// this router can never disagree about what a correct signature is.
/// </summary>
internal static class RouterChallenges
{
    /// <summary>The length of a cryptosign challenge: 32 random bytes.</summary>
    private const int CryptosignChallengeLength = 32;

    /// <summary>Whether <paramref name="value"/> is an Ed25519 public key in hex: 64 hex characters.</summary>
    public static bool IsPublicKeyHex(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>A new cryptosign challenge: 32 random bytes, which the client signs.</summary>
    public static byte[] NewCryptosignChallenge() => RandomNumberGenerator.GetBytes(CryptosignChallengeLength);

    /// <summary>Checks a cryptosign AUTHENTICATE signature against the key the client announced in HELLO.</summary>
    public static bool VerifyCryptosign(string publicKeyHex, byte[] challenge, string signatureHex) =>
        IsPublicKeyHex(publicKeyHex) && CryptosignVerifier.Verify(Convert.FromHexString(publicKeyHex), challenge, signatureHex);

    /// <summary>The WAMP-CRA challenge: a JSON object serialized to a string, which the client signs byte for byte.</summary>
    public static string NewWampCraChallenge(string authId, string authRole, string authProvider, long sessionId, TimeProvider time)
    {
        string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        string timestamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return WampJson.BuildObject(w =>
        {
            w.WriteString("authid", authId);
            w.WriteString("authrole", authRole);
            w.WriteString("authmethod", "wampcra");
            w.WriteString("authprovider", authProvider);
            w.WriteString("nonce", nonce);
            w.WriteString("timestamp", timestamp);
            w.WriteNumber("session", sessionId);
        }).GetRawText();
    }

    /// <summary>
    /// Checks a WAMP-CRA AUTHENTICATE signature: HMAC-SHA256 of the challenge keyed with the principal's secret, or
    /// for a salted secret with its PBKDF2 derivation (the salt, iterations and key length the challenge announced).
    /// </summary>
    public static bool VerifyWampCra(WampRouterPrincipal principal, string challenge, string signature)
    {
        string secret = principal.Secret ?? string.Empty;
        string key = principal.Salt is null ? secret : WampCra.DeriveKey(secret, principal.Salt, principal.Iterations, principal.KeyLength);
        string expected = WampCra.Sign(key, challenge);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
