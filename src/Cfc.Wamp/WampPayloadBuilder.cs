using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp;

/// <summary>
/// Builds a <see cref="WampPayload"/> without reflection: positional arguments with <c>Add</c>, keyword
/// arguments with <c>Keyword</c>. Values are written once into JSON (typed values with source-generated metadata),
/// into pooled buffers; <see cref="Build"/> copies the result into the payload's own array, and the serializers put
/// those bytes into the frame as they are (JSON) or transcode them without a parse (CBOR, MessagePack).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The pooled buffers are given back by Build(); a builder that is never built leaves them to the GC, which ArrayPool tolerates.")]
public sealed class WampPayloadBuilder
{
    private Scratch? _scratch;
    private int _argCount;
    private bool _hasKeywords;

    /// <summary>Creates an empty builder.</summary>
    public WampPayloadBuilder()
    {
        _scratch = Scratch.Rent();
        _scratch.ArgsWriter.WriteStartArray();
    }

    private Utf8JsonWriter ArgsWriter => (_scratch ?? throw Built()).ArgsWriter;

    /// <summary>Adds a positional argument.</summary>
    /// <param name="value">The value (written as JSON null when <see langword="null"/>).</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(string? value)
    {
        if (value is null) { ArgsWriter.WriteNullValue(); } else { ArgsWriter.WriteStringValue(value); }
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional integer argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(long value)
    {
        ArgsWriter.WriteNumberValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional floating-point argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(double value)
    {
        ArgsWriter.WriteNumberValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional boolean argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(bool value)
    {
        ArgsWriter.WriteBooleanValue(value);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional binary argument (written as the WAMP binary string form).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder AddBinary(ReadOnlySpan<byte> value)
    {
        ArgsWriter.WriteStringValue(WampJson.EncodeBinary(value));
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional argument that is already JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder Add(JsonElement value)
    {
        value.WriteTo(ArgsWriter);
        _argCount++;
        return this;
    }

    /// <summary>Adds a positional JSON null.</summary>
    /// <returns>This builder.</returns>
    public WampPayloadBuilder AddNull()
    {
        ArgsWriter.WriteNullValue();
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
        JsonSerializer.Serialize(ArgsWriter, value, typeInfo);
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
    /// <exception cref="InvalidOperationException">The builder was already built.</exception>
    public WampPayload Build()
    {
        Scratch scratch = _scratch ?? throw Built();
        _scratch = null;
        try
        {
            scratch.ArgsWriter.WriteEndArray();
            scratch.ArgsWriter.Flush();
            ReadOnlySpan<byte> kwargs = default;
            if (_hasKeywords)
            {
                scratch.KwargsWriter.WriteEndObject();
                scratch.KwargsWriter.Flush();
                kwargs = scratch.Kwargs.WrittenSpan;
            }

            if (_argCount == 0 && !_hasKeywords)
            {
                return WampPayload.Empty;
            }

            return new WampPayload(EncodedPayload.Copy(scratch.Args.WrittenSpan, kwargs, _argCount, _hasKeywords));
        }
        finally
        {
            scratch.Return();
        }
    }

    private Utf8JsonWriter KeywordWriter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Scratch scratch = _scratch ?? throw Built();
        if (!_hasKeywords)
        {
            _hasKeywords = true;
            scratch.KwargsWriter.WriteStartObject();
        }

        scratch.KwargsWriter.WritePropertyName(name);
        return scratch.KwargsWriter;
    }

    private static InvalidOperationException Built() =>
        new("This WampPayloadBuilder was already built; create a new builder for each payload.");

    // The writers and pooled buffers of one builder, kept per thread between builders (no allocation per payload).
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_cached;

        private Scratch()
        {
            Args = new PooledBufferWriter(256);
            Kwargs = new PooledBufferWriter(256);
            ArgsWriter = new Utf8JsonWriter(Args, WampJson.WriterOptions);
            KwargsWriter = new Utf8JsonWriter(Kwargs, WampJson.WriterOptions);
        }

        public PooledBufferWriter Args { get; }

        public PooledBufferWriter Kwargs { get; }

        public Utf8JsonWriter ArgsWriter { get; }

        public Utf8JsonWriter KwargsWriter { get; }

        public static Scratch Rent()
        {
            Scratch? scratch = t_cached;
            if (scratch is null)
            {
                return new Scratch();
            }

            t_cached = null;
            return scratch;
        }

        public void Return()
        {
            Args.Clear();
            Kwargs.Clear();
            ArgsWriter.Reset();
            KwargsWriter.Reset();

            // A builder that grew a big payload does not keep its arrays cached.
            if (Args.Capacity <= 64 * 1024 && Kwargs.Capacity <= 64 * 1024)
            {
                t_cached = this;
            }
            else
            {
                Args.Dispose();
                Kwargs.Dispose();
            }
        }
    }
}
