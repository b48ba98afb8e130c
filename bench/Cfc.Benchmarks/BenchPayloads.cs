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

    /// <summary>A real master's <c>remote.node.get_status</c> result (crossbar v22.6.1, from the kit's recordings).</summary>
    public static WampPayload NodeStatusPayload { get; } = WampPayload.FromArguments(WampJson.ParseElement("""
        {"title":"Crossbar.io 22.6.1","started":"2026-12-03T08:03:44.129Z","controller_pid":26828,"running_workers":1,"workers_by_type":{"router":1},"directory":"/home/cfc/edge/.crossbar","pubkey":"35e3a08f80fc5f1f6dd32a48c1b3c0724716c97cd76ce420dc904f9d070a21b0","management_realm":"lab","management_node_id":"edge1","management_session_id":1659855237493630,"management_node_extra":{"x_cb_node":"center1","x_cb_worker":"cfrouter1","x_cb_peer":"tcp4:127.0.0.1:35452","x_cb_pid":26559},"has_docker":false}
        """u8));

    /// <summary>A real master's <c>domain.get_status</c> result (the shape FACTS.md records).</summary>
    public static WampPayload SystemStatusPayload { get; } = WampPayload.FromArguments(WampJson.ParseElement("""
        {"type":"domain","realm":"com.crossbario.fabric","now":"2026-12-03T08:04:01.512Z","started":"2026-12-03T08:03:40.020Z","uptime":"21 seconds","tick":4}
        """u8));

    /// <summary>One message of each type a call or a publication puts on the wire.</summary>
    public static WampMessage Message(BenchMessage which) => which switch
    {
        BenchMessage.Call => Call,
        BenchMessage.Invocation => new InvocationMessage(4711, 8_812_345_678, WampJson.EmptyObject, CallPayload),
        BenchMessage.Result => new ResultMessage(4711, WampJson.EmptyObject, NodeStatusPayload),
        BenchMessage.Publish => new PublishMessage(4712, WampJson.EmptyObject, "crossbarfabriccenter.mrealm.on_tick", EventPayload),
        _ => Event,
    };

    /// <summary>The echo callee's registration: more concurrent invocations than any benchmark keeps in flight (100).</summary>
    public static WampRegisterOptions EchoRegistration { get; } = new() { MaxConcurrentInvocations = 1000 };

    public static WampPayload SmallPayload { get; } = new WampPayloadBuilder().Add("hello").Add(42).Build();

    public static JsonElement TickJson => EventPayload[0];
}
