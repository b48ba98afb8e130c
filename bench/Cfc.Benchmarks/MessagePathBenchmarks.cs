using BenchmarkDotNet.Attributes;
using Cfc.Client;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Benchmarks;

/// <summary>
/// The message-level work of one call on each side of the client, per serializer: building a CALL's payload and
/// writing the frame (what the generated API does before a send), and reading a RESULT frame and decoding its first
/// argument into the typed model with source-generated metadata (what a typed result costs after the socket).
/// </summary>
[MemoryDiagnoser]
public class MessagePathBenchmarks
{
    private static readonly System.Text.Json.JsonElement RouterConfig = BenchPayloads.CallPayload[2];

    private readonly PooledBufferWriter _output = new(16 * 1024);
    private IWampMessageSerializer _serializer = null!;
    private byte[] _resultFrame = [];
    private byte[] _smallResultFrame = [];

    [Params(WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack)]
    public WampSerializer Serializer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = WampSerializers.Get(Serializer);
        _resultFrame = Frame(new ResultMessage(4711, WampJson.EmptyObject, BenchPayloads.NodeStatusPayload));
        _smallResultFrame = Frame(new ResultMessage(4711, WampJson.EmptyObject, BenchPayloads.SmallPayload));
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    /// <summary>A CALL with the typical CFC payload: build the payload (two strings, a config object, two keywords), write the frame.</summary>
    [Benchmark]
    public int BuildAndWriteCall()
    {
        WampPayload payload = new WampPayloadBuilder()
            .Add("node-7f3a9c")
            .Add("router-worker-1")
            .Add(RouterConfig)
            .Keyword("timeout", 30)
            .Keyword("label", "bench")
            .Build();
        _output.Clear();
        _serializer.Serialize(new CallMessage(4711, WampJson.EmptyObject, "crossbarfabriccenter.remote.router.start_router_realm", payload), _output);
        return _output.WrittenCount;
    }

    /// <summary>The benchmarks' small call, <c>["hello",42]</c>: build the payload, write the frame.</summary>
    [Benchmark]
    public int BuildAndWriteSmallCall()
    {
        WampPayload payload = new WampPayloadBuilder().Add("hello").Add(42).Build();
        _output.Clear();
        _serializer.Serialize(new CallMessage(4711, WampJson.EmptyObject, "bench.echo", payload), _output);
        return _output.WrittenCount;
    }

    /// <summary>A RESULT shaped like <c>remote.node.get_status</c>: read the frame, decode the first argument into <see cref="NodeStatus"/>.</summary>
    [Benchmark]
    public NodeStatus? ReadResultAndDecode()
    {
        var result = (ResultMessage)_serializer.Deserialize(_resultFrame);
        return result.Payload.GetArgument(0, CfcJsonContext.Default.NodeStatus);
    }

    /// <summary>The small call's RESULT, <c>["hello",42]</c>: read the frame, decode the second argument.</summary>
    [Benchmark]
    public int ReadSmallResultAndDecode()
    {
        var result = (ResultMessage)_serializer.Deserialize(_smallResultFrame);
        return result.Payload.GetArgument(1, BenchJsonContext.Default.Int32);
    }

    private byte[] Frame(WampMessage message)
    {
        _output.Clear();
        _serializer.Serialize(message, _output);
        return _output.WrittenSpan.ToArray();
    }
}

/// <summary>Source-generated metadata for the benchmarks' own values.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
