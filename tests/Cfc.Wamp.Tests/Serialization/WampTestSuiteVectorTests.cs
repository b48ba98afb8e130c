using System.Text;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// Runs every sample of the WAMP test suite (Vectors/wamp-testsuite) through our JSON, MessagePack and CBOR serializers.
/// Each case is named "file #sample description [serializer]". Samples that use features outside our data model
/// (the provisional EVENT_RECEIVED message, transparent E2EE payloads) assert that we reject them.
/// </summary>
public sealed class WampTestSuiteVectorTests
{
    public static TheoryData<VectorCase> SerializationSamples => VectorCase.All(WampTestVectors.SerializationCases.Keys);

    public static TheoryData<VectorCase> ValidationSamples => VectorCase.All(WampTestVectors.ValidationCases.Keys);

    public static TheoryData<VectorCase> SequenceSteps => VectorCase.All(WampTestVectors.SequenceCases.Keys);

    [Fact]
    public void Every_vector_file_produces_cases()
    {
        Assert.NotEmpty(WampTestVectors.Files);
        foreach (string file in WampTestVectors.Files)
        {
            bool used = WampTestVectors.SerializationCases.Values.Any(c => c.File == file)
                || WampTestVectors.ValidationCases.Values.Any(c => c.File == file)
                || WampTestVectors.SequenceCases.Values.Any(c => c.File == file);
            Assert.True(used, $"{file} produced no test case.");
        }
    }

    [Theory]
    [MemberData(nameof(SerializationSamples))]
    public void Sample_decodes_to_its_expected_attributes_and_round_trips(VectorCase sample)
    {
        SerializationCase c = WampTestVectors.SerializationCases[sample.Name];
        IWampMessageSerializer serializer = WampTestVectors.Serializer(c.SerializerId);

        if (OutsideDataModel(c) is { } reason)
        {
            var ex = Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(c.Bytes));
            Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
            return;
        }

        WampMessage message = serializer.Deserialize(c.Bytes);
        VectorAttributes.AssertMatches(VectorAttributes.Properties(c.ExpectedAttributes), message);

        using var frame = new PooledBufferWriter();
        serializer.Serialize(message, frame);
        WampMessage again = serializer.Deserialize(frame.WrittenSpan);
        VectorAttributes.AssertSameMessage(message, again);
        VectorAttributes.AssertMatches(VectorAttributes.Properties(c.ExpectedAttributes), again);
    }

    [Theory]
    [MemberData(nameof(SerializationSamples))]
    public void Our_encoding_is_one_of_the_sample_representations(VectorCase sample)
    {
        SerializationCase c = WampTestVectors.SerializationCases[sample.Name];
        IWampMessageSerializer serializer = WampTestVectors.Serializer(c.SerializerId);
        if (OutsideDataModel(c) is not null)
        {
            // Not decodable, so there is nothing of ours to encode; the decoding theory asserts the rejection.
            Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(c.Bytes));
            return;
        }

        using var frame = new PooledBufferWriter();
        serializer.Serialize(serializer.Deserialize(c.Bytes), frame);
        string ours = Convert.ToHexStringLower(frame.WrittenSpan);
        var listed = new List<string>();
        foreach (JsonElement representation in c.Sample.GetProperty("serializers").GetProperty(c.SerializerId).EnumerateArray())
        {
            listed.Add(representation.TryGetProperty("bytes_hex", out JsonElement hex)
                ? hex.GetString()!.ToLowerInvariant()
                : Convert.ToHexStringLower(Encoding.UTF8.GetBytes(representation.GetProperty("bytes").GetString()!)));
        }

        Assert.Contains(ours, listed);
    }

    [Theory]
    [MemberData(nameof(ValidationSamples))]
    public void Validation_sample_is_handled_explicitly(VectorCase sample)
    {
        ValidationCase c = WampTestVectors.ValidationCases[sample.Name];
        IWampMessageSerializer serializer = WampTestVectors.Serializer(c.SerializerId);
        byte[] bytes = WampTestVectors.EncodeWire(c.SerializerId, c.Wmsg.GetRawText());
        Dictionary<string, JsonElement> attributes = VectorAttributes.FromWire(c.Wmsg);

        // Transparent payloads (a binary or string where the arguments list belongs) are outside our data model.
        if (attributes.TryGetValue("args", out JsonElement args) && args.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            var ex = Assert.Throws<WampProtocolViolationException>(() => serializer.Deserialize(bytes));
            Assert.Contains("arguments list", ex.Message, StringComparison.Ordinal);
            return;
        }

        // The codec checks message shape, not the value types inside Options/Details: those dictionaries are kept
        // verbatim, and enforcing option rules is the router's job. So the samples a router must reject decode too,
        // with the offending entry intact for whoever enforces the rule.
        WampMessage message = serializer.Deserialize(bytes);
        VectorAttributes.AssertMatches(attributes, message);
        if (c.RejectedFor is { Length: > 0 } option)
        {
            JsonElement dictionary = attributes.TryGetValue("options", out JsonElement options) ? options : attributes["details"];
            Assert.True(dictionary.TryGetProperty(option, out _), $"The sample's offending entry '{option}' is not in {dictionary.GetRawText()}.");
        }
    }

    [Theory]
    [MemberData(nameof(SequenceSteps))]
    public void Sequence_step_message_round_trips(VectorCase step)
    {
        SequenceStepCase c = WampTestVectors.SequenceCases[step.Name];
        IWampMessageSerializer serializer = WampTestVectors.Serializer(c.SerializerId);
        WampMessage message = serializer.Deserialize(WampTestVectors.EncodeWire(c.SerializerId, VectorAttributes.WireJson(c.Message)));

        using var frame = new PooledBufferWriter();
        serializer.Serialize(message, frame);
        WampMessage again = serializer.Deserialize(frame.WrittenSpan);

        Assert.Equal(c.Message.GetProperty("type").GetString(), again.Type.ToString().ToUpperInvariant());
        VectorAttributes.AssertMatches(VectorAttributes.Properties(c.Message), again, "type");
        VectorAttributes.AssertSameMessage(message, again);
    }

    // What we do with a sample outside our data model: the substring our violation message must contain, or null.
    private static string? OutsideDataModel(SerializationCase c)
    {
        int code = c.ExpectedAttributes.GetProperty("message_type").GetInt32();
        if (VectorAttributes.LayoutOf(code) is null)
        {
            return $"unknown message code {code}";
        }

        if (c.ExpectedAttributes.TryGetProperty("payload", out JsonElement payload) && payload.ValueKind != JsonValueKind.Null)
        {
            return "arguments list";
        }

        return null;
    }
}
