using System.Text;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Serialization.Envelope;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// The memo of repeated URIs and dictionaries: a value is shared once the same bytes came twice, never for other bytes,
/// never for long elements; and reading through it gives the same messages as reading without it.
/// </summary>
public sealed class RecentValuesTests
{
    [Fact]
    public void A_value_is_kept_after_its_bytes_were_seen_twice_and_only_for_those_bytes()
    {
        var memo = new RecentValues<string>();
        byte[] key = "\"com.example.add\""u8.ToArray();

        Assert.False(memo.TryGet(key, out int hash, out _));
        memo.Remember(key, hash, "first");
        Assert.False(memo.TryGet(key, out hash, out _));
        memo.Remember(key, hash, "second");

        Assert.True(memo.TryGet(key, out _, out string? value));
        Assert.Equal("second", value);
        Assert.False(memo.TryGet("\"com.example.sub\""u8, out _, out _));
    }

    [Fact]
    public void Elements_longer_than_the_limit_are_never_kept()
    {
        var memo = new RecentValues<string>();
        byte[] key = Encoding.UTF8.GetBytes("\"" + new string('a', RecentValues<string>.MaxKeyLength) + "\"");
        for (int i = 0; i < 3; i++)
        {
            Assert.False(memo.TryGet(key, out int hash, out _));
            memo.Remember(key, hash, "x");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("cbor")]
    [InlineData("msgpack")]
    public void Repeated_calls_read_the_same_with_the_memo(string serializer)
    {
        IWampMessageSerializer s = WampTestVectors.Serializer(serializer);
        for (int i = 0; i < 5; i++)
        {
            // The same options and procedure every time, a different dictionary in between.
            byte[] frame = WampTestVectors.EncodeWire(serializer, """[48,7,{"timeout":5000,"disclose_me":true},"com.example.add",[1]]""");
            var call = Assert.IsType<CallMessage>(s.Deserialize(frame));
            Assert.Equal("com.example.add", call.Procedure);
            Assert.Equal(5000, call.Options.GetProperty("timeout").GetInt32());
            Assert.True(call.Options.GetProperty("disclose_me").GetBoolean());

            var other = Assert.IsType<CallMessage>(s.Deserialize(WampTestVectors.EncodeWire(serializer, $$"""[48,8,{"timeout":{{i}}},"com.example.sub"]""")));
            Assert.Equal(i, other.Options.GetProperty("timeout").GetInt32());
            Assert.Equal("com.example.sub", other.Procedure);
            Assert.Equal(JsonValueKind.Object, other.Options.ValueKind);
        }
    }
}
