using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using static Cfc.Wamp.Tests.Serialization.FrameHelpers;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// The direct readers and writers: a CBOR or MessagePack frame is read and written without a detour through JSON text,
/// a payload is written once (as the builder wrote it) and decoded into a type only when asked for. Byte-exact vectors,
/// round trips through every pair of serializers, tolerated shapes, and what a message costs in allocations.
/// </summary>
public sealed class EnvelopeCodecTests
{
    // [48, 1, {}, "a.b", [1, "x"], {"k": true}] in each format (definite lengths, shortest integers).
    private const string CallJson = """[48,1,{},"a.b",[1,"x"],{"k":true}]""";
    private const string CallCbor = "86 18 30 01 a0 63 61 2e 62 82 01 61 78 a1 61 6b f5";
    private const string CallMessagePack = "96 30 01 80 a3 61 2e 62 92 01 a1 78 81 a1 6b c3";

    public static TheoryData<string> Serializers() => new(WampTestVectors.OurSerializerIds);

    public static TheoryData<string, string> SerializerPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (string from in WampTestVectors.OurSerializerIds)
        {
            foreach (string to in WampTestVectors.OurSerializerIds)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static CallMessage BuiltCall() =>
        new(1, WampJson.EmptyObject, "a.b", new WampPayloadBuilder().Add(1).Add("x").Keyword("k", true).Build());

    [Fact]
    public void A_built_call_is_written_byte_exact_in_every_format()
    {
        CallMessage call = BuiltCall();
        Assert.Equal(CallJson, Encoding.UTF8.GetString(Serialize(JsonMessageSerializer.Instance, call)));
        Assert.Equal(Hex(CallCbor), Serialize(CborMessageSerializer.Instance, call));
        Assert.Equal(Hex(CallMessagePack), Serialize(MessagePackMessageSerializer.Instance, call));
    }

    [Theory]
    [InlineData("json", CallJson)]
    [InlineData("cbor", CallCbor)]
    [InlineData("msgpack", CallMessagePack)]
    public void The_vector_reads_back_into_the_same_call(string serializer, string wire)
    {
        byte[] frame = serializer == "json" ? Encoding.UTF8.GetBytes(wire) : Hex(wire);
        var call = Assert.IsType<CallMessage>(WampTestVectors.Serializer(serializer).Deserialize(frame));
        Assert.Equal(1, call.RequestId);
        Assert.Equal("a.b", call.Procedure);
        Assert.Equal(JsonValueKind.Object, call.Options.ValueKind);
        Assert.Equal(2, call.Payload.Count);
        Assert.Equal(1, call.Payload.GetArgument(0, EnvelopeTestJson.Default.Int32));
        Assert.Equal("x", call.Payload.GetArgument(1, EnvelopeTestJson.Default.String));
        Assert.True(call.Payload.TryGetKeyword("k", out JsonElement k) && k.GetBoolean());
        Assert.Equal(BuiltCall().Payload, call.Payload);
    }

    [Theory]
    [MemberData(nameof(SerializerPairs))]
    public void A_typed_payload_survives_every_pair_of_serializers(string from, string to)
    {
        // What the router does when a caller and a callee speak different serializers: read in one, write in the other.
        var config = new RouterConfig("router", ["realm1", "realm2"], new Dictionary<string, long> { ["port"] = 8080 }, [0, 1, 255]);
        var original = new InvocationMessage(7, 9_007_199_254_740_992, WampJson.ParseElement("""{"procedure":"a.b","caller":42}"""u8),
            new WampPayloadBuilder().Add(config, EnvelopeTestJson.Default.RouterConfig).AddBinary([1, 2, 3]).AddNull().Keyword("label", "é ✓").Build());

        WampMessage read = WampTestVectors.Serializer(from).Deserialize(Serialize(WampTestVectors.Serializer(from), original));
        var message = Assert.IsType<InvocationMessage>(WampTestVectors.Serializer(to).Deserialize(Serialize(WampTestVectors.Serializer(to), read)));

        Assert.Equal(original.RegistrationId, message.RegistrationId);
        Assert.Equal(42, message.Details.GetProperty("caller").GetInt64());
        RouterConfig? decoded = message.Payload.GetArgument(0, EnvelopeTestJson.Default.RouterConfig);
        Assert.NotNull(decoded);
        Assert.Equal(config.Type, decoded.Type);
        Assert.Equal(config.Realms, decoded.Realms);
        Assert.Equal(config.Ports, decoded.Ports);
        Assert.Equal(config.Blob, decoded.Blob);
        Assert.Equal(new byte[] { 1, 2, 3 }, WampJson.DecodeBinary(message.Payload[1].GetString()!));
        Assert.Equal(JsonValueKind.Null, message.Payload[2].ValueKind);
        Assert.True(message.Payload.TryGetKeyword("label", out JsonElement label));
        Assert.Equal("é ✓", label.GetString());
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Payloads_made_from_elements_are_written_like_built_ones(string serializer)
    {
        var fromElements = new CallMessage(1, WampJson.EmptyObject, "a.b",
            new WampPayload(WampJson.ParseElement("""[1,"x"]"""u8), WampJson.ParseElement("""{"k":true}"""u8)));
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        Assert.Equal(Serialize(s, BuiltCall()), Serialize(s, fromElements));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Empty_payload_parts_are_left_out_and_arguments_precede_keywords(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        string Json(WampPayload payload) => WireAsJson(serializer, Serialize(s, new ResultMessage(3, WampJson.EmptyObject, payload)));

        Assert.Equal("[50,3,{}]", Json(WampPayload.Empty));
        Assert.Equal("[50,3,{}]", Json(new WampPayloadBuilder().Build()));
        Assert.Equal("""[50,3,{},[],{"k":1}]""", Json(new WampPayloadBuilder().Keyword("k", 1).Build()));
        Assert.Equal("""[50,3,{},["a"]]""", Json(new WampPayloadBuilder().Add("a").Build()));
    }

    [Theory]
    [InlineData("json", """[50,1,{},null,null]""", 0, false)]                 // fox-wamp's nulls in both payload places
    [InlineData("json", """[50,1,{},null,{"k":1}]""", 0, true)]
    [InlineData("json", """[50,1,{},[],{}]""", 0, false)]
    [InlineData("json", """ [ 50 , 1 , { } , [ 1 , [ 2 ] ] ] """, 2, false)] // whitespace everywhere
    [InlineData("cbor", "85 18 32 01 a0 f6 f6", 0, false)]
    [InlineData("cbor", "9f 18 32 01 bf ff 9f 01 02 ff ff", 2, false)]       // indefinite-length message, details and arguments
    [InlineData("cbor", "84 18 32 c1 01 a0 82 01 02", 2, false)]             // a tagged request id (tag 1, a date) reads through
    [InlineData("cbor", "84 18 32 01 a0 f7", 0, false)]                      // undefined in the arguments' place, read as null
    [InlineData("msgpack", "95 32 01 80 c0 c0", 0, false)]
    [InlineData("msgpack", "dc 00 04 32 cf 00 00 00 00 00 00 00 01 de 00 00 dc 00 01 01", 1, false)] // array16, uint64, map16, array16
    public void Unusual_but_valid_shapes_are_read(string serializer, string wire, int count, bool hasKeywords)
    {
        byte[] frame = serializer == "json" ? Encoding.UTF8.GetBytes(wire) : Hex(wire);
        var result = Assert.IsType<ResultMessage>(WampTestVectors.Serializer(serializer).Deserialize(frame));
        Assert.Equal(1, result.RequestId);
        Assert.Equal(count, result.Payload.Count);
        Assert.Equal(hasKeywords, result.Payload.ArgumentsKeywords is { } k && k.EnumerateObject().Any());
    }

    [Theory]
    [InlineData("cbor", "83 18 32 01 a1 61 61 c2 41 01", "bignum")]          // a bignum inside the details
    [InlineData("cbor", "84 18 32 01 a0 f0", "simple value")]               // a simple value in the arguments' place
    [InlineData("cbor", "83 18 32 01 a0 00", "trailing")]
    [InlineData("msgpack", "93 32 01 81 a1 61 d4 01 00", "extension")]      // an extension type inside the details
    [InlineData("msgpack", "94 32 01 80 c1", "0xc1")]
    [InlineData("msgpack", "93 32 01 80 00", "trailing")]
    [InlineData("msgpack", "93 32 01 de ff ff", "ends in the middle")]      // a map claiming 65535 entries in 0 bytes
    public void Values_outside_the_data_model_anywhere_in_a_message_are_a_violation(string serializer, string wire, string expected)
    {
        var ex = Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(Hex(wire)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void A_payload_is_not_parsed_into_elements_until_someone_asks(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        byte[] frame = Serialize(s, new ResultMessage(1, WampJson.EmptyObject, new WampPayloadBuilder().Add("hello").Add(42).Build()));
        var result = (ResultMessage)s.Deserialize(frame);

        EncodedPayload encoded = Assert.IsType<EncodedPayload>(result.Payload.Encoded);
        Assert.Equal("""["hello",42]""", Encoding.UTF8.GetString(encoded.ArgsJson));
        Assert.Equal(42, result.Payload.GetArgument(1, EnvelopeTestJson.Default.Int32));
        Assert.Equal(2, result.Payload.Count);
        Assert.Equal("hello", result.Payload[0].GetString());
    }

    [Fact]
    public void Reading_a_small_json_result_and_decoding_it_allocates_the_message_and_its_payload_only()
    {
        // No JsonDocument: the RESULT record, its payload (one object and one array) and nothing else. A JsonDocument
        // for the frame alone would take more than the whole budget.
        byte[] frame = "[50,4711,{},[\"hello\",42]]"u8.ToArray();
        long allocated = AllocatedPerIteration(() =>
        {
            var result = (ResultMessage)JsonMessageSerializer.Instance.Deserialize(frame);
            _ = result.Payload.GetArgument(1, EnvelopeTestJson.Default.Int32);
        });
        Assert.InRange(allocated, 1, 256);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Building_and_writing_a_small_call_allocates_the_message_and_its_payload_only(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        using var output = new PooledBufferWriter(1024);
        long allocated = AllocatedPerIteration(() =>
        {
            output.Clear();
            s.Serialize(new CallMessage(4711, WampJson.EmptyObject, "bench.echo", new WampPayloadBuilder().Add("hello").Add(42).Build()), output);
        });
        Assert.InRange(allocated, 1, 256);
    }

    [Fact]
    public void A_builder_cannot_be_built_twice()
    {
        var builder = new WampPayloadBuilder().Add(1);
        builder.Build();
        var ex = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("new builder", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => builder.Add(2));
    }

    [Fact]
    public void An_argument_index_outside_the_payload_says_how_many_there_are()
    {
        WampPayload payload = new WampPayloadBuilder().Add(1).Add(2).Build();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => payload.GetArgument(2, EnvelopeTestJson.Default.Int32));
        Assert.Contains("2 positional argument(s)", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => WampPayload.Empty.GetArgument(0, EnvelopeTestJson.Default.Int32));
    }

    private static string WireAsJson(string serializer, byte[] frame) => serializer switch
    {
        "json" => Encoding.UTF8.GetString(frame),
        "cbor" => CborToJson(frame),
        _ => MessagePackToJson(frame),
    };

    // The quietest of several batches, as in TranscoderAllocationTests.
    private static long AllocatedPerIteration(Action action)
    {
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        const int iterations = 200;
        long least = long.MaxValue;
        for (int batch = 0; batch < 5; batch++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < iterations; i++)
            {
                action();
            }

            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
        }

        return least;
    }
}

/// <summary>A typed argument for the round trips: strings, a list, a dictionary and bytes.</summary>
/// <param name="Type">The worker type.</param>
/// <param name="Realms">The realm names.</param>
/// <param name="Ports">Named ports.</param>
/// <param name="Blob">Some bytes (base64 in JSON).</param>
public sealed record RouterConfig(string Type, IReadOnlyList<string> Realms, IReadOnlyDictionary<string, long> Ports, byte[] Blob);

/// <summary>Source-generated metadata for the tests' typed values.</summary>
[JsonSerializable(typeof(RouterConfig))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class EnvelopeTestJson : JsonSerializerContext;
