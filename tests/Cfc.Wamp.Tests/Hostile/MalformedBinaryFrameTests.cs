using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Tests.Serialization;
using Cfc.Wamp.Tests.Session;
using static Cfc.Wamp.Tests.Serialization.FrameHelpers;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// A router that speaks CBOR or MessagePack over RawSocket and answers a call with a malformed binary frame: the
/// client's direct reader refuses it, the session ends with ABORT wamp.error.protocol_violation, the pending call fails
/// at once with the reason, and nothing crashes.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class MalformedBinaryFrameTests
{
    private const string Welcome = """[2, 1, {"realm":"realm1","authid":"a","authrole":"anonymous","authmethod":"anonymous","roles":{"dealer":{},"broker":{}}}]""";

    [Theory(Timeout = 30000)]
    [InlineData(WampSerializer.Cbor, "84 18 32 01 a0 81 62 ff fe", "UTF-8")]                 // RESULT [1, ["<invalid UTF-8>"]]
    [InlineData(WampSerializer.Cbor, "84 18 32 01 a0 81 c2 41 01", "bignum")]                // RESULT with a bignum argument
    [InlineData(WampSerializer.Cbor, "84 18 32 01 a0 81", "CBOR")]                           // cut in the middle of the arguments
    [InlineData(WampSerializer.Cbor, "83 18 32 61 31 a0", "element 1")]                      // a string where the request id belongs
    [InlineData(WampSerializer.MessagePack, "94 32 01 80 91 d4 01 00", "extension")]         // RESULT with an extension-type argument
    [InlineData(WampSerializer.MessagePack, "94 32 01 80 91 dd ff ff ff ff", "middle")]      // an array claiming 2^32-1 elements
    [InlineData(WampSerializer.MessagePack, "93 32 01 91 01", "dictionary")]                 // a list where the details belong
    [InlineData(WampSerializer.MessagePack, "c1", "0xc1")]
    public async Task A_malformed_binary_result_ends_the_session_cleanly(WampSerializer serializer, string frame, string expected)
    {
        IWampMessageSerializer codec = WampSerializers.Get(serializer);
        var abort = new TaskCompletionSource<AbortMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var router = new ByteRouter(async c =>
        {
            await c.AcceptRawSocketAsync();
            Assert.IsType<HelloMessage>(codec.Deserialize((await c.ReadRawSocketFrameAsync()).Payload));
            await WriteFrameAsync(c, Serialize(codec, JsonMessageSerializer.Instance.Deserialize(System.Text.Encoding.UTF8.GetBytes(Welcome))));
            Assert.IsType<CallMessage>(codec.Deserialize((await c.ReadRawSocketFrameAsync()).Payload));
            await WriteFrameAsync(c, Hex(frame));
            abort.TrySetResult(Assert.IsType<AbortMessage>(codec.Deserialize((await c.ReadRawSocketFrameAsync()).Payload)));
            await c.FreezeAsync();
        });
        await using WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("rs", path: string.Empty),
            Realm = "realm1",
            Serializers = [serializer],
            Reconnect = null,
            CallTimeout = TimeSpan.FromSeconds(10),
        });

        var ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => client.CallAsync("com.example.p").Within());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        AbortMessage sent = await abort.Task.Within();
        Assert.Equal("wamp.error.protocol_violation", sent.Reason);
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Disconnected, ScriptedTransport.Wait);
        Assert.Empty(router.ScriptErrors);
    }

    private static Task WriteFrameAsync(ByteConnection c, byte[] payload) =>
        c.WriteAsync([0, (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload]);
}
