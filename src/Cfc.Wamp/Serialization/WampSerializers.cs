namespace Cfc.Wamp.Serialization;

/// <summary>Finds the serializer for a kind, a WebSocket subprotocol or a RawSocket id.</summary>
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

    /// <summary>The serializer for a WebSocket subprotocol, or <see langword="null"/> when it is not one of ours.</summary>
    /// <param name="subProtocol">The subprotocol, e.g. <c>wamp.2.cbor</c>.</param>
    /// <returns>The serializer or <see langword="null"/>.</returns>
    public static IWampMessageSerializer? FromSubProtocol(string? subProtocol) => subProtocol switch
    {
        "wamp.2.json" => JsonMessageSerializer.Instance,
        "wamp.2.cbor" => CborMessageSerializer.Instance,
        "wamp.2.msgpack" => MessagePackMessageSerializer.Instance,
        _ => null,
    };

    /// <summary>The serializer for a RawSocket serializer id, or <see langword="null"/> when unsupported.</summary>
    /// <param name="id">The id (1 JSON, 2 MessagePack, 3 CBOR).</param>
    /// <returns>The serializer or <see langword="null"/>.</returns>
    public static IWampMessageSerializer? FromRawSocketId(int id) => id switch
    {
        1 => JsonMessageSerializer.Instance,
        2 => MessagePackMessageSerializer.Instance,
        3 => CborMessageSerializer.Instance,
        _ => null,
    };
}
