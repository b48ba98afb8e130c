using System.Text.Json;
using Cra = Cfc.Wamp.Auth.WampCra;

namespace Cfc.Wamp.Auth;

/// <summary>WAMP-CRA: answers the router's challenge string with an HMAC keyed by the (optionally salted) secret.</summary>
internal sealed class WampCraAuthenticator(string authId, string secret) : SharedSecretAuthenticator("wampcra", authId, secret)
{
    protected override async ValueTask<WampAuthenticateResponse> AnswerAsync(JsonElement extra, CancellationToken cancellationToken)
    {
        if (extra.ValueKind != JsonValueKind.Object || !extra.TryGetProperty("challenge", out JsonElement challenge) || challenge.ValueKind != JsonValueKind.String)
        {
            throw Fail("The wampcra CHALLENGE has no 'challenge' string in its extra dictionary.");
        }

        string challengeText = challenge.GetString()!;
        if (challengeText.Length > MaxChallengeLength)
        {
            throw Fail($"The wampcra challenge is {challengeText.Length} characters, more than the {MaxChallengeLength} the client signs.");
        }

        string key = Secret;
        if (extra.TryGetProperty("salt", out JsonElement salt) && salt.ValueKind != JsonValueKind.Null)
        {
            if (salt.ValueKind != JsonValueKind.String)
            {
                throw Fail($"The wampcra CHALLENGE's 'salt' must be a string, not {salt.ValueKind}.");
            }

            string saltText = salt.GetString()!;
            if (saltText.Length > MaxSaltLength)
            {
                throw Fail($"The wampcra CHALLENGE's salt is {saltText.Length} characters, more than the {MaxSaltLength} the client accepts.");
            }

            int iterations = ReadPositive(extra, "iterations", Cra.DefaultIterations, Cra.MaxIterations);
            int keyLength = ReadPositive(extra, "keylen", Cra.DefaultKeyLength, Cra.MaxKeyLength);

            // Off the handshake's thread and stopped by its token (the connect timeout): the router chose the cost.
            key = await Task.Run(() => Cra.DeriveKey(Secret, saltText, iterations, keyLength, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return new WampAuthenticateResponse(Cra.Sign(key, challengeText));
    }

    // A challenge is a small JSON text (Crossbar's is about 200 characters); salts are short random strings.
    internal const int MaxChallengeLength = 16 * 1024;

    internal const int MaxSaltLength = 1024;

    private static int ReadPositive(JsonElement extra, string name, int fallback, int max)
    {
        if (!extra.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number) || number <= 0)
        {
            throw Fail($"The wampcra CHALLENGE's '{name}' must be a positive integer, not {ServerText.Sanitize(value.GetRawText(), 40)}.");
        }

        if (number > max)
        {
            throw Fail($"The wampcra CHALLENGE asks for {name} = {number}, more than the client's limit of {max} (WampCra.Max{(name == "keylen" ? "KeyLength" : "Iterations")}); the client refuses to spend that much work on a router's say-so. Lower it in the router's configuration.");
        }

        return (int)number;
    }

    private static WampException Fail(string message) => WampErrors.CannotAuthenticate(message);
}
