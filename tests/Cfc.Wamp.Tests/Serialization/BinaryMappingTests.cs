using System.Text;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using static Cfc.Wamp.Tests.Serialization.FrameHelpers;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>How values of the JSON data model map to CBOR and MessagePack and back.</summary>
public sealed class BinaryMappingTests
{
    private const string BinaryHex = "10e3ff9053075c526f5fc06d4fe37cdb";
    private const string BinaryJson = "\0EOP/kFMHXFJvX8BtT+N82w==";

    public static TheoryData<string> Serializers() => new(WampTestVectors.OurSerializerIds);

    [Theory]
    [MemberData(nameof(Serializers))]
    public void The_wamp_protocol_binary_example_maps_both_ways(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        byte[] bytes = Convert.FromHexString(BinaryHex);
        Assert.Equal(BinaryJson, WampJson.EncodeBinary(bytes));
        var call = new CallMessage(1, WampJson.EmptyObject, "com.example.p", WampPayload.FromArguments(JsonSerializer.SerializeToElement(BinaryJson)));

        byte[] frame = Serialize(s, call);
        string hex = Convert.ToHexStringLower(frame);
        switch (serializer)
        {
            case "json": Assert.Contains("\"\\u0000EOP/kFMHXFJvX8BtT+N82w==\"", Encoding.UTF8.GetString(frame), StringComparison.Ordinal); break;
            case "cbor": Assert.EndsWith("81" + "50" + BinaryHex, hex, StringComparison.Ordinal); break; // [h'...'] with a 16-byte byte string
            default: Assert.EndsWith("91" + "c410" + BinaryHex, hex, StringComparison.Ordinal); break;  // [bin8 16 ...]
        }

        var decoded = Assert.IsType<CallMessage>(s.Deserialize(frame));
        Assert.Equal(BinaryJson, decoded.Payload[0].GetString());
        Assert.Equal(bytes, WampJson.DecodeBinary(decoded.Payload[0].GetString()!));
    }

