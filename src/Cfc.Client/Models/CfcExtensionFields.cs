using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Cfc.Client;

/// <summary>
/// A read-only view of a model's unknown fields. Deliberately implements only <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// (not <see cref="IDictionary{TKey, TValue}"/>), so a cast cannot reach a mutator of an immutable record.
/// </summary>
internal sealed class CfcExtensionFields : IReadOnlyDictionary<string, JsonElement>
{
    private readonly Dictionary<string, JsonElement> fields;

    internal CfcExtensionFields(Dictionary<string, JsonElement> fields) => this.fields = fields;

    /// <summary>The view used when the server sent no unknown field.</summary>
    internal static CfcExtensionFields Empty { get; } = new([]);

    public int Count => fields.Count;

    public IEnumerable<string> Keys => fields.Keys;

    public IEnumerable<JsonElement> Values => fields.Values;

    public JsonElement this[string key] => fields[key];

    public bool ContainsKey(string key) => fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{{ {string.Join(", ", fields.Keys)} }}";
}
