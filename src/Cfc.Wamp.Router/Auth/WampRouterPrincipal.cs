using System.Text.Json;

namespace Cfc.Wamp.Router;

/// <summary>An identity a client may join as, with the secret the router checks its proof against.</summary>
/// <param name="AuthId">The authentication id announced in WELCOME; <see langword="null"/> for anonymous means a random one.</param>
/// <param name="AuthRole">The role announced in WELCOME.</param>
public sealed record WampRouterPrincipal(string? AuthId, string AuthRole)
{
    /// <summary>For ticket: the expected ticket. For wampcra: the shared secret. Unused for anonymous and cryptosign.</summary>
    public string? Secret { get; init; }

    /// <summary>For wampcra: the PBKDF2 salt; <see langword="null"/> for an unsalted secret.</summary>
    public string? Salt { get; init; }

    /// <summary>For salted wampcra: the PBKDF2 iteration count. Default 1000.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>For salted wampcra: the derived key length in bytes. Default 32.</summary>
    public int KeyLength { get; init; } = 32;

    /// <summary>The <c>authprovider</c> announced in WELCOME. Default <c>static</c>.</summary>
    public string AuthProvider { get; init; } = "static";

    /// <summary>Extra data sent to the client in WELCOME.Details.authextra, when given (a JSON object).</summary>
    public JsonElement? AuthExtra { get; init; }
}
