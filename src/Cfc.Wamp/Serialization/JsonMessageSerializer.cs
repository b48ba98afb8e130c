using System.Buffers;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization.Envelope;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// The <c>wamp.2.json</c> serializer: UTF-8 JSON text, binary values as "\u0000" + base64. Frames are read with
/// <see cref="Utf8JsonReader"/> straight into messages (no <see cref="JsonDocument"/> unless a non-empty dictionary is
/// present); payloads stay JSON bytes until a typed decode asks for them.
/// </summary>
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
        var tokens = new JsonFrame(frame);
        return EnvelopeDecoder.Read(ref tokens);
    }

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count) { }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => Array.Empty<byte>();
    }
}
