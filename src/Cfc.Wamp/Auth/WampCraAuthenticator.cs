using System.Text.Json;
using Cra = Cfc.Wamp.Auth.WampCra;

namespace Cfc.Wamp.Auth;

/// <summary>WAMP-CRA: answers the router's challenge string with an HMAC keyed by the (optionally salted) secret.</summary>
internal sealed class WampCraAuthenticator : WampAuthenticator
{
    private static readonly string[] Methods = ["wampcra"];

    private readonly string _authId;
    private readonly string _secret;

    public WampCraAuthenticator(string authId, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        ArgumentNullException.ThrowIfNull(secret);
        _authId = authId;
        _secret = secret;
    }

    public override IReadOnlyList<string> AuthMethods => Methods;

    public override string? AuthId => _authId;

    // The secret never appears in logs.
    public override string ToString() => $"wampcra authenticator for '{_authId}'";

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken)
    {
        if (authMethod != "wampcra")
        {
            throw Fail($"The router sent a '{authMethod}' challenge, but the client offered only 'wampcra'.");
        }

        if (extra.ValueKind != JsonValueKind.Object || !extra.TryGetProperty("challenge", out JsonElement challenge) || challenge.ValueKind != JsonValueKind.String)
        {
            throw Fail("The wampcra CHALLENGE has no 'challenge' string in its extra dictionary.");
        }

        string key = _secret;
        if (extra.TryGetProperty("salt", out JsonElement salt) && salt.ValueKind != JsonValueKind.Null)
        {
            if (salt.ValueKind != JsonValueKind.String)
            {
                throw Fail($"The wampcra CHALLENGE's 'salt' must be a string, not {salt.ValueKind}.");
            }

            int iterations = ReadPositive(extra, "iterations", Cra.DefaultIterations);
            int keyLength = ReadPositive(extra, "keylen", Cra.DefaultKeyLength);
            key = Cra.DeriveKey(_secret, salt.GetString()!, iterations, keyLength);
        }

        return ValueTask.FromResult(new WampAuthenticateResponse(Cra.Sign(key, challenge.GetString()!)));
    }

    private static int ReadPositive(JsonElement extra, string name, int fallback)
    {
        if (!extra.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number <= 0)
        {
            throw Fail($"The wampcra CHALLENGE's '{name}' must be a positive integer, not {value.GetRawText()}.");
        }

        return number;
    }

    private static WampException Fail(string message) => new("wamp.error.cannot_authenticate", message);
}
