using System.Text.Json;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>Writes message parts as JSON; payload bytes go into the frame as they are (they are valid JSON by construction).</summary>
internal readonly ref struct JsonEnvelopeWriter : IEnvelopeWriter
{
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a writer over <paramref name="writer"/>.</summary>
    /// <param name="writer">The JSON writer.</param>
    public JsonEnvelopeWriter(Utf8JsonWriter writer) => _writer = writer;

    /// <inheritdoc />
    public void Start(int count) => _writer.WriteStartArray();

    /// <inheritdoc />
    public void End() => _writer.WriteEndArray();

    /// <inheritdoc />
    public void Integer(long value) => _writer.WriteNumberValue(value);

    /// <inheritdoc />
    public void String(string value) => _writer.WriteStringValue(value);

    /// <inheritdoc />
    public void Dict(JsonElement value) => value.WriteTo(_writer);

    /// <inheritdoc />
    public void Arguments(in WampPayload payload)
    {
        if (payload.Encoded is { } e)
        {
            WriteRaw(e.ArgsJson, "[]"u8);
        }
        else if (payload.Arguments is { } a)
        {
            a.WriteTo(_writer);
        }
        else
        {
            _writer.WriteStartArray();
            _writer.WriteEndArray();
        }
    }

    /// <inheritdoc />
    public void Keywords(in WampPayload payload)
    {
        if (payload.Encoded is { } e)
        {
            WriteRaw(e.KwargsJson, "{}"u8);
        }
        else
        {
            payload.ArgumentsKeywords!.Value.WriteTo(_writer);
        }
    }

    private void WriteRaw(ReadOnlySpan<byte> json, ReadOnlySpan<byte> whenAbsent) =>
        _writer.WriteRawValue(json.IsEmpty ? whenAbsent : json, skipInputValidation: true);
}
