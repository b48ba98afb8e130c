namespace Cfc.Wamp.Serialization;

/// <summary>Finds the serializer for a kind (what a subprotocol or RawSocket id stands for is in <see cref="Transport.WampSerializerIds"/>).</summary>
public static class WampSerializers
{
    /// <summary>The serializer for a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The serializer.</returns>
    public static IWampMessageSerializer Get(WampSerializer kind) => kind switch
    {
        WampSerializer.Json => JsonMessageSerializer.Instance,
        WampSerializer.Cbor => CborMessageSerializer.Instance,
        WampSerializer.MessagePack => MessagePackMessageSerializer.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown WAMP serializer."),
    };
}
