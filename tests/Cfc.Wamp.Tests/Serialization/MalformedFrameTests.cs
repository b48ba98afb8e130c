using System.Text;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using static Cfc.Wamp.Tests.Serialization.FrameHelpers;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>Every kind of broken frame, through every serializer, must end in <see cref="WampProtocolViolationException"/>.</summary>
public sealed class MalformedFrameTests
{
    private const string ValidCall = """[48,7814135,{"receive_progress":true},"com.example.add",[1,-2,3.5,"x",null,true,"\u0000AAEC"],{"k":[{"a":1}]}]""";

    public static TheoryData<string, string> BadShapes()
    {
        string[] shapes =
        [
            """[48,"1",{},"com.example.p"]""",            // CALL with a string request id
            """[48,1,{},{"not":"a uri"}]""",               // dict where the procedure URI belongs
            """[48,1,"options",\"com.example.p"]""".Replace("\\", string.Empty, StringComparison.Ordinal), // string where options belong
            """[48,1,{},"com.example.p","not a list"]""", // arguments that are not a list
            """[48,1,{},"com.example.p",[],[]]""",        // keyword arguments that are not a dict
            """[48,1,{}]""",                              // too few elements
            """[48,1,{},"com.example.p",[],{},1]""",      // too many elements
            """[48,0,{},"com.example.p"]""",              // id 0
            """[48,9007199254740993,{},"com.example.p"]""", // id above 2^53
            """[48,-1,{},"com.example.p"]""",             // negative id
            """[48,1.5,{},"com.example.p"]""",            // float id
            """[48,18446744073709551615,{},"com.example.p"]""", // uint64 id
            """[999,1]""",                                // unknown message code
            """["48",1,{},"com.example.p"]""",            // string message code
            """[]""",                                     // empty message
            """{"type":48}""",                            // not an array
            """48""",                                     // a bare number
            """[1,"",{}]""",                              // HELLO with an empty realm URI
            """[8,1,1,{},"wamp.error.x"]""",              // ERROR answering a HELLO
            """[50,1,{},[5],null,1]""",                   // RESULT with seven elements
        ];
        var data = new TheoryData<string, string>();
        foreach (string id in WampTestVectors.OurSerializerIds)
        {
            foreach (string shape in shapes)
            {
                data.Add(id, shape);
            }
        }

        return data;
    }

