namespace Cfc.Wamp.Transport;

/// <summary>
/// The one table that maps a serializer to what the transports negotiate: its WebSocket subprotocol
/// (<c>wamp.2.json</c>), its RawSocket serializer id and its frame kind. Serializers know messages only;
/// transports know frames only; this table is where the two meet during negotiation.
/// </summary>
public static class WampSerializerIds
{
    /// <summary>The serializer's short name as routers report it (<c>json</c>, <c>cbor</c>, <c>msgpack</c>).</summary>
    /// <param name="serializer">The serializer.</param>
    /// <returns>The name.</returns>
    public static string Name(WampSerializer serializer) => serializer switch
    {
        WampSerializer.Json => "json",
        WampSerializer.Cbor => "cbor",
        WampSerializer.MessagePack => "msgpack",
        _ => throw Unknown(serializer),
    };

    /// <summary>The WebSocket subprotocol that stands for the serializer, e.g. <c>wamp.2.json</c>.</summary>
    /// <param name="serializer">The serializer.</param>
    /// <returns>The subprotocol.</returns>
    public static string SubProtocol(WampSerializer serializer) => "wamp.2." + Name(serializer);

    /// <summary>The RawSocket serializer id (1 JSON, 2 MessagePack, 3 CBOR).</summary>
    /// <param name="serializer">The serializer.</param>
    /// <returns>The id.</returns>
    public static byte RawSocketId(WampSerializer serializer) => serializer switch
    {
        WampSerializer.Json => 1,
        WampSerializer.MessagePack => 2,
        WampSerializer.Cbor => 3,
        _ => throw Unknown(serializer),
    };

    /// <summary>Whether the serializer's frames travel as text or binary WebSocket messages.</summary>
    /// <param name="serializer">The serializer.</param>
    /// <returns><see cref="WampFrameKind.Text"/> for JSON, <see cref="WampFrameKind.Binary"/> otherwise.</returns>
    public static WampFrameKind FrameKind(WampSerializer serializer) => serializer switch
    {
        WampSerializer.Json => WampFrameKind.Text,
        WampSerializer.Cbor or WampSerializer.MessagePack => WampFrameKind.Binary,
        _ => throw Unknown(serializer),
    };

    /// <summary>The serializer a WebSocket subprotocol stands for, or <see langword="null"/> when it is not one we speak.</summary>
    /// <param name="subProtocol">The subprotocol, e.g. <c>wamp.2.cbor</c>.</param>
    /// <returns>The serializer or <see langword="null"/>.</returns>
    public static WampSerializer? FromSubProtocol(string? subProtocol) => subProtocol switch
    {
        "wamp.2.json" => WampSerializer.Json,
        "wamp.2.cbor" => WampSerializer.Cbor,
        "wamp.2.msgpack" => WampSerializer.MessagePack,
        _ => null,
    };

    /// <summary>The serializer a RawSocket serializer id stands for, or <see langword="null"/> when unsupported.</summary>
    /// <param name="id">The id (1 JSON, 2 MessagePack, 3 CBOR).</param>
    /// <returns>The serializer or <see langword="null"/>.</returns>
    public static WampSerializer? FromRawSocketId(int id) => id switch
    {
        1 => WampSerializer.Json,
        2 => WampSerializer.MessagePack,
        3 => WampSerializer.Cbor,
        _ => null,
    };

    private static ArgumentOutOfRangeException Unknown(WampSerializer serializer) =>
        new(nameof(serializer), serializer, "Unknown WAMP serializer; use WampSerializer.Json, Cbor or MessagePack.");
}
