namespace Cfc.Wamp.Transport;

/// <summary>A factory that hands out in-process transports instead of dialling: for tests and in-process wiring.</summary>
public sealed class InMemoryTransportFactory : IWampTransportFactory
{
    private readonly Func<WampSerializer, IWampTransport> _connect;
    private int _connectCount;

    /// <summary>Creates a factory that calls <paramref name="connect"/> for every connect (so reconnects get fresh transports).</summary>
    /// <param name="connect">Makes the transport for the serializer the client prefers (the first it offers), which both ends then use.</param>
    public InMemoryTransportFactory(Func<WampSerializer, IWampTransport> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        _connect = connect;
    }

    /// <summary>Creates a factory that hands out one pre-made transport (every connect gets the same one).</summary>
    /// <param name="transport">The transport.</param>
    public InMemoryTransportFactory(IWampTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _connect = _ => transport;
    }

    /// <summary>How many times <see cref="ConnectAsync"/> was called.</summary>
    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <inheritdoc />
    public ValueTask<WampTransportConnection> ConnectAsync(Uri url, IReadOnlyList<WampSerializer> serializers, WampTransportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serializers);
        cancellationToken.ThrowIfCancellationRequested();
        if (serializers.Count == 0)
        {
            throw new ArgumentException("At least one serializer must be offered.", nameof(serializers));
        }

        Interlocked.Increment(ref _connectCount);
        return ValueTask.FromResult(new WampTransportConnection(_connect(serializers[0]), serializers[0]));
    }
}
