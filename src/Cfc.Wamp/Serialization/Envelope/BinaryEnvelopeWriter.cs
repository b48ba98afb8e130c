using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// Writes message parts straight into a binary format (CBOR, MessagePack) through its <see cref="IBinaryValueSink"/>:
/// ids and URIs directly; dictionaries and payloads from their UTF-8 JSON (a dictionary's raw text, a payload's bytes)
/// with <see cref="JsonToBinaryWalker"/>, which reads the JSON with <see cref="Utf8JsonReader"/> and builds no document.
/// </summary>
/// <typeparam name="TSink">The format's encoder.</typeparam>
internal ref struct BinaryEnvelopeWriter<TSink> : IEnvelopeWriter
    where TSink : struct, IBinaryValueSink
{
    private TSink _sink;
    private readonly string _format;

    /// <summary>Creates a writer over <paramref name="sink"/>.</summary>
    /// <param name="sink">The encoder.</param>
    /// <param name="format">The format's name, for error messages.</param>
    public BinaryEnvelopeWriter(TSink sink, string format)
    {
        _sink = sink;
        _format = format;
    }

    /// <inheritdoc />
    public void Start(int count) => _sink.StartArray(count);

    /// <inheritdoc />
    public void End() => _sink.EndArray();

    /// <inheritdoc />
    public void Integer(long value) => _sink.Int64(value);

    /// <inheritdoc />
    public void String(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 512)
        {
            Span<byte> buffer = stackalloc byte[512];
            _sink.Text(buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
            return;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            _sink.Text(rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public void Dict(JsonElement value)
    {
        ReadOnlySpan<byte> json = JsonMarshal.GetRawUtf8Value(value);
        if (json.Length == 2 && value.ValueKind == JsonValueKind.Object)
        {
            _sink.StartMap(0);
            _sink.EndMap();
            return;
        }

        JsonToBinaryWalker.Walk(json, ref _sink, _format);
    }

    /// <inheritdoc />
    public void Arguments(in WampPayload payload)
    {
        ReadOnlySpan<byte> json = payload.Encoded is { } e ? e.ArgsJson
            : payload.Arguments is { } a ? JsonMarshal.GetRawUtf8Value(a)
            : default;
        if (json.IsEmpty)
        {
            _sink.StartArray(0);
            _sink.EndArray();
            return;
        }

        JsonToBinaryWalker.Walk(json, ref _sink, _format);
    }

    /// <inheritdoc />
    public void Keywords(in WampPayload payload)
    {
        ReadOnlySpan<byte> json = payload.Encoded is { } e ? e.KwargsJson : JsonMarshal.GetRawUtf8Value(payload.ArgumentsKeywords!.Value);
        JsonToBinaryWalker.Walk(json, ref _sink, _format);
    }
}
