using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>WAMP-cryptosign: HELLO carries the public key; the CHALLENGE's 32 bytes are signed with Ed25519.</summary>
internal sealed class CryptosignAuthenticator : WampAuthenticator
{
    private static readonly string[] Methods = ["cryptosign"];

    private readonly ICryptosignSigner _signer;

    public CryptosignAuthenticator(ICryptosignSigner signer, string? authId, string? authRole)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.PublicKey.Length != 32)
        {
            throw new ArgumentException($"A cryptosign public key is 32 bytes, not {signer.PublicKey.Length}.", nameof(signer));
        }

        _signer = signer;
        AuthId = authId;
        AuthRole = authRole;
    }

    public override IReadOnlyList<string> AuthMethods => Methods;

    public override string? AuthId { get; }

    public override string? AuthRole { get; }

    /// <summary>A Crossbar.io master activation code to send in authextra, or <see langword="null"/>.</summary>
    public string? ActivationCode { get; init; }

    /// <summary>Whether to ask a Crossbar.io master for a new activation code.</summary>
    public bool RequestNewActivationCode { get; init; }

    public override string ToString() => $"cryptosign authenticator for {Convert.ToHexStringLower(_signer.PublicKey)}";

    public override bool WriteAuthExtra(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("pubkey", Convert.ToHexStringLower(_signer.PublicKey));

        // .NET's ClientWebSocket exposes no TLS channel id (and TLS 1.3 has no tls-unique), so never bind.
        writer.WriteNull("channel_binding");
        if (ActivationCode is not null)
        {
            writer.WriteString("activation_code", ActivationCode);
        }

        if (RequestNewActivationCode)
        {
            writer.WriteBoolean("request_new_activation_code", true);
        }
        return true;
    }

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken)
    {
        if (authMethod != "cryptosign")
        {
            throw Fail($"The router sent a '{ServerText.Sanitize(authMethod, 64)}' challenge, but the client offered only 'cryptosign'.");
        }

        if (extra.ValueKind != JsonValueKind.Object || !extra.TryGetProperty("challenge", out JsonElement challengeElement) || challengeElement.ValueKind != JsonValueKind.String)
        {
            throw Fail("The cryptosign CHALLENGE has no 'challenge' string in its extra dictionary.");
        }

        if (extra.TryGetProperty("channel_binding", out JsonElement binding) && binding.ValueKind != JsonValueKind.Null)
        {
            throw Fail($"The router asked for cryptosign channel binding ({ServerText.Sanitize(binding.GetRawText(), 64)}), but the client never requests it and cannot provide a TLS channel id.");
        }

        if (!Hex.TryParse(challengeElement.GetString(), CryptosignChallenge.ChallengeLength, out byte[] challenge))
        {
            // Never echoed: a router could send megabytes and have them copied into the error and the ABORT.
            throw Fail($"The cryptosign challenge must be {CryptosignChallenge.ChallengeLength * 2} hex characters; the router sent {challengeElement.GetString()!.Length} characters that are not.");
        }

        byte[] signed = CryptosignChallenge.SignChallenge(_signer, challenge);
        return ValueTask.FromResult(new WampAuthenticateResponse(Convert.ToHexStringLower(signed)));
    }

    private static WampException Fail(string message) => WampErrors.CannotAuthenticate(message);
}
