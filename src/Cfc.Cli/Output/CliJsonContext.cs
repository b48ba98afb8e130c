using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Cli.Output;

/// <summary>Source-generated JSON metadata for what the tool itself serializes (no reflection serialization).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