    [Fact]
    public void Byte_strings_from_other_peers_become_binary_strings()
    {
        Assert.Equal("[\"\\u0000EOP/kFMHXFJvX8BtT+N82w==\"]", CborToJson(Hex("81 50" + BinaryHex)));
        Assert.Equal("[\"\\u0000EOP/kFMHXFJvX8BtT+N82w==\"]", MessagePackToJson(Hex("91 c4 10" + BinaryHex)));
        Assert.Equal("[\"\\u0000\"]", CborToJson(Hex("81 40")));
        Assert.Equal("[\"\\u0000\"]", MessagePackToJson(Hex("91 c4 00")));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Fox_wamp_result_with_null_kwargs_decodes(string serializer)
    {
        WampMessage message = WampTestVectors.Serializer(serializer).Deserialize(WampTestVectors.EncodeWire(serializer, "[50,1,{},[5],null]"));
        var result = Assert.IsType<ResultMessage>(message);
        Assert.Equal(1, result.RequestId);
        Assert.Equal(1, result.Payload.Count);
        Assert.Equal(5, result.Payload[0].GetInt32());
        Assert.Null(result.Payload.ArgumentsKeywords);
    }

    [Theory]
    [InlineData("0", "00", "00")]
    [InlineData("23", "17", "17")]
    [InlineData("24", "1818", "18")]
    [InlineData("127", "187f", "7f")]
    [InlineData("128", "1880", "cc80")]
    [InlineData("65535", "19ffff", "cdffff")]
    [InlineData("4294967296", "1b0000000100000000", "cf0000000100000000")]
    [InlineData("9223372036854775807", "1b7fffffffffffffff", "cf7fffffffffffffff")]
    [InlineData("18446744073709551615", "1bffffffffffffffff", "cfffffffffffffffff")]
    [InlineData("-1", "20", "ff")]
    [InlineData("-32", "381f", "e0")]
    [InlineData("-33", "3820", "d0df")]
    [InlineData("-129", "3880", "d1ff7f")]
    [InlineData("-2147483649", "3a80000000", "d3ffffffff7fffffff")]
    [InlineData("-9223372036854775808", "3b7fffffffffffffff", "d38000000000000000")]
    public void Integers_stay_integers_with_the_smallest_encoding(string json, string cbor, string msgpack)
    {
        Assert.Equal("81" + cbor, Convert.ToHexStringLower(JsonToCbor($"[{json}]")));
        Assert.Equal("91" + msgpack, Convert.ToHexStringLower(JsonToMessagePack($"[{json}]")));
        Assert.Equal($"[{json}]", CborToJson(Hex("81" + cbor)));
        Assert.Equal($"[{json}]", MessagePackToJson(Hex("91" + msgpack)));
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("30.0", "30.0")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("1e300", "1E+300")]
    [InlineData("2.5E-5", "2.5E-05")]
    [InlineData("18446744073709551616", "1.8446744073709552E+19")] // an integer beyond 64 bits becomes a double
    [InlineData("-9223372036854775809", "-9.223372036854776E+18")]
    public void Floats_are_float64_and_stay_floats(string json, string roundTripped)
    {
        byte[] cbor = JsonToCbor($"[{json}]");
        byte[] msgpack = JsonToMessagePack($"[{json}]");
        Assert.Equal(0xfb, cbor[1]);
        Assert.Equal(0xcb, msgpack[1]);
        Assert.Equal($"[{roundTripped}]", CborToJson(cbor));
        Assert.Equal($"[{roundTripped}]", MessagePackToJson(msgpack));
        Assert.Equal(double.Parse(json, System.Globalization.CultureInfo.InvariantCulture), double.Parse(roundTripped, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("f9 3e 00", "1.5")]            // half
    [InlineData("f9 7b ff", "65504.0")]        // largest half
    [InlineData("fa 3f c0 00 00", "1.5")]      // single
    [InlineData("fa 47 c3 50 00", "100000.0")] // single, integral
    [InlineData("fb 3f f8 00 00 00 00 00 00", "1.5")]
    public void Cbor_half_single_and_double_floats_are_read(string value, string json) =>
        Assert.Equal($"[{json}]", CborToJson(Hex("81 " + value)));

    [Theory]
    [InlineData("ca 3f c0 00 00", "1.5")]
    [InlineData("cb 3f f8 00 00 00 00 00 00", "1.5")]
    public void MessagePack_float32_and_float64_are_read(string value, string json) =>
        Assert.Equal($"[{json}]", MessagePackToJson(Hex("91 " + value)));

    [Fact]
    public void Cbor_indefinite_length_items_are_read()
    {
        // [_ 1, {_ "a": (_ "b", "c")}, (_ h'01', h'02'), [_ ]]
        Assert.Equal(
            "[1,{\"a\":\"bc\"},\"\\u0000AQI=\",[]]",
            CborToJson(Hex("9f 01 bf 61 61 7f 61 62 61 63 ff ff 5f 41 01 41 02 ff 9f ff ff")));

        // An indefinite-length text string as a map key.
        Assert.Equal("{\"ab\":true}", CborToJson(Hex("bf 7f 61 61 61 62 ff f5 ff")));
    }

    [Fact]
    public void Cbor_tags_are_ignored_and_undefined_is_null()
    {
        // [0("2013-03-21T20:04:00Z"), 1(1363896240), 32("http://a"), 55799([]), undefined, null, true, false]
        Assert.Equal(
            "[\"2013-03-21T20:04:00Z\",1363896240,\"http://a\",[],null,null,true,false]",
            CborToJson(Hex("88 c0 74 323031332d30332d32315432303a30343a30305a c1 1a 514b67b0 d8 20 68 687474703a2f2f61 d9 d9f7 80 f7 f6 f5 f4")));

        // A tag on a map key is ignored too.
        Assert.Equal("{\"k\":1}", CborToJson(Hex("a1 d8 20 61 6b 01")));
    }

    [Fact]
    public void MessagePack_all_formats_are_read()
    {
        string str8 = new('a', 40);
        string str16 = new('b', 300);
        string str32 = "c";
        byte[] frame = Concat(
            Hex("dc 00 15"),                                   // array16 of 21
            Hex("05 e5 c0 c2 c3"),                             // fixint 5, fixint -27, nil, false, true
            Hex("cc ff cd 01 00 ce 00 01 00 00 cf 00 00 00 01 00 00 00 00"), // uint8..64
            Hex("d0 80 d1 80 00 d2 80 00 00 00 d3 80 00 00 00 00 00 00 00"), // int8..64
            Hex("d9 28"), Encoding.ASCII.GetBytes(str8),        // str8
            Hex("da 01 2c"), Encoding.ASCII.GetBytes(str16),    // str16
            Hex("db 00 00 00 01"), Encoding.ASCII.GetBytes(str32), // str32
            Hex("c5 00 01 ff c6 00 00 00 01 fe"),              // bin16, bin32
            Hex("dd 00 00 00 01 90"),                          // array32 of [fixarray 0]
            Hex("de 00 01 a1 6b 80 df 00 00 00 00"));           // map16 {"k": {}}, map32 {}
        Assert.Equal(
            $"[5,-27,null,false,true,255,256,65536,4294967296,-128,-32768,-2147483648,-9223372036854775808,\"{str8}\",\"{str16}\",\"{str32}\",\"\\u0000/w==\",\"\\u0000/g==\",[[]],{{\"k\":{{}}}},{{}}]",
            MessagePackToJson(frame));
    }

    [Fact]
    public void MessagePack_writes_the_smallest_string_binary_and_container_forms()
    {
        Assert.Equal("91a161", Convert.ToHexStringLower(JsonToMessagePack("[\"a\"]")));
        Assert.StartsWith("91bf61", Convert.ToHexStringLower(JsonToMessagePack($"[\"{new string('a', 31)}\"]")), StringComparison.Ordinal);
        Assert.StartsWith("91d92061", Convert.ToHexStringLower(JsonToMessagePack($"[\"{new string('a', 32)}\"]")), StringComparison.Ordinal);
        Assert.StartsWith("91da0100", Convert.ToHexStringLower(JsonToMessagePack($"[\"{new string('a', 256)}\"]")), StringComparison.Ordinal);
        Assert.StartsWith("91dc0010", Convert.ToHexStringLower(JsonToMessagePack("[[" + string.Join(',', Enumerable.Repeat("0", 16)) + "]]")), StringComparison.Ordinal);
        Assert.StartsWith("91de0010", Convert.ToHexStringLower(JsonToMessagePack("[{" + string.Join(',', Enumerable.Range(0, 16).Select(i => $"\"k{i}\":0")) + "}]")), StringComparison.Ordinal);
        Assert.StartsWith("91c5012c", Convert.ToHexStringLower(JsonToMessagePack($"[\"\\u0000{Convert.ToBase64String(new byte[300])}\"]")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[null,true,false,\"\",\"\\u00e9\\ud83d\\ude00\",\"\\\"quoted\\\" \\\\ \\n\"]")]
    [InlineData("{\"a\":{\"b\":[1,{\"c\":null}]},\"\\u00fc\":\"x\",\"\":0}")]
    [InlineData("[\"\\u0000\",\"\\u0000AA==\",\"a\\u0000b\"]")]
    public void Json_values_round_trip_through_both_formats(string json)
    {
        Assert.True(JsonElement.DeepEquals(WampJson.ParseElement(Encoding.UTF8.GetBytes(json)), WampJson.ParseElement(Encoding.UTF8.GetBytes(CborToJson(JsonToCbor(json))))));
        Assert.True(JsonElement.DeepEquals(WampJson.ParseElement(Encoding.UTF8.GetBytes(json)), WampJson.ParseElement(Encoding.UTF8.GetBytes(MessagePackToJson(JsonToMessagePack(json))))));
    }

    [Fact]
    public void Cbor_is_written_with_definite_lengths()
    {
        Assert.Equal("82a16161f680", Convert.ToHexStringLower(JsonToCbor("[{\"a\":null},[]]")));
    }
}
