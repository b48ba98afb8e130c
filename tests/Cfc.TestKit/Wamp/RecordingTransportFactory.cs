using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Transport;

namespace Cfc.TestKit;

/// <summary>
/// A WebSocket transport factory (<c>WampConnectionOptions.TransportFactory</c>) that logs the WAMP message type of every
/// frame (JSON serializer) in the order it crossed the socket, to count what connecting costs after the session is open.
/// </summary>
public sealed class RecordingTransportFactory : IWampTransportFactory
{
    private const int Welcome = 2;
    private const int Call = 48;
    private readonly ConcurrentQueue<(bool Sent, int Type)> _frames = new();

    /// <inheritdoc />
    public async ValueTask<WampTransportConnection> ConnectAsync(
        Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        WampTransportConnection connection = await WebSocketTransportFactory.Instance.ConnectAsync(url, serializers, settings, cancellationToken);
        return connection with { Transport = new Recording(connection.Transport, _frames) };
    }

    /// <summary>
    /// After WELCOME until now: how many times the client waited for the server (a run of frames it sent followed by
    /// one it received), and how many CALLs it sent.
    /// </summary>
    public (int RoundTrips, int Calls) AfterWelcome()
    {
        (bool Sent, int Type)[] frames = [.. _frames.SkipWhile(f => f.Sent || f.Type != Welcome).Skip(1)];
        int roundTrips = frames.Where((f, i) => !f.Sent && i > 0 && frames[i - 1].Sent).Count();
        return (roundTrips, frames.Count(f => f.Sent && f.Type == Call));
    }

    private static int TypeOf(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        return reader.Read() && reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : -1;
    }

    private sealed class Recording(IWampTransport inner, ConcurrentQueue<(bool Sent, int Type)> frames) : IWampTransport
    {
        public ValueTask SendAsync(ReadOnlyMemory<byte> frame, WampFrameKind kind, CancellationToken cancellationToken)
        {
            frames.Enqueue((true, TypeOf(frame.Span)));
            return inner.SendAsync(frame, kind, cancellationToken);
        }

        public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
        {
            var frame = new ArrayBufferWriter<byte>();
            bool received = await inner.ReceiveAsync(frame, cancellationToken);
            if (received)
            {
                frames.Enqueue((false, TypeOf(frame.WrittenSpan)));
                destination.Write(frame.WrittenSpan);
            }

            return received;
        }

        public Task CloseAsync(CancellationToken cancellationToken) => inner.CloseAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
