using NSec.Cryptography;

namespace Cfc.Wamp.Auth;

/// <summary>Checks a cryptosign AUTHENTICATE signature, as a router does (without channel binding).</summary>
public static class CryptosignVerifier
{
    /// <summary>
    /// Verifies that <paramref name="signatureHex"/> is 192 hex characters, that its last 32 bytes equal the
    /// challenge, and that its first 64 bytes are a valid Ed25519 signature of the challenge by the key.
    /// </summary>
    /// <param name="publicKey">The client's 32-byte public key.</param>
    /// <param name="challenge">The 32-byte challenge the router sent.</param>
    /// <param name="signatureHex">The AUTHENTICATE signature.</param>
    /// <returns><see langword="true"/> when every check passes.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> challenge, string? signatureHex)
    {
        if (publicKey.Length != 32 || challenge.Length != CryptosignChallenge.ChallengeLength
            || !Hex.TryParse(signatureHex, CryptosignChallenge.AuthenticateLength, out byte[] signed))
        {
            return false;
        }

        ReadOnlySpan<byte> signature = signed.AsSpan(0, CryptosignChallenge.SignatureLength);
        ReadOnlySpan<byte> tail = signed.AsSpan(CryptosignChallenge.SignatureLength);
        if (!tail.SequenceEqual(challenge))
        {
            return false;
        }

        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out NSec.Cryptography.PublicKey? key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, challenge, signature);
    }

    /// <summary>Verifies with the public key and challenge in hex (as HELLO and CHALLENGE carry them).</summary>
    /// <param name="publicKeyHex">The public key, 64 hex characters.</param>
    /// <param name="challengeHex">The challenge, 64 hex characters.</param>
    /// <param name="signatureHex">The AUTHENTICATE signature, 192 hex characters.</param>
    /// <returns><see langword="true"/> when every check passes.</returns>
    public static bool Verify(string? publicKeyHex, string? challengeHex, string? signatureHex) =>
        Hex.TryParse(publicKeyHex, 32, out byte[] key)
        && Hex.TryParse(challengeHex, CryptosignChallenge.ChallengeLength, out byte[] challenge)
        && Verify(key, challenge, signatureHex);
}
