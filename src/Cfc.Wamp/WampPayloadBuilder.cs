using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cfc.Wamp;

/// <summary>
/// Builds a <see cref="WampPayload"/> without reflection: positional arguments with <c>Add</c>, keyword
/// arguments with <c>Keyword</c>. Values are written once into JSON; typed values use source-generated metadata.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The writers only wrap managed array buffers; Build() flushes them and nothing needs releasing.")]
public sealed class WampPayloadBuilder
{
    private readonly ArrayBufferWriter<byte> _args = new(256);
    private readonly Utf8JsonWriter _argsWriter;
    private ArrayBufferWriter<byte>? _kwargs;
    private Utf8JsonWriter? _kwargsWriter;
    private int _argCount;

    /// <summary>Creates an empty builder.</summary>
    public WampPayloadBuilder()
    {
        _argsWriter = new Utf8JsonWriter(_args, WampJson.WriterOptions);
        _argsWriter.WriteStartArray();
    }

    /// <summary>Adds a positional argument.</summary>
    /// <param name="value">The value (written as JSON null when <see langword="null"/>).</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(string? value)
    {
        if (value is null) { _argsWriter.WriteNullValue(); } else { _argsWriter.WriteStringValue(value); }
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional integer argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(long value)
    {
        _argsWriter.WriteNumberValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional floating-point argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(double value)
    {
        _argsWriter.WriteNumberValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional boolean argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(bool value)
    {
        _argsWriter.WriteBooleanValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional binary argument (written as the WAMP binary string form).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder AddBinary(ReadOnlySpan<byte> value)
    {
        _argsWriter.WriteStringValue(WampJson.EncodeBinary(value));
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional argument that is already JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(JsonElement value)
    {
        value.WriteTo(_argsWriter);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional JSON null.</summary>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder AddNull()
    {
        _argsWriter.WriteNullValue();
        _argCount++;
        return this;
    }

    /// <summary>Adds a typed positional argument, serialized with source-generated metadata.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonSerializer.Serialize(_argsWriter, value, typeInfo);
        _argCount++;
        return this;
    }

    /// <summary>Adds a keyword argument that is already JSON.</summary>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Keyword(string name, JsonElement value)
    {
        Utf8JsonWriter w = KeywordWriter(name);
        value.WriteTo(w);
        return this;
    }

    /// <summary>Adds a string keyword argument.</summary>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value (JSON null when <see langword="null"/>).</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Keyword(string name, string? value)
    {
        Utf8JsonWriter w = KeywordWriter(name);
        if (value is null) { w.WriteNullValue(); } else { w.WriteStringValue(value); }
        return this;
    }

    /// <summary>Adds an integer keyword argument.</summary>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Keyword(string name, long value)
    {
        KeywordWriter(name).WriteNumberValue(value);
        return this;
    }

    /// <summary>Adds a boolean keyword argument.</summary>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Keyword(string name, bool value)
    {
        KeywordWriter(name).WriteBooleanValue(value);
        return this;
    }

    /// <summary>Adds a typed keyword argument, serialized with source-generated metadata.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Keyword<T>(string name, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonSerializer.Serialize(KeywordWriter(name), value, typeInfo);
        return this;
    }

    /// <summary>Finishes the payload. The builder must not be used afterwards.</summary>
    /// <returns>The payload; positional arguments are present when any were added or keywords exist.</returns>
    public WampPayload Build()
    {
        _argsWriter.WriteEndArray();
        _argsWriter.Flush();
        JsonElement? kwargs = null;
        if (_kwargsWriter is not null)
        {
            _kwargsWriter.WriteEndObject();
            _kwargsWriter.Flush();
            kwargs = WampJson.ParseElement(_kwargs!.WrittenSpan);
        }

        JsonElement? args = _argCount > 0 || kwargs is not null ? WampJson.ParseElement(_args.WrittenSpan) : null;
        return new WampPayload(args, kwargs);
    }

    private Utf8JsonWriter KeywordWriter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_kwargsWriter is null)
        {
            _kwargs = new ArrayBufferWriter<byte>(256);
            _kwargsWriter = new Utf8JsonWriter(_kwargs, WampJson.WriterOptions);
            _kwargsWriter.WriteStartObject();
        }

        _kwargsWriter.WritePropertyName(name);
        return _kwargsWriter;
    }
}
