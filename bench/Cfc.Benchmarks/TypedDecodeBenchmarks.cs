using BenchmarkDotNet.Attributes;
using Cfc.Client;
using Cfc.Client.Connection;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Benchmarks;

/// <summary>
/// The typed decode of a CFC result: a RESULT payload to the API's model, the step <c>CfcClient</c> adds to every
/// call (CfcResults.Decode with the source-generated metadata), alone and together with parsing the JSON frame.
/// </summary>
[MemoryDiagnoser]
public class TypedDecodeBenchmarks
{
    private readonly IWampMessageSerializer _json = WampSerializers.Get(WampSerializer.Json);
    private byte[] _nodeStatusFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        using var output = new PooledBufferWriter();
        _json.Serialize(new ResultMessage(4711, WampJson.EmptyObject, BenchPayloads.NodeStatusPayload), output);
        _nodeStatusFrame = output.WrittenSpan.ToArray();
    }

    /// <summary><c>remote.node.get_status</c>: 13 fields, a nested dictionary and a JSON element.</summary>
    [Benchmark]
    public NodeStatus DecodeNodeStatus() => CfcResults.Decode(BenchPayloads.NodeStatusPayload, CfcJsonContext.Default.NodeStatus, "crossbarfabriccenter.remote.node.get_status");

    /// <summary><c>domain.get_status</c>: the typed result of <c>System.GetStatusAsync</c>.</summary>
    [Benchmark]
    public SystemStatus DecodeSystemStatus() => CfcResults.Decode(BenchPayloads.SystemStatusPayload, CfcJsonContext.Default.SystemStatus, "crossbarfabriccenter.domain.get_status");

    /// <summary>The JSON RESULT frame of a node status to the typed model: parse + decode, what a call's answer costs the client.</summary>
    [Benchmark]
    public NodeStatus ParseAndDecodeNodeStatus()
    {
        var result = (ResultMessage)_json.Deserialize(_nodeStatusFrame);
        return CfcResults.Decode(result.Payload, CfcJsonContext.Default.NodeStatus, "crossbarfabriccenter.remote.node.get_status");
    }
}
