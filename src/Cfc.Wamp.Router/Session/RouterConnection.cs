using System.Threading.Channels;
using Cfc.Wamp;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Router;

/// <summary>
/// One transport attached to the router: a receive loop that drives the session state machine
/// (HELLO, authentication, joined, closed) and a send loop that drains the session's queue in order.
/// </summary>
internal sealed partial class RouterConnection : IDisposable
{
    private readonly WampRouter _router;
    private readonly IWampMessageSerializer _serializer;
    private readonly WampFrameKind _frameKind;
    private readonly IWampTransport _transport;
    private readonly ILogger _logger;
    private readonly Channel<WampMessage> _outgoing = Channel.CreateUnbounded<WampMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopReceiving = new();

    // A CancellationTokenSource may not be cancelled while another thread disposes it (that races into a
    // NullReferenceException, not an ObjectDisposedException): the router's shutdown can meet the end of a run.
    private readonly Lock _sourcesGate = new();
    private bool _sourcesDisposed;
    private readonly CancellationTokenSource _abort = new();
    private int _disposed;
    private volatile bool _dropped;
    private volatile bool _closeWhenFlushed;
    private RouterSession? _session;
    private PendingAuth? _pendingAuth;
    private long _joinedSessionId;

    public RouterConnection(WampRouter router, IWampTransport transport, WampSerializer serializer, string transportKind, ILogger logger)
    {
        _router = router;
        _transport = transport;
        _serializer = WampSerializers.Get(serializer);
        _frameKind = WampSerializerIds.FrameKind(serializer);
        SerializerName = WampSerializerIds.Name(serializer);
        _logger = logger;
        TransportKind = transportKind;
    }

    /// <summary>What carries the session (websocket, rawsocket, other), for the meta API.</summary>
    public string TransportKind { get; }

    /// <summary>The serializer's short name (json, cbor, msgpack) for the meta API, whatever the transport.</summary>
    public string SerializerName { get; }

