using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// A registration as the application holds it. It lives in the client's registry across sessions; while
/// attached to a session it knows the router's registration id there.
/// </summary>
internal sealed class ClientRegistration : WampRegistration, IClientEntry
{
    private readonly WampClient _client;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RouterAttachment _attachment = new();
    private int _disposed;
    private int _running;
    private long _refused;

    public ClientRegistration(WampClient client, string procedure, WampRegisterOptions? options, WampInvocationHandler handler)
    {
        _client = client;
        Procedure = procedure;
        Options = options;
        Handler = handler;
        Background.Forget(_completion.Task);
    }

    public override string Procedure { get; }

    public WampRegisterOptions? Options { get; }

    public WampInvocationHandler Handler { get; }

    /// <summary>The most invocations of this registration that run at once.</summary>
    public int MaxConcurrentInvocations => Options?.MaxConcurrentInvocations ?? WampRegisterOptions.DefaultMaxConcurrentInvocations;

    /// <summary>Claims a slot for one invocation; false when <see cref="MaxConcurrentInvocations"/> are running.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _running) > MaxConcurrentInvocations)
        {
            Interlocked.Decrement(ref _running);
            return false;
        }

        return true;
    }

    /// <summary>Releases the slot of a finished invocation.</summary>
    public void Exit() => Interlocked.Decrement(ref _running);

    /// <summary>Counts an invocation refused for lack of a slot; returns the count so far.</summary>
    public long CountRefused() => Interlocked.Increment(ref _refused);

    public override long? RegistrationId => _attachment.RouterId;

    public override Task Completion => _completion.Task;

    public bool IsEnded => _completion.Task.IsCompleted;

    string IClientEntry.Uri => Procedure;

    string IClientEntry.Description => $"the registration of '{Procedure}'";

    Task IClientEntry.PlaceAsync(WampSession session, CancellationToken cancellationToken) => session.Callee.RegisterAsync(this, cancellationToken);

    Task IClientEntry.RemoveAsync(WampSession session, CancellationToken cancellationToken) => session.Callee.UnregisterAsync(this, cancellationToken);

    void IClientEntry.LogRemoveFailed(ILogger logger, Exception exception, bool endedWithSession)
    {
        if (endedWithSession)
        {
            logger.UnregisterEndedWithSession(Procedure, exception);
        }
        else
        {
            logger.UnregisterFailed(Procedure, exception);
        }
    }

    WampRestoreFailedEventArgs IClientEntry.RestoreFailed(long sessionId, WampException error) => new(null, this, sessionId, error);

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.RemoveAsync(this).ConfigureAwait(false);
        }
    }

    public void Attach(WampSession session, long routerId) => _attachment.Attach(session, routerId);

    public void Detach(WampSession session) => _attachment.Detach(session);

    public bool TryGetAttachment(out WampSession session, out long routerId) => _attachment.TryGet(out session, out routerId);

    public void Complete() => _completion.TrySetResult();

    /// <summary>Lost for good (revoked, or not restorable): leaves the registry and faults <see cref="Completion"/>.</summary>
    public void Revoke(Exception exception)
    {
        _client.Registry.Remove(this);
        Fault(exception);
    }

    public void Fault(Exception exception) => _completion.TrySetException(exception);
}
