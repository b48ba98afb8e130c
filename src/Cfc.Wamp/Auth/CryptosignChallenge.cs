namespace Cfc.Wamp.Auth;

/// <summary>The cryptosign signature layout: 64-byte Ed25519 signature followed by the 32 signed bytes.</summary>
internal static class CryptosignChallenge
{
    public const int ChallengeLength = 32;
    public const int SignatureLength = 64;
    public const int AuthenticateLength = SignatureLength + ChallengeLength;

    /// <summary>
    /// Signs a challenge as AUTHENTICATE expects (96 bytes). With a channel id (tls-unique) the signed bytes are
    /// challenge XOR channel id; the client never asks for binding, the overload exists for the spec's vectors.
    /// </summary>
    public static byte[] SignChallenge(ICryptosignSigner signer, ReadOnlySpan<byte> challenge, byte[]? channelId = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (challenge.Length != ChallengeLength)
        {
            throw new ArgumentException($"A cryptosign challenge is {ChallengeLength} bytes, not {challenge.Length}.", nameof(challenge));
        }

        Span<byte> message = stackalloc byte[ChallengeLength];
        challenge.CopyTo(message);
        if (channelId is not null)
        {
            if (channelId.Length != ChallengeLength)
            {
                throw new ArgumentException($"A channel id is {ChallengeLength} bytes, not {channelId.Length}.", nameof(channelId));
            }

            for (int i = 0; i < ChallengeLength; i++)
            {
                message[i] ^= channelId[i];
            }
        }

        byte[] signature = signer.Sign(message);
        if (signature.Length != SignatureLength)
        {
            throw WampErrors.CannotAuthenticate($"The cryptosign signer returned {signature.Length} bytes; an Ed25519 signature is {SignatureLength}.");
        }

        byte[] result = new byte[AuthenticateLength];
        signature.CopyTo(result, 0);
        message.CopyTo(result.AsSpan(SignatureLength));
        return result;
    }
}
