using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization;

/// <summary>The <c>wamp.2.json</c> serializer: UTF-8 JSON text, binary values as "\u0000" + base64.</summary>
public sealed class JsonMessageSerializer : IWampMessageSerializer
{
    /// <summary>The shared instance.</summary>
    public static JsonMessageSerializer Instance { get; } = new();

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <inheritdoc />
    public WampSerializer Kind => WampSerializer.Json;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        // One writer per thread, reset onto each output: no allocation per message.
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(output, WampJson.WriterOptions);
        writer.Reset(output);
        try
        {
            WampMessageCodec.Write(writer, message);
            writer.Flush();
        }
        finally
        {
            writer.Reset(NullBufferWriter.Instance);
        }
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlySpan<byte> frame)
    {
        // Utf8JsonReader does not validate the UTF-8 inside strings; an invalid sequence would only fail later, in
        // GetString, with an InvalidOperationException. One vectorized pass over the frame rules that out.
        if (!Utf8.IsValid(frame))
        {
            throw TransportErrors.Malformed("the JSON text is not valid UTF-8");
        }

        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = Transcoding.TranscodingLimits.MaxDepth });
            root = JsonElement.ParseValue(ref reader);
            if (reader.BytesConsumed != frame.Length && HasTrailingContent(frame[(int)reader.BytesConsumed..]))
            {
                throw TransportErrors.Malformed("trailing data after the JSON value");
            }
        }
        catch (JsonException ex)
        {
            throw TransportErrors.Malformed($"not valid JSON ({ex.Message})", ex);
        }

        return WampMessageCodec.Read(root);
    }

    private static bool HasTrailingContent(ReadOnlySpan<byte> rest)
    {
        foreach (byte b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count) { }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => Array.Empty<byte>();
    }
}
