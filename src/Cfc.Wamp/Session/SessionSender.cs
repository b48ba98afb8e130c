using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;

namespace Cfc.Wamp.Session;

/// <summary>
/// Serializes messages into pooled buffers and sends them one at a time (the transport allows one sender).
/// Serializing happens outside the lock, so only the network write is serialized. A message over the size
/// limit fails only the request that sent it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore has no wait handle; a send racing the session end must still be able to release it.")]
internal sealed class SessionSender
{
    public const string PayloadSizeExceeded = WampErrorUris.PayloadSizeExceeded;

    private readonly IWampTransport _transport;
    private readonly IWampMessageSerializer _serializer;
    private readonly int _maxMessageSize;
    // Never disposed: a send racing the session end must still be able to release it.
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationToken _lifetime;

    // lifetime ends with the session; a network write is only ever cancelled by it (a cancelled write breaks the transport).
    public SessionSender(IWampTransport transport, int maxMessageSize, CancellationToken lifetime)
    {
        _transport = transport;
        _serializer = transport.Serializer;
        _maxMessageSize = maxMessageSize;
        _lifetime = lifetime;
    }

    // The token cancels only waiting for the turn to write, never the write itself.
    public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken) =>
        await SendAsync(message, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends a message; for a request, the write is skipped when its waiter gave up (timeout, cancellation) while it
    /// waited for the turn to write. Returns whether the message was written.
    /// </summary>
    public async ValueTask<bool> SendAsync(WampMessage message, PendingRequest? request, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter(1024);
        _serializer.Serialize(message, buffer);
        if (buffer.WrittenCount > _maxMessageSize)
        {
            throw TransportErrors.MessageTooLarge(message.Type.ToString().ToUpperInvariant(), buffer.WrittenCount, _maxMessageSize);
        }

        using CancellationTokenSource? linked = cancellationToken.CanBeCanceled && cancellationToken != _lifetime
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime)
            : null;
        await _lock.WaitAsync(linked?.Token ?? _lifetime).ConfigureAwait(false);
        try
        {
            if (request is not null && !request.IsWaiting)
            {
                // Nobody waits for it any more (and the router has never seen it): writing it would only make work.
                return false;
            }

            await _transport.SendAsync(buffer.WrittenMemory, _lifetime).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }
}
