using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Benchmarks.Table;

/// <summary>Our serializers writing and parsing the floor's CALL (same fields, same size in JSON): ns and bytes per write+parse.</summary>
internal static class Codecs
{
    private static readonly CallMessage FloorCall = new(
        7059436,
        WampJson.ParseElement("""{"timeout":5000,"disclose_me":true}"""u8),
        "crossbarfabriccenter.system.get_status",
        new WampPayloadBuilder().Add("cfc-node-01").Add(true).Keyword("detail", 1).Build());

    public static (double Ns, double Bytes) WriteParse(WampSerializer which, int ops)
    {
        IWampMessageSerializer serializer = WampSerializers.Get(which);
        using var output = new PooledBufferWriter(1024);
        for (int i = 0; i < Math.Min(ops, 100_000); i++)
        {
            Once(serializer, output);
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < ops; i++)
        {
            Once(serializer, output);
        }

        double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / ops;
        return (ns, (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ops);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WampMessage Once(IWampMessageSerializer serializer, PooledBufferWriter output)
    {
        output.Clear();
        serializer.Serialize(FloorCall, output);
        return serializer.Deserialize(output.WrittenSpan);
    }
}
