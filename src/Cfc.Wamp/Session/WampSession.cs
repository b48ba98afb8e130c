using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// One WAMP session on one transport: the handshake, the reader loop, the pending requests and the router
/// ids of this connection. Everything that must survive a reconnect (the registry of subscriptions and
/// registrations, the state) lives in <see cref="WampClient"/>; a new connection gets a new session.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lifetime token is observed by sends and handlers that may still run after the session ended; it is cancelled, never disposed.")]
internal sealed class WampSession
{
    private const int Handshaking = 0;
    private const int Joined = 1;
    private const int Closing = 2;
    private const int Ended = 3;

    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _goodbyeReply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _phase;
    private Action<WampSession, SessionEnd>? _onEnded;
    private Task _reader = Task.CompletedTask;

    public WampSession(WampClientOptions options, IWampTransport transport, IWampMessageSerializer serializer, ILogger logger, RequestIdGenerator? ids = null)
    {
        Options = options;
        Transport = transport;
        Serializer = serializer;
        Logger = logger;
        Ids = ids ?? new RequestIdGenerator();
        Writer = new SessionWriter(this, transport, serializer, _lifetime.Token);
        Deadlines = new RequestDeadlines(options.TimeProvider);
        Caller = new Caller(this);
        Callee = new Callee(this);
        Publisher = new Publisher(this);
        Subscriber = new Subscriber(this);
    }

    public WampClientOptions Options { get; }

    public IWampTransport Transport { get; }

    /// <summary>The serializer agreed when the transport was opened; the transport itself only moves frames.</summary>
    public IWampMessageSerializer Serializer { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider => Options.TimeProvider;

    public RequestIdGenerator Ids { get; }

    public PendingRequestTable Pending { get; } = new();

    /// <summary>The one writer of this session: every outgoing message goes through its bounded queue.</summary>
    public SessionWriter Writer { get; }

    /// <summary>The deadlines of every request of this session (one timer per distinct timeout length).</summary>
    public RequestDeadlines Deadlines { get; }

    public Caller Caller { get; }

    public Callee Callee { get; }

    public Publisher Publisher { get; }

    public Subscriber Subscriber { get; }

    public long SessionId { get; private set; }

    /// <summary>Where this session's errors happened (router, realm, session id), as every error message shows it.</summary>
    public WampErrorContext ErrorContext => WampErrorContext.Of(Options, SessionId);

    public WampSessionDetails? Details { get; private set; }

    /// <summary>Whether the dealer announced call_canceling (CANCEL is only sent then).</summary>
    public bool DealerCancels { get; private set; }

    /// <summary>Ends with the session: cancels running invocations and the transport's reads and writes.</summary>
    public CancellationToken Lifetime => _lifetime.Token;

    public bool IsEnded => Volatile.Read(ref _phase) == Ended;

    /// <summary>Completes with the reason when the session has ended.</summary>
    public Task<SessionEnd> Completion => _ended.Task;

    /// <summary>How long each step of the end may take: the last word (ABORT, GOODBYE reply), the transport's close, its release
    /// (<see cref="WampConnectionOptions.CloseGrace"/>, never more than the request timeout).</summary>
    public TimeSpan CloseGrace => Options.RequestTimeout < Options.CloseGrace ? Options.RequestTimeout : Options.CloseGrace;

    /// <summary>How long the reader loop may take to stop once the session ends: the last word and the transport's close.</summary>
    public TimeSpan ReaderStopBound => CloseGrace * 2;

    /// <summary>The longest time from the session's end to <see cref="Completion"/>: its three steps, each bounded by <see cref="CloseGrace"/>.</summary>
    public TimeSpan EndBound => CloseGrace * 3;

    /// <summary>Runs HELLO .. WELCOME. The caller bounds it with the connect timeout through the token.</summary>
    public async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        WelcomeMessage welcome = await SessionHandshake.RunAsync(this, cancellationToken).ConfigureAwait(false);
        SessionId = welcome.SessionId;
        Details = new WampSessionDetails(
            welcome.SessionId,
            StringOrNull(welcome.Details, "realm") ?? Options.Realm!,
            StringOrNull(welcome.Details, "authid"),
            StringOrNull(welcome.Details, "authrole"),
            StringOrNull(welcome.Details, "authmethod"),
            welcome.Details);
        DealerCancels = HasFeature(welcome.Details, "dealer", "call_canceling");
        Volatile.Write(ref _phase, Joined);
        Logger.Joined(Details.Realm, Options.Url!, SessionId);
    }

