using System.Text.Json;
using System.Threading.Channels;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// One CALL waiting for its RESULT. Ends exactly once: final RESULT, ERROR, timeout (CANCEL sent),
/// cancellation (CANCEL sent, the task ends at once), a failed write or session end. The timeout and the token
/// count from the start, even while the CALL waits to be written; CANCEL goes out only once the CALL is written. With progressive results, the
/// progress callbacks and then the final result go through one queue drained off the reader loop, so
/// they arrive in order and a slow callback never stalls the reader.
/// </summary>
internal sealed class PendingCall : PendingRequest
{
    private const int NotWritten = 0;
    private const int Written = 1;
    private const int CancelOwed = 2;

    private readonly TaskCompletionSource<WampResult> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Caller _caller;
    // Only a call that asked for progressive results has one (most calls: one field, not two, per pending call).
    private readonly ProgressQueue? _progress;
    // NotWritten -> Written, or NotWritten -> CancelOwed (given up before the CALL was on the wire) -> Written.
    private int _writeState;

    public PendingCall(Caller caller, long requestId, string procedure, WampCancelMode cancelMode, Action<WampResult>? onProgress)
        : base(requestId)
    {
        _caller = caller;
        Procedure = procedure;
        CancelMode = cancelMode;
        if (onProgress is not null)
        {
            _progress = new ProgressQueue(onProgress);
            Background.Forget(PumpAsync());
        }
    }

    /// <inheritdoc />
    public override WampMessageType RequestType => WampMessageType.Call;

    /// <inheritdoc />
    public override WampMessageType ReplyType => WampMessageType.Result;

    public string Procedure { get; }

    public WampCancelMode CancelMode { get; }

    public Task<WampResult> Task => _tcs.Task;

    public override bool OnReply(WampMessage reply)
    {
        var m = (ResultMessage)reply;
        bool progress = m.Details.TryGetProperty("progress", out JsonElement p) && p.ValueKind == JsonValueKind.True;
        var result = new WampResult(m.Payload, m.Details, progress);
        if (progress)
        {
            // Progress without having asked for it is dropped; so is progress after the caller gave up.
            if (_progress is not null && IsWaiting)
            {
                _progress.Queue.Writer.TryWrite(result);
            }

            return false;
        }

        if (_progress is not null)
        {
            // The final result queues behind the progress callbacks so the task completes after them.
            _progress.Queue.Writer.TryWrite(result);
            _progress.Queue.Writer.TryComplete();
        }
        else if (TryComplete())
        {
            Cleanup();
            SetResult(result);
        }

        return true;
    }

    public override void OnError(ErrorMessage error)
    {
        if (TryComplete())
        {
            Cleanup();
            SetException(WampErrors.FromRouter(error));
        }
    }

    public override void Fail(Exception exception)
    {
        if (TryComplete())
        {
            Cleanup();
            SetException(exception);
        }
    }

    /// <summary>The CALL is on the wire: a CANCEL owed by a caller that gave up meanwhile goes out now.</summary>
    public override void OnWritten()
    {
        if (Interlocked.Exchange(ref _writeState, Written) == CancelOwed)
        {
            _caller.SendCancel(this);
        }
    }

    protected override void OnCanceled(CancellationToken cancellationToken)
    {
        _caller.Forget(this);
        Cleanup();
        bool written = OweCancel();
        SetCanceled(cancellationToken);
        if (written)
        {
            _caller.SendCancel(this);
        }
    }

    protected override void OnExpired()
    {
        _caller.Forget(this);
        Cleanup();
        bool written = OweCancel();
        SetException(_caller.TimedOut(this, TimeoutLength, written));
        if (written)
        {
            _caller.SendCancel(this);
        }
    }

    // The router must hear of the abandoned call only if it has seen the CALL: true means cancel now; otherwise
    // the CANCEL goes out if the write completes later (a CALL dropped from the queue needs none).
    private bool OweCancel() => Interlocked.CompareExchange(ref _writeState, CancelOwed, NotWritten) != NotWritten;

    private void Cleanup() => _progress?.Queue.Writer.TryComplete();

    // Every way a call ends goes through one of these three (the outcome was claimed once, so each runs at most once).
    private void SetResult(WampResult result)
    {
        _caller.Ended();
        _tcs.TrySetResult(result);
    }

    private void SetException(Exception exception)
    {
        _caller.Ended();
        _tcs.TrySetException(exception);
    }

    private void SetCanceled(CancellationToken cancellationToken)
    {
        _caller.Ended();
        _tcs.TrySetCanceled(cancellationToken);
    }

    private async Task PumpAsync()
    {
        ProgressQueue progress = _progress!;
        ChannelReader<WampResult> reader = progress.Queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out WampResult? result))
            {
                if (!result.IsProgress)
                {
                    if (TryComplete())
                    {
                        Cleanup();
                        SetResult(result);
                    }

                    return;
                }

                if (!IsWaiting)
                {
                    continue;
                }

                try
                {
                    progress.Handler(result);
                }
                catch (Exception ex)
                {
                    _caller.ProgressHandlerFailed(this, ex);
                }
            }
        }
    }

    /// <summary>The progress callback and the queue that keeps its results in order ahead of the final one.</summary>
    private sealed class ProgressQueue(Action<WampResult> handler)
    {
        public Action<WampResult> Handler { get; } = handler;

        public Channel<WampResult> Queue { get; } = Channel.CreateUnbounded<WampResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    }
}
