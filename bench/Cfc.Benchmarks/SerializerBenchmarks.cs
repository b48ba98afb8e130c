using BenchmarkDotNet.Attributes;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Benchmarks;

/// <summary>Serialize and deserialize a typical CALL and an EVENT with each serializer (CBOR and MessagePack transcode through JSON).</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private readonly PooledBufferWriter _output = new(16 * 1024);
    private IWampMessageSerializer _serializer = null!;
    private byte[] _callFrame = [];
    private byte[] _eventFrame = [];

    [Params(WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack)]
    public WampSerializer Serializer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = WampSerializers.Get(Serializer);
        _callFrame = Frame(BenchPayloads.Call);
        _eventFrame = Frame(BenchPayloads.Event);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    [Benchmark]
    public int SerializeCall()
    {
        _output.Clear();
        _serializer.Serialize(BenchPayloads.Call, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public WampMessage DeserializeCall() => _serializer.Deserialize(_callFrame);

    [Benchmark]
    public int SerializeEvent()
    {
        _output.Clear();
        _serializer.Serialize(BenchPayloads.Event, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public WampMessage DeserializeEvent() => _serializer.Deserialize(_eventFrame);

    private byte[] Frame(WampMessage message)
    {
        _output.Clear();
        _serializer.Serialize(message, _output);
        return _output.WrittenSpan.ToArray();
    }
}
