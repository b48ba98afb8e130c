using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// The floor's client: ClientWebSocket sending the 123-byte CALL of the floor report as one text frame and
/// awaiting the echo; sequential round trips, then a pipelined run with 100 in flight. Also the System.Text.Json
/// write+parse of the same message with Utf8JsonWriter / Utf8JsonReader and nothing else.
/// </summary>
internal static class FloorClient
{
    /// <summary>The floor report's message, byte for byte.</summary>
    public static ReadOnlySpan<byte> Call => """[48,7059436,{"timeout":5000,"disclose_me":true},"crossbarfabriccenter.system.get_status",["cfc-node-01",true],{"detail":1}]"""u8;

    public static async Task<Figures> EchoAsync(Uri url, Sizes sizes)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("wamp.2.json");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, CancellationToken.None);
        byte[] message = Call.ToArray();
        byte[] buffer = new byte[64 * 1024];

        for (int i = 0; i < sizes.FloorWarmUp; i++)
        {
            await RoundTripAsync(socket, message, buffer);
        }

        double[] micros = new double[sizes.FloorSequential];
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < micros.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await RoundTripAsync(socket, message, buffer);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        double bytesPerTrip = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / micros.Length;

        // Pipelined: a send loop bounded by a 100-slot semaphore, a receive loop releasing one slot per echo.
        int total = sizes.FloorPipelined;
        using var window = new SemaphoreSlim(100);
        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        long pipelineStart = Stopwatch.GetTimestamp();
        Task receiver = Task.Run(async () =>
        {
            for (int i = 0; i < total; i++)
            {
                await ReceiveAsync(socket, buffer);
                window.Release();
            }
        });
        for (int i = 0; i < total; i++)
        {
            await window.WaitAsync();
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }

        await receiver;
        double seconds = Stopwatch.GetElapsedTime(pipelineStart).TotalSeconds;
        double cpuUs = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return new Figures(Measure.Median(micros), Measure.P99(micros), total / seconds, cpuUs / total, bytesPerTrip);
    }

    /// <summary>Utf8JsonWriter writes the CALL (varying id) and Utf8JsonReader reads it back: ns and bytes per write+parse.</summary>
    public static (double Ns, double Bytes) JsonWriteParse(int ops)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var writer = new Utf8JsonWriter(output);
        long checksum = 0;
        for (int i = 0; i < Math.Min(ops, 100_000); i++)
        {
            checksum += WriteParse(writer, output, i);
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < ops; i++)
        {
            checksum += WriteParse(writer, output, i);
        }

        double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / ops;
        double bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ops;
        GC.KeepAlive(checksum);
        return (ns, bytes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long WriteParse(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, long id)
    {
        output.ResetWrittenCount();
        writer.Reset(output);
        writer.WriteStartArray();
        writer.WriteNumberValue(48);
        writer.WriteNumberValue(7059436 + id);
        writer.WriteStartObject();
        writer.WriteNumber("timeout"u8, 5000);
        writer.WriteBoolean("disclose_me"u8, true);
        writer.WriteEndObject();
        writer.WriteStringValue("crossbarfabriccenter.system.get_status"u8);
        writer.WriteStartArray();
        writer.WriteStringValue("cfc-node-01"u8);
        writer.WriteBooleanValue(true);
        writer.WriteEndArray();
        writer.WriteStartObject();
        writer.WriteNumber("detail"u8, 1);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.Flush();

        var reader = new Utf8JsonReader(output.WrittenSpan);
        long sum = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    sum += reader.GetInt64();
                    break;
                case JsonTokenType.PropertyName:
                    sum += reader.ValueTextEquals("timeout"u8) ? 1 : 0;
                    break;
                case JsonTokenType.String:
                    sum += reader.ValueTextEquals("crossbarfabriccenter.system.get_status"u8) ? 1 : 0;
                    break;
            }
        }

        return sum;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask RoundTripAsync(ClientWebSocket socket, byte[] message, byte[] buffer)
    {
        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        await ReceiveAsync(socket, buffer);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> ReceiveAsync(ClientWebSocket socket, byte[] buffer)
    {
        int count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        return count;
    }
}