    public static TheoryData<string> Serializers() => new(WampTestVectors.OurSerializerIds);

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Wrong_message_shape_is_a_violation(string serializer, string message)
    {
        byte[] frame = WampTestVectors.EncodeWire(serializer, message);
        Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(frame));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Valid_call_used_below_decodes(string serializer)
    {
        // The malformed cases below are damaged copies of this frame; it must itself be fine.
        var call = Assert.IsType<CallMessage>(WampTestVectors.Serializer(serializer).Deserialize(WampTestVectors.EncodeWire(serializer, ValidCall)));
        Assert.Equal(7814135, call.RequestId);
        Assert.Equal(7, call.Payload.Count);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Empty_frame_is_a_violation(string serializer) =>
        Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize([]));

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Every_truncation_is_a_violation(string serializer)
    {
        byte[] frame = WampTestVectors.EncodeWire(serializer, ValidCall);
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        for (int length = 0; length < frame.Length; length++)
        {
            byte[] cut = frame[..length];
            var ex = Record.Exception(() => s.Deserialize(cut));
            Assert.True(ex is WampProtocolViolationException, $"A frame cut to {length} of {frame.Length} bytes gave {ex?.GetType().Name ?? "no exception"}.");
        }
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Trailing_garbage_is_a_violation(string serializer)
    {
        byte[] frame = Concat(WampTestVectors.EncodeWire(serializer, ValidCall), "x"u8.ToArray());
        var ex = Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(frame));
        Assert.Contains("trailing", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void A_second_message_in_the_frame_is_a_violation(string serializer)
    {
        byte[] one = WampTestVectors.EncodeWire(serializer, "[6,{},\"wamp.close.normal\"]");
        Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(Concat(one, one)));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Garbage_bytes_are_a_violation(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        byte[][] garbage =
        [
            [0xff],
            [0xc1],
            [0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37],
            "hello world"u8.ToArray(),
            [0x1f],
            [0x00],
            Enumerable.Range(0, 256).Select(i => (byte)(i * 151 + 7)).ToArray(),
        ];
        foreach (byte[] frame in garbage)
        {
            var ex = Record.Exception(() => s.Deserialize(frame));
            Assert.True(ex is WampProtocolViolationException, $"{Convert.ToHexString(frame)} gave {ex?.GetType().Name ?? "no exception"}.");
        }
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Nesting_deeper_than_64_is_a_violation_and_64_is_not(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);

        // The message array is level 1 and its args list level 2, so 62 more arrays reach exactly 64.
        Assert.IsType<CallMessage>(s.Deserialize(WampTestVectors.EncodeWire(serializer, CallWithNestedArgs(62))));

        byte[] tooDeep = serializer switch
        {
            "json" => Encoding.UTF8.GetBytes(CallWithNestedArgs(63)),
            "cbor" => Concat(Hex("85 18 30 01 a0 63 61 2e 62"), Enumerable.Repeat((byte)0x81, 64).ToArray(), [0x00]),
            _ => Concat(Hex("95 30 01 80 a3 61 2e 62"), Enumerable.Repeat((byte)0x91, 64).ToArray(), [0x00]),
        };
        var ex = Assert.Throws<WampProtocolViolationException>(() => s.Deserialize(tooDeep));
        Assert.Contains("64", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Very_deep_nesting_is_a_violation_without_overflowing_the_stack(string serializer)
    {
        const int depth = 100_000;
        byte[] frame = serializer switch
        {
            "json" => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)),
            "cbor" => Enumerable.Repeat((byte)0x81, depth).Append((byte)0x00).ToArray(),
            _ => Enumerable.Repeat((byte)0x91, depth).Append((byte)0x00).ToArray(),
        };
        Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(frame));
    }

    [Fact]
    public void Invalid_utf8_in_json_is_a_violation()
    {
        byte[] inUri = Concat("[48,1,{},\"com.ex"u8.ToArray(), [0xff], "\"]"u8.ToArray());
        byte[] inArgs = Concat("[48,1,{},\"com.example.p\",[\""u8.ToArray(), [0xc3, 0x28], "\"]]"u8.ToArray());
        byte[] inKey = Concat("[48,1,{\""u8.ToArray(), [0xed, 0xa0, 0x80], "\":1},\"com.example.p\"]"u8.ToArray());
        foreach (byte[] frame in new[] { inUri, inArgs, inKey })
        {
            Assert.Throws<WampProtocolViolationException>(() => JsonMessageSerializer.Instance.Deserialize(frame));
        }
    }

    [Fact]
    public void Invalid_utf8_in_binary_text_strings_is_a_violation()
    {
        // CBOR: [48, 1, {}, "p", [<text string ff fe>]]; MessagePack: the same with a fixstr.
        Assert.Throws<WampProtocolViolationException>(() => CborMessageSerializer.Instance.Deserialize(Hex("85 18 30 01 a0 61 70 81 62 ff fe")));
        Assert.Throws<WampProtocolViolationException>(() => MessagePackMessageSerializer.Instance.Deserialize(Hex("95 30 01 80 a1 70 91 a2 ff fe")));

        // A map key with invalid UTF-8.
        Assert.Throws<WampProtocolViolationException>(() => CborMessageSerializer.Instance.Deserialize(Hex("84 18 30 01 a1 61 ff 01 61 70")));
        Assert.Throws<WampProtocolViolationException>(() => MessagePackMessageSerializer.Instance.Deserialize(Hex("94 30 01 81 a1 ff 01 a1 70")));
    }

    [Theory]
    [InlineData("d4 01 00", "fixext 1")]
    [InlineData("d5 01 00 00", "fixext 2")]
    [InlineData("d6 01 00 00 00 00", "fixext 4")]
    [InlineData("d7 ff 00 00 00 00 00 00 00 00", "fixext 8 (timestamp)")]
    [InlineData("d8 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "fixext 16")]
    [InlineData("c7 01 05 00", "ext 8")]
    [InlineData("c8 00 01 05 00", "ext 16")]
    [InlineData("c9 00 00 00 01 05 00", "ext 32")]
    public void MessagePack_extension_types_are_a_violation(string ext, string what)
    {
        var ex = Assert.Throws<WampProtocolViolationException>(() => MessagePackMessageSerializer.Instance.Deserialize(Hex("95 30 01 80 a1 70 91 " + ext)));
        Assert.Contains("extension", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(what);
    }

    [Theory]
    [InlineData("c2 41 01", "bignum")]             // tag 2: unsigned bignum
    [InlineData("c3 41 01", "bignum")]             // tag 3: negative bignum
    [InlineData("3b ff ff ff ff ff ff ff ff", "-2^63")] // -2^64: below long.MinValue
    [InlineData("f0", "simple value")]             // simple value 16
    [InlineData("f8 ff", "simple value")]          // simple value 255
    [InlineData("f9 7e 00", "JSON form")]          // half-precision NaN
    [InlineData("fa 7f 80 00 00", "JSON form")]    // single-precision infinity
    [InlineData("fb 7f f8 00 00 00 00 00 00", "JSON form")] // double NaN
    [InlineData("ff", "")]                         // a break outside an indefinite-length item
    [InlineData("1c", "")]                         // reserved additional information
    [InlineData("5f 61 61 ff", "")]                // indefinite byte string with a text chunk
    [InlineData("9b ff ff ff ff ff ff ff ff", "")] // an array claiming 2^64-1 elements
    public void Cbor_values_outside_the_data_model_are_a_violation(string value, string expected)
    {
        var ex = Assert.Throws<WampProtocolViolationException>(() => CborMessageSerializer.Instance.Deserialize(Hex("85 18 30 01 a0 61 70 81 " + value)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cbor", "84 18 30 01 a1 01 01 61 70", "map keys must be text strings")] // {1: 1}
    [InlineData("cbor", "84 18 30 01 a1 41 61 01 61 70", "map keys must be text strings")] // {h'61': 1}
    [InlineData("msgpack", "94 30 01 81 01 01 a1 70", "map keys must be strings")] // {1: 1}
    [InlineData("msgpack", "94 30 01 81 c4 01 61 01 a1 70", "map keys must be strings")] // {bin: 1}
    public void Non_string_map_keys_are_a_violation(string serializer, string frame, string expected)
    {
        var ex = Assert.Throws<WampProtocolViolationException>(() => WampTestVectors.Serializer(serializer).Deserialize(Hex(frame)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dd ff ff ff ff")] // array32 claiming 2^32-1 elements
    [InlineData("df ff ff ff ff")] // map32 claiming 2^32-1 entries
    [InlineData("db ff ff ff ff")] // str32 claiming 4 GiB
    [InlineData("c6 7f ff ff ff")] // bin32 claiming 2 GiB
    public void MessagePack_forged_lengths_are_a_violation(string value) =>
        Assert.Throws<WampProtocolViolationException>(() => MessagePackMessageSerializer.Instance.Deserialize(Hex("95 30 01 80 a1 70 91 " + value)));

    [Theory]
    [MemberData(nameof(Serializers))]
    public void A_binary_string_that_is_not_base64_cannot_be_sent(string serializer)
    {
        // The JSON serializer passes the string through; the binary ones must turn it into bytes and cannot.
        var call = new CallMessage(1, WampJson.EmptyObject, "com.example.p", new WampPayload(WampJson.ParseElement("[\"\\u0000not base64!\"]"u8), null));
        if (serializer == "json")
        {
            Assert.Contains("not base64!", Encoding.UTF8.GetString(Serialize(JsonMessageSerializer.Instance, call)), StringComparison.Ordinal);
            return;
        }

        var ex = Assert.Throws<WampProtocolViolationException>(() => Serialize(WampTestVectors.Serializer(serializer), call));
        Assert.Contains("base64", ex.Message, StringComparison.Ordinal);
    }

    private static string CallWithNestedArgs(int extraLevels) =>
        "[48,1,{},\"a.b\",[" + new string('[', extraLevels) + "0" + new string(']', extraLevels) + "]]";
}
