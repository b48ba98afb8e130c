using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// A request answered by one acknowledgement carrying an id: SUBSCRIBE (SUBSCRIBED), REGISTER (REGISTERED),
/// PUBLISH with acknowledge (PUBLISHED), UNSUBSCRIBE and UNREGISTER. An optional hook runs on the reader loop
/// before anything else is read, so that the router id is wired up before the first EVENT or INVOCATION for it.
/// </summary>
internal sealed class PendingAck : PendingRequest
{
    private readonly TaskCompletionSource<long> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<long, bool>? _onReplyOnLoop;
    private WampSession? _session;
    private string _what = string.Empty;

    // onReplyOnLoop runs on the reader loop with the reply's id and whether the request was abandoned meanwhile.
    public PendingAck(long requestId, WampMessageType requestType, WampMessageType replyType, Action<long, bool>? onReplyOnLoop = null)
        : base(requestId)
    {
        RequestType = requestType;
        ReplyType = replyType;
        _onReplyOnLoop = onReplyOnLoop;
    }

    /// <inheritdoc />
    public override WampMessageType RequestType { get; }

    /// <inheritdoc />
    public override WampMessageType ReplyType { get; }

    public Task<long> Task => _tcs.Task;

    /// <summary>Binds the request to its session; <paramref name="what"/> names it in a timeout ("SUBSCRIBE to 'x'").</summary>
    public void Start(WampSession session, string what)
    {
        _session = session;
        _what = what;
    }

    /// <summary>Whether a late reply must still reach the hook (SUBSCRIBE, REGISTER: the router side is undone then).</summary>
    public bool NeedsLateReply => _onReplyOnLoop is not null && RequestType is WampMessageType.Subscribe or WampMessageType.Register;

    public override bool OnReply(WampMessage reply)
    {
        long id = reply switch
        {
            SubscribedMessage m => m.SubscriptionId,
            RegisteredMessage m => m.RegistrationId,
            PublishedMessage m => m.PublicationId,
            _ => 0,
        };

        bool won = TryComplete();
        _onReplyOnLoop?.Invoke(id, !won);
        if (won)
        {
            _tcs.TrySetResult(id);
        }

        return true;
    }

    public override void OnError(ErrorMessage error)
    {
        if (TryComplete())
        {
            _tcs.TrySetException(WampErrors.FromRouter(error));
        }
    }

    protected override void OnExpired()
    {
        WampSession session = _session!;
        session.ForgetAbandoned(this);
        _tcs.TrySetException(WampErrors.RequestTimedOut(_what, TimeoutLength, session.ErrorContext));
    }

    protected override void OnCanceled(CancellationToken cancellationToken)
    {
        _session!.ForgetAbandoned(this);
        _tcs.TrySetCanceled(cancellationToken);
    }

    public override void Fail(Exception exception)
    {
        // Nobody awaits an abandoned request's task; faulting it would only raise UnobservedTaskException.
        if (TryComplete())
        {
            _tcs.TrySetException(exception);
        }
    }
}
