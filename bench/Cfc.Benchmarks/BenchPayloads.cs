using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Benchmarks;

/// <summary>
/// The messages every benchmark uses: a CALL shaped like a typical CFC management call (ids plus a small config
/// object) and an EVENT shaped like <c>on_tick</c>. Shared so that serializer and round-trip numbers compare.
/// </summary>
internal static class BenchPayloads
{
    public static WampPayload CallPayload { get; } = new WampPayloadBuilder()
        .Add("node-7f3a9c")
        .Add("router-worker-1")
        .Add(WampJson.ParseElement("""
            {"type":"router","realms":[{"name":"realm1","roles":[{"name":"anonymous","permissions":[{"uri":"","match":"prefix","allow":{"call":true,"register":true,"publish":true,"subscribe":true},"disclose":{"caller":false,"publisher":false},"cache":true}]}]}],"transports":[{"type":"websocket","endpoint":{"type":"tcp","port":8080},"serializers":["json","cbor","msgpack"]}],"options":{"pythonpath":[".."],"env":{"inherit":true}}}
            """u8))
        .Keyword("timeout", 30)
        .Keyword("label", "bench")
        .Build();

    public static WampPayload EventPayload { get; } = WampPayload.FromArguments(
        WampJson.ParseElement("""{"now":"2026-11-01T12:00:00.123Z","tick":1234567}"""u8));

    public static CallMessage Call { get; } = new(4711, WampJson.EmptyObject, "crossbarfabriccenter.remote.router.start_router_realm", CallPayload);

    public static EventMessage Event { get; } = new(5_123_456_789, 7_891_011_121, WampJson.EmptyObject, EventPayload);

    public static WampPayload SmallPayload { get; } = new WampPayloadBuilder().Add("hello").Add(42).Build();

    public static JsonElement TickJson => EventPayload[0];
}
