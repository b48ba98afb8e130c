namespace Cfc.Wamp;

/// <summary>The WAMP serializers the core speaks.</summary>
public enum WampSerializer
{
    /// <summary>JSON (<c>wamp.2.json</c>, WebSocket text frames; RawSocket serializer 1). The default.</summary>
    Json = 0,

    /// <summary>CBOR (<c>wamp.2.cbor</c>, binary; RawSocket serializer 3).</summary>
    Cbor = 1,

    /// <summary>MessagePack (<c>wamp.2.msgpack</c>, binary; RawSocket serializer 2).</summary>
    MessagePack = 2,
}