    /// <summary>Starts the reader loop; <paramref name="onEnded"/> runs once when the session ends, right after its
    /// pending requests failed (before the transport is closed; <see cref="Completion"/> follows when all is done).</summary>
    public void Start(Action<WampSession, SessionEnd> onEnded)
    {
        _onEnded = onEnded;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Sends GOODBYE, waits for any GOODBYE reply (bounded by the request timeout), then closes the transport.</summary>
    public async Task CloseAsync(string reason, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _phase, Closing, Joined) != Joined)
        {
            await WaitEndedAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await Writer.SendAsync(new GoodbyeMessage(WampJson.EmptyObject, reason), cancellationToken).ConfigureAwait(false);
            // Bounded by the close timeout (a closing client must not wait a full request timeout); a connection
            // that drops meanwhile ends the session, which completes the wait at once.
            TimeSpan replyTimeout = Options.CloseTimeout < Options.RequestTimeout ? Options.CloseTimeout : Options.RequestTimeout;
            await _goodbyeReply.Task.WaitAsync(replyTimeout, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logger.GoodbyeNotAnswered(Options.Url!, ex);
        }
        finally
        {
            await EndAsync(new SessionEnd(SessionEndKind.ClosedByClient, $"the client closed the session ({reason})")).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the session without GOODBYE (the transport is closed): used when the client is disposed and GOODBYE failed.</summary>
    public Task AbandonAsync(string reason) => EndAsync(new SessionEnd(SessionEndKind.ClosedByClient, reason));

    /// <summary>Waits (bounded) until the reader loop has stopped.</summary>
    public async Task WaitEndedAsync()
    {
        try
        {
            await _reader.WaitAsync(ReaderStopBound, TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The transport did not stop reading in time; the session is ended regardless.
        }
    }

    /// <summary>Sends a message and waits until it is written; failures because the session is gone become
    /// <see cref="WampConnectionLostException"/>. The token drops the message from the queue.</summary>
    public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        int phase = Volatile.Read(ref _phase);
        if (phase is Ended or Closing)
        {
            throw ConnectionLost(phase == Ended ? "the session has ended" : "the session is closing", null);
        }

        try
        {
            await Writer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ConnectionLost("the session ended while sending", null);
        }
        catch (Exception ex) when (ex is not WampException and not OperationCanceledException)
        {
            throw ConnectionLost($"sending failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Queues a request's message while its waiter already waits (on its deadline and token): a write the peer never
    /// takes must not hold the waiter. A request that is not written leaves the table and, when still waited for,
    /// fails with the reason.
    /// </summary>
    public void EnqueueRequest(WampMessage message, PendingRequest request)
    {
        int phase = Volatile.Read(ref _phase);
        if (phase is Ended or Closing)
        {
            Pending.Remove(request.RequestId);
            request.Fail(ConnectionLost(phase == Ended ? "the session has ended" : "the session is closing", null));
            return;
        }

        Writer.Enqueue(message, request);
    }

    /// <summary>Queues a callee's answer to an INVOCATION (nothing is sent once the session closes or ended).</summary>
    public void PostAnswer(WampMessage answer)
    {
        if (Volatile.Read(ref _phase) is Joined)
        {
            Writer.PostAnswer(answer);
        }
    }

    /// <summary>Sends in the background; failures are only logged. Never dropped (the application caused it).</summary>
    public void Post(WampMessage message) => Writer.Post(message, droppable: false);

    /// <summary>Sends an answer the router provoked on its own (ERROR to an INVOCATION) in the background; dropped (counted, logged) when its bound is reached.</summary>
    public void PostDroppable(WampMessage message) => Writer.Post(message, droppable: true);

    /// <summary>Adds a pending request; fails at once when the session already ended (so that nothing waits forever).</summary>
    public void AddPending(PendingRequest request)
    {
        Pending.Add(request);
        if (IsEnded)
        {
            Pending.Remove(request.RequestId);
            throw ConnectionLost("the session has ended", null);
        }
    }

    /// <summary>Sends a request answered by an acknowledgement and waits for it, bounded by the request timeout.</summary>
    public async Task<long> RequestAsync(WampMessage message, PendingAck pending, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AddPending(pending);

        // The timeout and the token count from here, not from when the write ends: it may never end.
        pending.Start(this, what);
        pending.Arm(Options.RequestTimeout, Deadlines, cancellationToken);
        EnqueueRequest(message, pending);
        return await pending.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Drops a request the local side gave up on from the pending table, so that nothing waits for a router that
    /// may never answer. Its late reply is then recognised by its id (issued, not pending) and dropped. SUBSCRIBE and
    /// REGISTER stay as tombstones until answered: their late reply must undo the router side.
    /// </summary>
    public void ForgetAbandoned(PendingRequest request)
    {
        if (request is not PendingAck { NeedsLateReply: true })
        {
            Pending.Remove(request.RequestId);
        }
    }

    /// <summary>Sends a request nobody waits for (cleanup UNSUBSCRIBE/UNREGISTER); its reply is dropped quietly.</summary>
    public void PostRequest(WampMessage message, PendingAck pending)
    {
        pending.TryAbandon();
        try
        {
            AddPending(pending);
        }
        catch (WampConnectionLostException)
        {
            return;
        }

        Post(message);
    }

    public WampConnectionLostException ConnectionLost(string what, Exception? inner) =>
        WampErrors.NoSession(what, inner, ErrorContext);

    /// <summary>A string from the router made safe for messages and logs (<see cref="ServerText.Sanitize"/>), or null.</summary>
    public static string? ServerStringOrNull(JsonElement dict, string name) =>
        StringOrNull(dict, name) is { } text ? ServerText.Sanitize(text) : null;

    public static string? StringOrNull(JsonElement dict, string name) =>
        dict.ValueKind == JsonValueKind.Object && dict.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool HasFeature(JsonElement details, string role, string feature) =>
        details.TryGetProperty("roles", out JsonElement roles) && roles.ValueKind == JsonValueKind.Object
        && roles.TryGetProperty(role, out JsonElement r) && r.ValueKind == JsonValueKind.Object
        && r.TryGetProperty("features", out JsonElement f) && f.ValueKind == JsonValueKind.Object
        && f.TryGetProperty(feature, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    private static bool HasDuplicate(JsonElement dict, string name)
    {
        int seen = 0;
        foreach (JsonProperty property in dict.EnumerateObject())
        {
            if (property.NameEquals(name) && ++seen > 1)
            {
                return true;
            }
        }

        return false;
    }

    private static string Name(WampMessageType type) => type.ToString().ToUpperInvariant();

    private async Task ReadLoopAsync()
    {
        SessionEnd? end = null;
        IWampMessageSerializer serializer = Serializer;
        using var buffer = new PooledBufferWriter(16 * 1024);
        try
        {
            while (end is null)
            {
                buffer.Clear();
                if (!await Transport.ReceiveAsync(buffer, _lifetime.Token).ConfigureAwait(false))
                {
                    end = new SessionEnd(SessionEndKind.ConnectionLost, "the router closed the connection without GOODBYE");
                    break;
                }

                WampMessage message;
                try
                {
                    message = serializer.Deserialize(buffer.WrittenSpan);
                }
                catch (Exception ex)
                {
                    end = Violation($"an undecodable message ({ex.Message})", ex);
                    break;
                }

                end = Dispatch(message);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Ended elsewhere (close, dispose); that path did the cleanup.
        }
        catch (Exception ex)
        {
            end = new SessionEnd(SessionEndKind.ConnectionLost, $"the transport failed: {ex.Message}", ex);
        }

        if (end is not null)
        {
            await EndAsync(end).ConfigureAwait(false);
        }
    }

    // Runs on the reader loop. Returns how the session ends, or null to keep reading. Never runs user code.
    private SessionEnd? Dispatch(WampMessage message)
    {
        if (Volatile.Read(ref _phase) == Closing)
        {
            // The initiator of GOODBYE ignores everything but the reply (any reason is accepted).
            if (message is GoodbyeMessage)
            {
                _goodbyeReply.TrySetResult();
            }

            return message is AbortMessage abort ? RouterAbort(abort) : null;
        }

        switch (message)
        {
            case EventMessage m:
                Subscriber.OnEvent(m);
                return null;
            case ResultMessage m:
                // JSON keeps duplicate keys; a second "progress" must not be able to turn a final RESULT into progress.
                return HasDuplicate(m.Details, "progress")
                    ? Violation($"RESULT for request id {m.RequestId} with 'progress' twice in its details", null)
                    : OnReply(m.RequestId, m);
            case ErrorMessage m:
                return OnError(m);
            case InvocationMessage m:
                return Callee.OnInvocation(m);
            case InterruptMessage m:
                Callee.OnInterrupt(m);
                return null;
            case SubscribedMessage m:
                return OnReply(m.RequestId, m);
            case PublishedMessage m:
                return OnReply(m.RequestId, m);
            case RegisteredMessage m:
                return OnReply(m.RequestId, m);
            case UnsubscribedMessage m:
                return m.RequestId == 0 ? Subscriber.OnRevoked(m) : OnReply(m.RequestId, m);
            case UnregisteredMessage m:
                return m.RequestId == 0 ? Callee.OnRevoked(m) : OnReply(m.RequestId, m);
            case GoodbyeMessage m:
                return new SessionEnd(SessionEndKind.RouterGoodbye, $"the router closed the session with GOODBYE {ServerText.Sanitize(m.Reason)}", null, m.Reason);
            case AbortMessage m:
                return RouterAbort(m);
            default:
                return Violation($"{Name(message.Type)} after the session was joined", null);
        }
    }

    private SessionEnd? OnReply(long requestId, WampMessage reply)
    {
        if (!Pending.TryGet(requestId, out PendingRequest request))
        {
            if (Ids.WasIssued(requestId))
            {
                // A request we gave up on (cancelled, timed out) and forgot: its late reply is expected.
                Logger.LateReplyDropped(reply.Type, requestId);
                return null;
            }

            return Violation($"{Name(reply.Type)} for request id {requestId}, which is not pending", null);
        }

        if (request.ReplyType != reply.Type)
        {
            return Violation($"{Name(reply.Type)} for request id {requestId}, which is a {Name(request.RequestType)}", null);
        }

        if (request.IsAbandoned && reply.Type != WampMessageType.Subscribed && reply.Type != WampMessageType.Registered)
        {
            Logger.LateReplyDropped(reply.Type, requestId);
        }

        if (request.OnReply(reply))
        {
            Pending.Remove(requestId);
        }

        return null;
    }

    private SessionEnd? OnError(ErrorMessage error)
    {
        if (!Pending.TryGet(error.RequestId, out PendingRequest request))
        {
            if (Ids.WasIssued(error.RequestId))
            {
                Logger.LateReplyDropped(error.Type, error.RequestId);
                return null;
            }

            return Violation($"ERROR for request id {error.RequestId}, which is not pending", null);
        }

        if (request.RequestType != error.RequestType)
        {
            return Violation($"ERROR naming a {Name(error.RequestType)} for request id {error.RequestId}, which is a {Name(request.RequestType)}", null);
        }

        Pending.Remove(error.RequestId);
        request.OnError(error);
        return null;
    }

    private SessionEnd Violation(string what, Exception? cause) =>
        new(SessionEndKind.ProtocolViolation, WampErrors.Violation(what, duringHandshake: false, WampErrorContext.Of(Options, SessionId)), cause);

    private static SessionEnd RouterAbort(AbortMessage abort) =>
        new(SessionEndKind.RouterAbort, $"the router aborted the session: {ServerStringOrNull(abort.Details, "message") ?? WampException.DescribeError(abort.Reason, abort.Payload)} ({ServerText.Sanitize(abort.Reason)})", null, abort.Reason);

    private async Task EndAsync(SessionEnd end)
    {
        if (Interlocked.Exchange(ref _phase, Ended) == Ended)
        {
            return;
        }

        // A GOODBYE of ours that is still waiting for its reply has nothing left to wait for.
        _goodbyeReply.TrySetResult();

        // Pending requests fail first, at once: nothing waits for the goodbye formalities below.
        if (end.Kind == SessionEndKind.ProtocolViolation)
        {
            Logger.ProtocolViolation(end.Reason);
        }

        // One exception per request: tasks that rethrow one shared instance would tangle its stack trace.
        int waiting = Pending.WaitingCount;
        var context = WampErrorContext.Of(Options, SessionId);
        Pending.FailAll(_ => WampErrors.PendingAbandoned(end.EndReason, end.Reason, waiting, end.ReasonUri, end.Cause, context));

        if (end.Kind == SessionEndKind.ClosedByClient)
        {
            Logger.ClosedByClient(SessionId, end.Reason);
        }
        else
        {
            Logger.Ended(SessionId, end.Kind, end.Reason);
        }

        // The client learns at once (state, reconnect), not after the goodbye formalities; a reconnect loop waits
        // for Completion before it restores, so the router ids below are void by then.
        _onEnded?.Invoke(this, end);
        WampMessage? lastWord = end.Kind switch
        {
            SessionEndKind.ProtocolViolation => new AbortMessage(
                WampJson.BuildObject(w => w.WriteString("message", end.Reason)), WampProtocolViolationException.Uri, default),
            SessionEndKind.RouterGoodbye => new GoodbyeMessage(WampJson.EmptyObject, WampErrorUris.GoodbyeAndOut),
            _ => null,
        };
        if (lastWord is not null)
        {
            try
            {
                await Writer.SendAsync(lastWord, CancellationToken.None).WaitAsync(CloseGrace, TimeProvider).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Logger.SendFailed(lastWord.Type, ex);
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        Writer.Complete();
        Deadlines.Dispose();
        Callee.EndAll();
        Subscriber.DetachAll();
        try
        {
            using var closeTimeout = new CancellationTokenSource(CloseGrace, TimeProvider);
            await Transport.CloseAsync(closeTimeout.Token).WaitAsync(CloseGrace, TimeProvider).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Logger.TransportCloseFailed(ex);
        }

        try
        {
            await Transport.DisposeAsync().AsTask().WaitAsync(CloseGrace, TimeProvider).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Logger.TransportCloseFailed(ex);
        }

        _ended.TrySetResult(end);
    }
}
