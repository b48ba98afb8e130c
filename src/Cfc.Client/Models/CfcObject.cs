using System.Text;
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
    /// <summary>The fields the SDK has no property for, by their wire name; empty when there were none. Read-only.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ExtensionData =>
        ExtensionStore is { Count: > 0 } store ? new CfcExtensionFields(store) : CfcExtensionFields.Empty;

    /// <summary>
    /// The object exactly as the server sent it (every field, including values that did not fit their typed
    /// property), or an undefined element (<see cref="JsonValueKind.Undefined"/>) for an object the application made
    /// itself. Not part of equality.
    /// </summary>
    [JsonIgnore]
    public JsonElement RawJson { get; internal set; }

    // The deserializer's store for unknown fields. Internal so callers cannot mutate a model through it; the source
    // generator lives in this assembly, so [JsonInclude] on an internal member is accessible to it (AOT-safe).
    // It stays a settable Dictionary because that is what System.Text.Json fills for [JsonExtensionData].
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? ExtensionStore { get; set; }

    /// <summary>Equality of the typed fields and the unknown-field store; <see cref="RawJson"/> is left out on purpose.</summary>
    /// <param name="other">The other object.</param>
    /// <returns><see langword="true"/> when both are the same kind of object with equal fields.</returns>
    public virtual bool Equals(CfcObject? other) =>
        ReferenceEquals(this, other)
        || (other is not null && EqualityContract == other.EqualityContract && Equals(ExtensionStore, other.ExtensionStore));

    /// <inheritdoc />
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Prints the names of the unknown fields (not their values) so <c>ToString</c> stays readable.</summary>
    /// <param name="builder">The builder <c>ToString</c> writes to.</param>
    /// <returns><see langword="true"/> when something was printed (the derived record then adds a separator).</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (ExtensionStore is not { Count: > 0 } store)
        {
            return false;
        }

        builder.Append("ExtensionData = { ").AppendJoin(", ", store.Keys).Append(" }");
        return true;
    }
}
