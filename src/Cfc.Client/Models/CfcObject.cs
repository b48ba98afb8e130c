using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Client;

/// <summary>
/// The base of every CFC information object (a JSON dict the server returns or publishes). Fields the SDK knows
/// are typed properties on the derived record; every other field the server sends is kept in
/// <see cref="ExtensionData"/>, so nothing is lost when the server grows (the seeds leave many objects open).
/// </summary>
public abstract record CfcObject
{
    /// <summary>The fields the SDK has no property for, by their wire name, or <see langword="null"/> when there were none.</summary>
    /// <remarks>Set only by the deserializer: System.Text.Json's source generator cannot fill extension data through <c>init</c>.</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
