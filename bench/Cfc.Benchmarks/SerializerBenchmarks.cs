using BenchmarkDotNet.Attributes;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Benchmarks;

/// <summary>The WAMP messages of a call and of a publication, as <see cref="SerializerBenchmarks"/> measures them.</summary>
public enum BenchMessage
{
    /// <summary>CALL with a typical CFC payload (two ids, a ~450-byte router config, two keyword arguments).</summary>
    Call,

    /// <summary>INVOCATION the router sends the callee for that CALL.</summary>
    Invocation,

    /// <summary>RESULT shaped like a real master's <c>remote.node.get_status</c> answer.</summary>
    Result,

    /// <summary>PUBLISH of an <c>on_tick</c>-shaped event.</summary>
    Publish,

    /// <summary>EVENT of that publication.</summary>
    Event,
}

/// <summary>Serialize and deserialize each message type with each serializer (each read and written directly, see Serialization/Envelope).</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private readonly PooledBufferWriter _output = new(16 * 1024);
    private IWampMessageSerializer _serializer = null!;
    private WampMessage _message = null!;
    private byte[] _frame = [];

    [Params(WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack)]
    public WampSerializer Serializer { get; set; }

    [Params(BenchMessage.Call, BenchMessage.Invocation, BenchMessage.Result, BenchMessage.Publish, BenchMessage.Event)]
    public BenchMessage Message { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = WampSerializers.Get(Serializer);
        _message = BenchPayloads.Message(Message);
        _output.Clear();
        _serializer.Serialize(_message, _output);
        _frame = _output.WrittenSpan.ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark]
    public int Serialize()
    {
        _output.Clear();
        _serializer.Serialize(_message, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public WampMessage Deserialize() => _serializer.Deserialize(_frame);
}
