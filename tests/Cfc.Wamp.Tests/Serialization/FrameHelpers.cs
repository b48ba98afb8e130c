using System.Text;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>Small helpers to move between JSON text and binary frames in tests.</summary>
internal static class FrameHelpers
{
    public static string CborToJson(byte[] cbor)
    {
        using var json = new PooledBufferWriter();
        CborJsonTranscoder.CborToJson(cbor, json);
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    public static string MessagePackToJson(byte[] msgpack)
    {
        using var json = new PooledBufferWriter();
        MessagePackJsonTranscoder.MessagePackToJson(msgpack, json);
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    public static byte[] JsonToCbor(string json)
    {
        using var output = new PooledBufferWriter();
        CborJsonTranscoder.JsonToCbor(Encoding.UTF8.GetBytes(json), output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] JsonToMessagePack(string json)
    {
        using var output = new PooledBufferWriter();
        MessagePackJsonTranscoder.JsonToMessagePack(Encoding.UTF8.GetBytes(json), output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Serialize(IWampMessageSerializer serializer, Cfc.Wamp.Messages.WampMessage message)
    {
        using var output = new PooledBufferWriter();
        serializer.Serialize(message, output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
