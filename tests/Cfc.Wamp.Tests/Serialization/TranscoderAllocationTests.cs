using System.Text;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// The transcoders work on pooled buffers and per-thread readers and writers: after warm-up, a transcode in either
/// direction allocates nothing per message (measured as allocated bytes, not time).
/// </summary>
public sealed class TranscoderAllocationTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        """[48,7814135,{"receive_progress":true,"timeout":1.5},"com.example.add",[1,-2,3.5,"text \u00e9",null,true,"\u0000EOP/kFMHXFJvX8BtT+N82w==",[[[]]]],{"k":[{"a":18446744073709551615}]}]""");

    [Fact]
    public void Cbor_transcoding_does_not_allocate_per_message()
    {
        using var binary = new PooledBufferWriter(1024);
        using var json = new PooledBufferWriter(1024);
        long perMessage = AllocatedPerIteration(() =>
        {
            binary.Clear();
            json.Clear();
            CborJsonTranscoder.JsonToCbor(Json, binary);
            CborJsonTranscoder.CborToJson(binary.WrittenSpan, json);
        });
        Assert.Equal(0, perMessage);
    }

    [Fact]
    public void MessagePack_transcoding_does_not_allocate_per_message()
    {
        using var binary = new PooledBufferWriter(1024);
        using var json = new PooledBufferWriter(1024);
        long perMessage = AllocatedPerIteration(() =>
        {
            binary.Clear();
            json.Clear();
            MessagePackJsonTranscoder.JsonToMessagePack(Json, binary);
            MessagePackJsonTranscoder.MessagePackToJson(binary.WrittenSpan, json);
        });
        Assert.Equal(0, perMessage);
    }

    // The quietest of several batches: a one-off event (the pool trimming after a GC) cannot make the test fail,
    // while a real per-message allocation shows in every batch.
    private static long AllocatedPerIteration(Action transcode)
    {
        for (int i = 0; i < 50; i++)
        {
            transcode();
        }

        const int iterations = 200;
        long least = long.MaxValue;
        for (int batch = 0; batch < 5; batch++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < iterations; i++)
            {
                transcode();
            }

            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
        }

        return least;
    }
}
