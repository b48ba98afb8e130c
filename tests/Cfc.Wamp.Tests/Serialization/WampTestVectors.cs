using System.Text;
using System.Text.Json;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>One sample's bytes for one of our serializers, with the attributes a decoder must produce.</summary>
internal sealed record SerializationCase(string File, string Description, string SerializerId, byte[] Bytes, JsonElement ExpectedAttributes, JsonElement Sample);

/// <summary>A validation sample (a raw wire message) carried by one of our serializers.</summary>
/// <remarks><paramref name="RejectedFor"/> is the suite's expected_error.contains (the offending option) when a router must reject it.</remarks>
internal sealed record ValidationCase(string File, string Description, string SerializerId, JsonElement Wmsg, string? RejectedFor);

/// <summary>One step of a multi-session sequence carried by one of our serializers.</summary>
internal sealed record SequenceStepCase(string File, int Step, string SerializerId, JsonElement Message);

/// <summary>
/// Loads the WAMP test-suite vectors copied into the test output (Vectors/wamp-testsuite) and names one case per
/// sample, per serializer we implement, per listed representation. Other serializers (ubjson, flatbuffers) are not ours
/// and produce no cases. A file of an unknown kind fails discovery instead of being ignored.
/// </summary>
internal static class WampTestVectors
{
    private static readonly Lazy<Loaded> s_loaded = new(Load);

    /// <summary>The serializer ids of the vectors that we implement, in a fixed order.</summary>
    public static IReadOnlyList<string> OurSerializerIds { get; } = ["json", "msgpack", "cbor"];

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Vectors", "wamp-testsuite");

    public static IReadOnlyDictionary<string, SerializationCase> SerializationCases => s_loaded.Value.Serialization;

    public static IReadOnlyDictionary<string, ValidationCase> ValidationCases => s_loaded.Value.Validation;

    public static IReadOnlyDictionary<string, SequenceStepCase> SequenceCases => s_loaded.Value.Sequence;

    public static IReadOnlyList<string> Files => s_loaded.Value.Files;

    public static IWampMessageSerializer Serializer(string id) => id switch
    {
        "json" => JsonMessageSerializer.Instance,
        "msgpack" => MessagePackMessageSerializer.Instance,
        "cbor" => CborMessageSerializer.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Not one of our serializers."),
    };

    /// <summary>Encodes a JSON wire message with one of our serializers' formats (the binary ones via our transcoders).</summary>
    public static byte[] EncodeWire(string serializerId, string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        using var output = new PooledBufferWriter();
        switch (serializerId)
        {
            case "json": return utf8;
            case "msgpack": MessagePackJsonTranscoder.JsonToMessagePack(utf8, output); break;
            case "cbor": CborJsonTranscoder.JsonToCbor(utf8, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(serializerId), serializerId, "Not one of our serializers.");
        }

        return output.WrittenSpan.ToArray();
    }

    private static Loaded Load()
    {
        var loaded = new Loaded();
        foreach (string path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string file = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (file == "SCHEMA.json")
            {
                continue;
            }

            loaded.Files.Add(file);
            JsonElement root = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone();
            if (root.TryGetProperty("samples", out JsonElement samples))
            {
                AddSamples(loaded, file, samples);
            }
            else if (root.TryGetProperty("sequence", out JsonElement sequence))
            {
                AddSequence(loaded, file, sequence);
            }
            else
            {
                throw new InvalidDataException($"{file} is neither a single-message nor a multi-message test vector.");
            }
        }

        return loaded;
    }

    private static void AddSamples(Loaded loaded, string file, JsonElement samples)
    {
        int index = 0;
        foreach (JsonElement sample in samples.EnumerateArray())
        {
            index++;
            string description = sample.GetProperty("description").GetString()!;
            if (sample.TryGetProperty("wmsg", out JsonElement wmsg))
            {
                string? rejected = sample.TryGetProperty("expected_error", out JsonElement error)
                    ? error.TryGetProperty("contains", out JsonElement contains) ? contains.GetString() : string.Empty
                    : null;
                foreach (string id in OurSerializerIds)
                {
                    loaded.Validation.Add($"{file} #{index} {description} [{id}]", new ValidationCase(file, description, id, wmsg, rejected));
                }

                continue;
            }

            JsonElement expected = sample.GetProperty("expected_attributes");
            foreach (JsonProperty serializer in sample.GetProperty("serializers").EnumerateObject())
            {
                if (!OurSerializerIds.Contains(serializer.Name))
                {
                    continue;
                }

                int count = serializer.Value.GetArrayLength();
                int representation = 0;
                foreach (JsonElement bytes in serializer.Value.EnumerateArray())
                {
                    representation++;
                    string suffix = count > 1 ? $" {representation}/{count}" : string.Empty;
                    loaded.Serialization.Add(
                        $"{file} #{index} {description} [{serializer.Name}{suffix}]",
                        new SerializationCase(file, description, serializer.Name, Bytes(bytes), expected, sample));
                }
            }
        }
    }

    private static void AddSequence(Loaded loaded, string file, JsonElement sequence)
    {
        foreach (JsonElement step in sequence.EnumerateArray())
        {
            int number = step.GetProperty("step").GetInt32();
            JsonElement message = step.GetProperty("message");
            string type = message.GetProperty("type").GetString()!;
            foreach (string id in OurSerializerIds)
            {
                loaded.Sequence.Add($"{file} step {number} {type} [{id}]", new SequenceStepCase(file, number, id, message));
            }
        }
    }

    private static byte[] Bytes(JsonElement representation)
    {
        if (representation.TryGetProperty("bytes_hex", out JsonElement hex))
        {
            return Convert.FromHexString(hex.GetString()!);
        }

        if (representation.TryGetProperty("bytes_base64", out JsonElement base64))
        {
            return Convert.FromBase64String(base64.GetString()!);
        }

        return Encoding.UTF8.GetBytes(representation.GetProperty("bytes").GetString()!);
    }

    private sealed class Loaded
    {
        public Dictionary<string, SerializationCase> Serialization { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ValidationCase> Validation { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SequenceStepCase> Sequence { get; } = new(StringComparer.Ordinal);

        public List<string> Files { get; } = [];
    }
}
