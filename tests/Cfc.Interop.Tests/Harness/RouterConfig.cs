using System.Text.Json.Serialization;

namespace Cfc.Interop.Tests.Harness;

/// <summary>router.js's configuration; see the comment at the top of router.js.</summary>
internal sealed record RouterConfig(
    [property: JsonPropertyName("realms")] IReadOnlyList<string> Realms,
    [property: JsonPropertyName("ticket")] IReadOnlyDictionary<string, string> Ticket,
    [property: JsonPropertyName("wampcra")] IReadOnlyDictionary<string, CraUser> WampCra,
    [property: JsonPropertyName("cryptosign")] IReadOnlyDictionary<string, string> Cryptosign);

/// <summary>A WAMP-CRA user; <see cref="Salt"/> null means the plain (unsalted) variant.</summary>
internal sealed record CraUser(
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("salt")] string? Salt,
    [property: JsonPropertyName("iterations")] int? Iterations,
    [property: JsonPropertyName("keylen")] int? KeyLength);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RouterConfig))]
internal sealed partial class RouterConfigJsonContext : JsonSerializerContext;
