using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>The caller role: CALL, RESULT/ERROR, progressive results, timeouts and CANCEL.</summary>
internal sealed class Caller
{
    private readonly WampSession _session;
    private int _outstanding;

    public Caller(WampSession session) => _session = session;

    public Task<WampResult> CallAsync(string procedure, WampPayload payload, WampCallOptions? options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<WampResult>(cancellationToken);
        }

        long id = _session.Ids.Next();
        WampCancelMode mode = options?.CancelMode ?? _session.Options.CancelMode;
        Action<WampResult>? onProgress = options?.OnProgress;
        var call = new PendingCall(this, id, procedure, mode, onProgress);
        var message = new CallMessage(id, OptionsJson.Call(onProgress is not null, options?.DiscloseMe == true), procedure, payload);
        TimeSpan timeout = options?.Timeout ?? _session.Options.CallTimeout;
        return SendAndWaitAsync(call, message, timeout, cancellationToken);
    }

    /// <summary>Sends CANCEL for a call the caller gave up on (only when the dealer announced call_canceling).</summary>
    public void SendCancel(PendingCall call)
    {
        if (!_session.DealerCancels)
        {
            _session.Logger.CancelNotSupported(call.Procedure);
            return;
        }

        // Queued, never dropped: there is at most one CANCEL per call the application made.
        _session.Post(new CancelMessage(call.RequestId, OptionsJson.Cancel(call.CancelMode)));
    }

    /// <summary>The caller gave up on the call: it leaves the pending table (a late RESULT or ERROR is dropped by id).</summary>
    public void Forget(PendingCall call) => _session.ForgetAbandoned(call);

    public WampTimeoutException TimedOut(PendingCall call, TimeSpan timeout, bool written) =>
        WampErrors.CallTimedOut(
            call.Procedure,
            timeout,
            Math.Max(0, Volatile.Read(ref _outstanding) - 1),
            !written ? "the CALL was still waiting to be written (the connection took no data), so no CANCEL was sent." : _session.DealerCancels ? $"a CANCEL ({OptionsJson.Cancel(call.CancelMode).GetProperty("mode").GetString()}) was sent." : "the dealer does not support CANCEL.",
            _session.ErrorContext);

    public void ProgressHandlerFailed(PendingCall call, Exception exception) => _session.Logger.ProgressHandlerFailed(call.Procedure, exception);

    /// <summary>A call ended (whichever way): it no longer counts as outstanding.</summary>
    public void Ended() => Interlocked.Decrement(ref _outstanding);

    // No async state machine per call: the caller awaits the pending call's own task (one completion, one hop fewer).
    private Task<WampResult> SendAndWaitAsync(PendingCall call, CallMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            _session.AddPending(call);
        }
        catch (WampConnectionLostException ex)
        {
            return Task.FromException<WampResult>(ex);
        }

        // Counted for the timeout message in O(1) (counting the pending table on every timeout made them O(n^2));
        // the call takes itself off when it ends.
        Interlocked.Increment(ref _outstanding);

        // Armed before the CALL is queued: a write the peer never takes (it stopped reading, keep-alive off) must
        // not hold the caller beyond its timeout or token. A CALL given up before its turn is dropped from the queue.
        call.Arm(timeout, _session.Deadlines, cancellationToken);
        _session.EnqueueRequest(message, call);
        return call.Task;
    }
}
