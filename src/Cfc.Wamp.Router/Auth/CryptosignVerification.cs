using System.Security.Cryptography;
using NSec.Cryptography;

namespace Cfc.Wamp.Router;

/// <summary>The router's side of WAMP-Cryptosign: challenges and Ed25519 verification of the 96-byte answer.</summary>
internal static class CryptosignVerification
{
    public static bool IsPublicKeyHex(string? value) => value is { Length: 64 } && IsHex(value);

    /// <summary>32 random bytes: the challenge the client signs.</summary>
    public static byte[] NewChallenge() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Checks an AUTHENTICATE signature: 192 hex = 64-byte Ed25519 signature followed by the signed 32-byte challenge.</summary>
    public static bool Verify(string publicKeyHex, ReadOnlySpan<byte> challenge, string signatureHex)
    {
        if (!IsPublicKeyHex(publicKeyHex) || signatureHex is not { Length: 192 } || !IsHex(signatureHex))
        {
            return false;
        }

        byte[] answer = Convert.FromHexString(signatureHex);
        ReadOnlySpan<byte> signature = answer.AsSpan(0, 64);
        ReadOnlySpan<byte> signedMessage = answer.AsSpan(64);

        // The tail must be exactly our challenge (no channel binding on this router), and the signature must cover it.
        if (!CryptographicOperations.FixedTimeEquals(signedMessage, challenge))
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey, out PublicKey? key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, challenge, signature);
    }

    private static bool IsHex(string value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
