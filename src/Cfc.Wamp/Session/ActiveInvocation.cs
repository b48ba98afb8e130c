using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>
/// One INVOCATION being handled: runs the handler on the thread pool (never on the reader loop) and answers
/// exactly once with YIELD or ERROR. INTERRUPT cancels the handler's token; for mode <c>kill</c> a
/// cancelled handler is answered with <c>wamp.error.canceled</c>, for <c>killnowait</c> nothing is sent
/// (the dealer has already answered the caller and drops late replies).
/// </summary>
internal sealed class ActiveInvocation : WampInvocation, IThreadPoolWorkItem
{
    private readonly Callee _callee;
    private readonly WampSession _session;
    private readonly ClientRegistration _registration;
    private readonly InvocationMessage _message;
    private readonly CancellationTokenSource _cts;
    private string? _interruptMode;
    private int _finished;

    public ActiveInvocation(Callee callee, WampSession session, ClientRegistration registration, InvocationMessage message)
    {
        _callee = callee;
        _session = session;
        _registration = registration;
        _message = message;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(session.Lifetime);
        Procedure = WampSession.StringOrNull(message.Details, "procedure") ?? registration.Procedure;
        ReceiveProgress = message.Details.TryGetProperty("receive_progress", out JsonElement p) && p.ValueKind == JsonValueKind.True;
    }

    public long RequestId => _message.RequestId;

    public override string Procedure { get; }

    public override WampPayload Payload => _message.Payload;

    public override JsonElement Details => _message.Details;

    public override bool ReceiveProgress { get; }

    public override async ValueTask SendProgressAsync(WampPayload payload, CancellationToken cancellationToken = default)
    {
        if (!ReceiveProgress)
        {
            return;
        }

        if (Volatile.Read(ref _finished) != 0)
        {
            throw new InvalidOperationException($"The invocation of '{Procedure}' has already been answered; no more progress can be sent.");
        }

        await _session.SendAsync(new YieldMessage(RequestId, OptionsJson.Progress, payload), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>INTERRUPT from the dealer (reader loop): cancel the handler's token.</summary>
    public void Interrupt(string mode)
    {
        Volatile.Write(ref _interruptMode, mode);
        try
        {
            // Asynchronously: INTERRUPT arrives on the reader loop, and the handler's cancellation callbacks are user code.
            Background.Run(_cts.CancelAsync(), _session.Logger, $"interrupting the handler of '{Procedure}'");
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }
    }

    /// <summary>Session end: stop the handler; nothing can be answered any more.</summary>
    public void Abandon() => Interrupt("killnowait");

    // Not through Background.Run: this is the per-invocation hot path, and RunAsync reports every failure itself (a
    // failing handler is answered and logged, a failing send is logged), so there is nothing left to observe.
    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        WampMessage? answer;
        try
        {
            WampPayload result = await _registration.Handler(this, _cts.Token).ConfigureAwait(false);
            answer = Volatile.Read(ref _interruptMode) is null or "kill" ? new YieldMessage(RequestId, WampJson.EmptyObject, result) : null;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            answer = Volatile.Read(ref _interruptMode) == "kill" ? Error(WampErrorUris.Canceled, default) : null;
        }
        catch (WampException ex)
        {
            answer = Error(ex.ErrorUri, ex.Payload);
        }
        catch (Exception ex)
        {
            _session.Logger.InvocationHandlerFailed(Procedure, ex);
            answer = Error(WampErrorUris.RuntimeError, new WampPayloadBuilder().Add(ex.Message).Build());
        }

        Volatile.Write(ref _finished, 1);

        // The slot is freed before the answer is sent: the router may route the caller's next INVOCATION as soon as
        // it has the YIELD, before SendAnswerAsync returns, and that invocation must not find the slot still taken.
        _callee.Finished(this);
        _registration.Exit();
        try
        {
            if (answer is not null)
            {
                // Queued, not awaited: the writer sends it (or, when it is over the size limit, an ERROR in its place).
                _session.PostAnswer(answer);
            }
        }
        finally
        {
            _cts.Dispose();
        }
    }

    private ErrorMessage Error(string uri, WampPayload payload) => new(WampMessageType.Invocation, RequestId, WampJson.EmptyObject, uri, payload);
}
