using Cfc.Wamp;

namespace Cfc.Interop.Tests.Harness;

/// <summary>Maps the peers' <c>--serializer</c> names (json, msgpack, cbor) to ours.</summary>
internal static class InteropSerializers
{
    public static WampSerializer Parse(string name) => name switch
    {
        "json" => WampSerializer.Json,
        "msgpack" => WampSerializer.MessagePack,
        "cbor" => WampSerializer.Cbor,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown serializer."),
    };
}