    /// <summary>Queues a message; never blocks (the queue is unbounded, so routing under a realm gate stays non-blocking).</summary>
    public void Send(WampMessage message) => _outgoing.Writer.TryWrite(message);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenRegistration fromCaller = cancellationToken.Register(static s => ((RouterConnection)s!).StopReceiving(), this);
        Task sender = SendLoopAsync(_abort.Token);
        try
        {
            await ReceiveLoopAsync(_stopReceiving.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopReceiving.IsCancellationRequested)
        {
            // Router shutdown, fault injection or the caller's token: not an error.
        }
        catch (Exception ex)
        {
            // A broken transport ends the session like a disconnect.
            Log.ConnectionFailed(_logger, ex.Message);
        }
        finally
        {
            await FinishAsync(sender).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the session politely: GOODBYE with <paramref name="reason"/>, flush, close handshake.
    /// Receiving is not cancelled right away (cancelling a WebSocket receive aborts the socket); it ends when the
    /// peer completes the close, or after the close timeout.</summary>
    public void Shutdown(string reason)
    {
        if (_session is { } session)
        {
            lock (session.Realm.Gate)
            {
                session.Realm.Leave(session);
                Send(new GoodbyeMessage(WampJson.EmptyObject, reason));
            }
        }

        _closeWhenFlushed = true;
        _outgoing.Writer.TryComplete();
        lock (_sourcesGate)
        {
            if (!_sourcesDisposed)
            {
                _stopReceiving.CancelAfter(_router.Options.CloseTimeout);
            }
        }
    }

    /// <summary>Fault injection: tears the transport down at once, without GOODBYE or close handshake.</summary>
    public async Task DropAsync()
    {
        _dropped = true;
        StopReceiving();
        Task aborting = Task.CompletedTask;
        lock (_sourcesGate)
        {
            if (!_sourcesDisposed)
            {
                aborting = _abort.CancelAsync();
            }
        }

        await aborting.ConfigureAwait(false);

        await DisposeTransportAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the cancellation sources once the run loop is over.</summary>
    public void Dispose()
    {
        lock (_sourcesGate)
        {
            _sourcesDisposed = true;
            _stopReceiving.Dispose();
            _abort.Dispose();
        }
    }

    private void StopReceiving()
    {
        lock (_sourcesGate)
        {
            if (!_sourcesDisposed)
            {
                _stopReceiving.Cancel();
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter();
        while (true)
        {
            buffer.Clear();
            if (!await _transport.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            WampMessage message;
            try
            {
                message = _serializer.Deserialize(buffer.WrittenSpan);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ProtocolViolation(ex.Message);
                return;
            }

            if (!await HandleAsync(message, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async ValueTask<bool> HandleAsync(WampMessage message, CancellationToken cancellationToken)
    {
        if (_session is { } session)
        {
            return HandleJoined(session, message);
        }

        if (message is AbortMessage)
        {
            return false;
        }

        if (_pendingAuth is { } pending)
        {
            if (message is AuthenticateMessage authenticate)
            {
                return HandleAuthenticate(pending, authenticate);
            }

            ProtocolViolation($"expected AUTHENTICATE, got {message.Type}");
            return false;
        }

        if (message is HelloMessage hello)
        {
            return await HandleHelloAsync(hello, cancellationToken).ConfigureAwait(false);
        }

        ProtocolViolation($"expected HELLO, got {message.Type}");
        return false;
    }

    private bool HandleJoined(RouterSession session, WampMessage message)
    {
        RouterRealm realm = session.Realm;
        string? violation = null;
        lock (realm.Gate)
        {
            switch (message)
            {
                case SubscribeMessage m: realm.Broker.Subscribe(session, m); break;
                case UnsubscribeMessage m: realm.Broker.Unsubscribe(session, m); break;
                case PublishMessage m: realm.Broker.Publish(session, m); break;
                case RegisterMessage m: realm.Dealer.Register(session, m); break;
                case UnregisterMessage m: realm.Dealer.Unregister(session, m); break;
                case CallMessage m: _router.CountCall(); realm.Dealer.Call(session, m); break;
                case CancelMessage m: realm.Dealer.Cancel(session, m); break;
                case YieldMessage m: violation = realm.Dealer.Yield(session, m); break;
                case ErrorMessage { RequestType: WampMessageType.Invocation } m: violation = realm.Dealer.InvocationError(session, m); break;
                case GoodbyeMessage:
                    // Leave first: the reply is the last thing this session gets.
                    realm.Leave(session);
                    _session = null;
                    Send(new GoodbyeMessage(WampJson.EmptyObject, WampErrorUris.GoodbyeAndOut));
                    return false;
                case AbortMessage:
                    realm.Leave(session);
                    _session = null;
                    return false;
                default:
                    violation = $"{message.Type} is not allowed from a client after WELCOME";
                    break;
            }
        }

        if (violation is null)
        {
            return true;
        }

        ProtocolViolation(violation);
        return false;
    }

    /// <summary>ABORT wamp.error.protocol_violation; the session (if any) is dropped and the transport closed.</summary>
    private void ProtocolViolation(string reason)
    {
        Log.ProtocolViolation(_logger, reason);
        Abort(WampErrorUris.ProtocolViolation, reason);
    }

    private void Abort(string reason, string message)
    {
        if (_session is { } session)
        {
            lock (session.Realm.Gate)
            {
                session.Realm.Leave(session);
                _session = null;
                Send(new AbortMessage(RouterPayload.MessageDetails(message), reason, default));
            }

            return;
        }

        ReleasePendingAuth();
        Send(new AbortMessage(RouterPayload.MessageDetails(message), reason, default));
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter();
        try
        {
            await foreach (WampMessage message in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Fault injection: answers (RESULT, ERROR) arrive late; the queue keeps the order of everything else.
                if (message is ResultMessage or ErrorMessage && _router.AnswerDelay is { } delay && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _router.TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                buffer.Clear();
                _serializer.Serialize(message, buffer);
                await _transport.SendAsync(buffer.WrittenMemory, _frameKind, cancellationToken).ConfigureAwait(false);
            }

            if (_closeWhenFlushed)
            {
                using var closeTimeout = new CancellationTokenSource(_router.Options.CloseTimeout);
                await _transport.CloseAsync(closeTimeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The peer is gone or we are dropping it; the receive side notices and cleans up.
            StopReceiving();
        }
    }

    private async Task FinishAsync(Task sender)
    {
        if (_session is { } session)
        {
            session.Realm.Leave(session);
            _session = null;
        }

        ReleasePendingAuth();
        if (_joinedSessionId != 0)
        {
            _router.ReleaseSessionId(_joinedSessionId);
        }

        _outgoing.Writer.TryComplete();
        if (!_dropped)
        {
            // Let queued messages (GOODBYE, ABORT) go out before the close handshake.
            await Task.WhenAny(sender, Task.Delay(_router.Options.CloseTimeout)).ConfigureAwait(false);
            using var closeTimeout = new CancellationTokenSource(_router.Options.CloseTimeout);
            try
            {
                await _transport.CloseAsync(closeTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ConnectionFailed(_logger, ex.Message);
            }
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        await sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await DisposeTransportAsync().ConfigureAwait(false);
    }

    private async Task DisposeTransportAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "WAMP router connection ended: {Reason}")]
        public static partial void ConnectionFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "WAMP router aborts a session for a protocol violation: {Reason}")]
        public static partial void ProtocolViolation(ILogger logger, string reason);
    }
}
