using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cfc.Wamp.Router;

/// <summary>The router's side of WAMP-CRA: the challenge string and the expected HMAC-SHA256 signature.</summary>
internal static class WampCraVerification
{
    /// <summary>The challenge: a JSON object serialized to a string, which the client signs byte for byte.</summary>
    public static string BuildChallenge(string authId, string authRole, string authProvider, long sessionId)
    {
        string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        string timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Cfc.Wamp.WampJson.BuildObject(w =>
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

    /// <summary>The HMAC key: the UTF-8 secret, or for a salted secret the ASCII bytes of Base64(PBKDF2-HMAC-SHA256(secret, salt)).</summary>
    public static byte[] DeriveKey(WampRouterPrincipal principal)
    {
        string secret = principal.Secret ?? string.Empty;
        if (principal.Salt is null)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        byte[] derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(principal.Salt), principal.Iterations, HashAlgorithmName.SHA256, principal.KeyLength);
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(derived));
    }

    public static bool Verify(WampRouterPrincipal principal, string challenge, string signature)
    {
        byte[] expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(DeriveKey(principal), Encoding.UTF8.GetBytes(challenge))));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
