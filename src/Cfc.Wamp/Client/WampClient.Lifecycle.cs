using System.Runtime.ExceptionServices;
using Cfc.Wamp.Reconnect;
using Cfc.Wamp.Session;
using Cfc.Wamp.Transport;
using Polly;

namespace Cfc.Wamp;

/// <summary>
/// The connection lifecycle: opening and attaching sessions, noticing their end, the reconnect loop and the
/// queue of work that waits for a session while reconnecting.
/// </summary>
public sealed partial class WampClient
{
    private const string SystemShutdown = WampErrorUris.CloseSystemShutdown;

    // Serializes the swaps of the lifecycle snapshot (readers never take it).
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ResiliencePipeline? _pipeline;
    private ConnectionSnapshot _now = ConnectionSnapshot.Initial();
    private int _disposed;
    private int _plaintextWarned;

    /// <summary>The lifecycle as it is now (one consistent snapshot, read without a lock).</summary>
    private ConnectionSnapshot Now => Volatile.Read(ref _now);

    /// <summary>
    /// Opens a transport and a session (HELLO .. WELCOME), bounded by the connect timeout and the token. The
    /// session is not yet attached: a reconnect attempt calls this, then <see cref="AttachSessionAsync"/>.
    /// </summary>
    internal async Task<WampSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        IWampTransportFactory factory = _options.TransportFactory ?? CreateDefaultTransportFactory();
        var settings = new WampTransportSettings
        {
            MaxMessageSize = _options.MaxMessageSize,
            KeepAliveInterval = _options.KeepAliveInterval,
            KeepAliveTimeout = _options.KeepAliveTimeout,
            ConfigureWebSocket = _options.ConfigureWebSocket,
            TimeProvider = _options.TimeProvider,
            Tls = _options.Tls,
            AllowRedirects = _options.AllowRedirects,
            SendsCredentials = !ReferenceEquals(_options.Authenticator, WampAuthenticator.Anonymous) || _options.ConfigureWebSocket is not null
                || _options.Tls?.ClientCertificates is { Count: > 0 },
        };

        WarnIfSecretOverPlaintext();
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        IWampTransport? transport = null;
        WampSession? session = null;
        System.Diagnostics.Activity? join = WampInstruments.StartJoin(_options.Url!, _options.Realm!);
        try
        {
            WampTransportConnection connection = await factory.ConnectAsync(_options.Url!, _options.Serializers, settings, linked.Token).ConfigureAwait(false);
            transport = connection.Transport;
            session = new WampSession(_options, transport, Serialization.WampSerializers.Get(connection.Serializer), _logger);
            await session.HandshakeAsync(linked.Token).ConfigureAwait(false);
            WampInstruments.JoinEnded(join, session.SessionId, null);
            return session;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is not WampAuthenticationException)
        {
            session?.Writer.Complete();
            await CloseQuietlyAsync(transport, session?.CloseGrace ?? _options.CloseGrace).ConfigureAwait(false);
            WampInstruments.JoinEnded(join, null, ex);
            throw WampErrors.ConnectTimedOut(_options.ConnectTimeout, transportOpened: transport is not null, ErrorContext);
        }
        catch (Exception ex)
        {
            session?.Writer.Complete();
            await CloseQuietlyAsync(transport, session?.CloseGrace ?? _options.CloseGrace).ConfigureAwait(false);
            WampInstruments.JoinEnded(join, null, ex);
            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="session"/>'s reader loop, restores every subscription and registration on it (new
    /// router ids), then makes it the ready session: <see cref="WampConnectionState.Connected"/>, and the work
    /// queued while reconnecting goes on. Throws when the session ended meanwhile (the attempt failed).
    /// </summary>
    internal async Task AttachSessionAsync(WampSession session, CancellationToken cancellationToken)
    {
        session.Start(OnSessionEnded);
        await Registry.RestoreAsync(session, _logger, OnRestoreFailed, cancellationToken).ConfigureAwait(false);
        ConnectionSnapshot before;
        lock (_gate)
        {
            before = _now;
            if (before.Stopped)
            {
                throw new OperationCanceledException("The client was closed or disposed while connecting.");
            }

            if (session.IsEnded)
            {
                throw session.ConnectionLost("it ended while its subscriptions and registrations were being restored", null);
            }

            SwapLocked(before with { State = WampConnectionState.Connected, Ready = session, JoinedAt = _options.TimeProvider.GetTimestamp(), Attempt = 0 });
            before.Next.TrySetResult(session);
        }

        int attempts = before.Attempt;
        if (before.LastError is not null)
        {
            _logger.Reconnected(_options.Url!, session.SessionId, attempts);
            WampInstruments.Reconnected(_options.Realm);
        }
    }

    private async Task ConnectFirstAsync(CancellationToken cancellationToken)
    {
        SetState(WampConnectionState.Connecting);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        if (_options.Reconnect is { RetryFirstConnect: true })
        {
            if (await RunAttemptsAsync(0, linked.Token).ConfigureAwait(false) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return;
        }

        Swap(now => now with { Attempt = 1 });
        WampSession session = await OpenSessionAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await AttachSessionAsync(session, linked.Token).ConfigureAwait(false);
        }
        catch
        {
            await session.AbandonAsync("connecting failed").ConfigureAwait(false);
            throw;
        }
    }

    // Runs once per session, right after its pending requests failed. Decides: reconnect, or stop for good.
    private void OnSessionEnded(WampSession session, SessionEnd end)
    {
        Exception error;
        lock (_gate)
        {
            ConnectionSnapshot now = _now;
            if (now.Ready != session)
            {
                // Never became ready: the attempt that opened it sees the failure and handles it.
                return;
            }

            if (end.Kind == SessionEndKind.ClosedByClient || now.Stopped)
            {
                SwapLocked(now with { State = WampConnectionState.Disconnected, Ready = null });
                return;
            }

            error = ErrorFor(end, session);
            if (_pipeline is not null && IsRetryable(end))
            {
                // Flap damping: a session that died soon after joining does not start the backoff over.
                bool shortLived = _options.TimeProvider.GetElapsedTime(now.JoinedAt) < _options.Reconnect!.StableAfter;
                int flapsInARow = shortLived ? Math.Min(now.Flaps + 1, 64) : 0;
                SwapLocked(now with
                {
                    State = WampConnectionState.Reconnecting,
                    Ready = null,
                    Next = ConnectionSnapshot.NewWaiter(),
                    LastError = error,
                    Flaps = flapsInARow,
                });
                _logger.Reconnecting(_options.Url!, end.Reason);
                CancellationToken stopping = _stopping.Token;
                int flaps = Math.Max(0, flapsInARow - 1);
                SwapLocked(_now with { Loop = Task.Run(() => ReconnectLoopAsync(session, flaps, stopping), CancellationToken.None) });
                return;
            }

            // The router meant it (GOODBYE, ABORT), or reconnect is off: no new session will come.
            SwapLocked(now with
            {
                State = _pipeline is not null && end.Kind == SessionEndKind.RouterAbort ? WampConnectionState.Failed : WampConnectionState.Disconnected,
                Ready = null,
                LastError = error,
            });
            now.Next.TrySetException(error);
        }

        if (_pipeline is not null)
        {
            _logger.EndedByRouter(_options.Url!, end.Reason);
        }

        Registry.EndAll(WampErrors.EndedForGood(error, end.EndReason, end.ReasonUri));
    }

    // flaps: how many sessions before this one in a row ended within StableAfter of joining; the backoff goes on from there.
    private async Task ReconnectLoopAsync(WampSession ended, int flaps, CancellationToken stopping)
    {
        try
        {
            // The old session's router ids must be void before the restore (its end finishes in the background).
            try
            {
                await ended.Completion.WaitAsync(ended.EndBound, _options.TimeProvider, stopping).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Its transport is slow to close; the ids were voided before that step anyway.
            }

            WampReconnectOptions reconnect = _options.Reconnect!;
            if (reconnect.Pipeline is null)
            {
                // autobahn waits the (jittered) initial delay before the first attempt after a loss.
                await Task.Delay(ReconnectBackoff.Delay(reconnect, flaps, Random.Shared), _options.TimeProvider, stopping).ConfigureAwait(false);
            }

            if (await RunAttemptsAsync(1 + flaps, stopping).ConfigureAwait(false) is { } failure)
            {
                GiveUp(failure);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Closed or disposed while reconnecting.
        }
        catch (Exception ex)
        {
            GiveUp(ex);
        }
    }

    // Runs attempts through the pipeline. Returns null once a session is ready, else why it gave up
    // (authentication refused: at once; anything else: when the pipeline stopped retrying).
    private async Task<Exception?> RunAttemptsAsync(int delayOffset, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(ReconnectPipeline.DelayOffset, delayOffset);
            ResiliencePipeline pipeline = _pipeline ?? ResiliencePipeline.Empty;
            Outcome<Exception?> outcome = await pipeline.ExecuteOutcomeAsync(
                static (ctx, client) => client.AttemptAsync(ctx.CancellationToken), context, this).ConfigureAwait(false);
            if (outcome.Exception is { } ex)
            {
                if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    ExceptionDispatchInfo.Throw(ex);
                }

                return ex;
            }

            return outcome.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One attempt: open, join, restore. An authentication failure is a result (never retried); other failures throw.
    private async ValueTask<Outcome<Exception?>> AttemptAsync(CancellationToken cancellationToken)
    {
        int attempt;
        lock (_gate)
        {
            attempt = _now.Attempt + 1;
            SwapLocked(_now with { Attempt = attempt });
        }

        _logger.Attempt(_options.Url!, attempt);
        WampSession? session = null;
        try
        {
            session = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            await AttachSessionAsync(session, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult<Exception?>(null);
        }
        catch (WampAuthenticationException ex)
        {
            _logger.AuthenticationRefused(_options.Url!, ex);
            return Outcome.FromResult<Exception?>(ex);
        }
        catch (Exception ex)
        {
            if (session is not null)
            {
                await session.AbandonAsync("the connect attempt failed").ConfigureAwait(false);
            }

            if (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.AttemptFailed(_options.Url!, attempt, ex);
                Swap(now => now with { LastError = ex });
            }

            return Outcome.FromException<Exception?>(ex);
        }
    }

    private void GiveUp(Exception failure)
    {
        int attempts = Now.Attempt;
        if (failure is not WampAuthenticationException)
        {
            _logger.GaveUp(_options.Url!, attempts, failure);
        }

        WampConnectionLostException lost = WampErrors.GaveUp(failure, attempts, ErrorContext);

        lock (_gate)
        {
            ConnectionSnapshot now = _now;
            if (now.Stopped)
            {
                return;
            }

            SwapLocked(now with { State = WampConnectionState.Failed, LastError = failure });
            now.Next.TrySetException(lost);
        }

        Registry.EndAll(lost);
    }

    private bool TryGetReadySession(out WampSession session)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        session = Now.Ready!;
        return session is not null && !session.IsEnded;
    }

    /// <summary>
    /// The ready session, or (while connecting or reconnecting) the next one, once its subscriptions and
    /// registrations are restored; bounded by <see cref="WampReconnectOptions.QueueTimeout"/> and the token.
    /// </summary>
    private async ValueTask<WampSession> GetSessionAsync(string what, CancellationToken cancellationToken)
    {
        if (TryGetReadySession(out WampSession session))
        {
            return session;
        }

        cancellationToken.ThrowIfCancellationRequested();
        long started = _options.TimeProvider.GetTimestamp();
        while (true)
        {
            TaskCompletionSource<WampSession> waiter;
            WampConnectionState state;
            lock (_gate)
            {
                if (TryGetReadySession(out session))
                {
                    return session;
                }

                waiter = _now.Next;
                state = _now.State;
            }

            if (_options.Reconnect is not { } reconnect || state is WampConnectionState.Disconnected or WampConnectionState.Failed)
            {
                throw NotConnected(what, state);
            }

            TimeSpan left = reconnect.QueueTimeout - _options.TimeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw QueueTimedOut(what, reconnect);
            }

            if (waiter.Task.IsCompletedSuccessfully)
            {
                // The ready session ended a moment ago and its end is being reported; the next waiter comes at once.
                await Task.Yield();
                continue;
            }

            try
            {
                await waiter.Task.WaitAsync(left, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw QueueTimedOut(what, reconnect);
            }
        }
    }

    private WampConnectionLostException NotConnected(string what, WampConnectionState state)
    {
        return WampErrors.NotConnected(what, state, LastError, ErrorContext);
    }

    private WampTimeoutException QueueTimedOut(string what, WampReconnectOptions reconnect) =>
        WampErrors.QueueTimedOut(what, reconnect.QueueTimeout, ReconnectAttempt, LastError, ErrorContext);

    // Where this client's errors happened, before a session exists (router and realm).
    private WampErrorContext ErrorContext => WampErrorContext.Of(_options);

    // Stops the reconnect loop for good (close or dispose) and waits, bounded, until it has.
    private async Task StopAsync()
    {
        Task loop;
        lock (_gate)
        {
            SwapLocked(_now with { Stopped = true });
            loop = _now.Loop;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.WaitAsync(_options.ReconnectStopTimeout, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // An attempt stuck in a transport that ignores cancellation; it finds the client stopped when it returns.
        }

        FailWaiters(WampErrors.ClosedWhileConnecting(ErrorContext));
    }

    private void FailWaiters(Exception error)
    {
        Now.Next.TrySetException(error);
    }

    private static Exception ErrorFor(SessionEnd end, WampSession session) =>
        WampErrors.SessionEnded(end.EndReason, end.Reason, end.ReasonUri, end.Cause, session.ErrorContext);

    // A lost connection or a broken peer is worth another try; a router that said goodbye or aborted meant it,
    // except for GOODBYE system_shutdown, which is what a restarting router says.
    private static bool IsRetryable(SessionEnd end) => end.Kind switch
    {
        SessionEndKind.ConnectionLost or SessionEndKind.ProtocolViolation => true,
        SessionEndKind.RouterGoodbye => end.ReasonUri == SystemShutdown,
        _ => false,
    };

    private void SetState(WampConnectionState state) => Swap(now => now with { State = state });

    // Builds the next snapshot from the current one and swaps it in.
    private void Swap(Func<ConnectionSnapshot, ConnectionSnapshot> change)
    {
        lock (_gate)
        {
            SwapLocked(change(_now));
        }
    }

    // Under the gate: swaps in the next snapshot and reports a state change (log, StateChanges) in order.
    private void SwapLocked(ConnectionSnapshot next)
    {
        ConnectionSnapshot before = _now;
        Volatile.Write(ref _now, next);
        if (before.State == next.State)
        {
            return;
        }

        WampConnectionState state = next.State;
        if (Volatile.Read(ref _disposed) != 0)
        {
            // The application closed the client: an expected end, not news for the Information log.
            _logger.StateChangedOnDispose(state);
        }
        else
        {
            _logger.StateChanged(state);
        }
        _states.OnNext(state);
    }

    // Once per client: a ticket or WAMP-CRA secret (or its HMAC, open to offline guessing) about to cross a plain connection.
    private void WarnIfSecretOverPlaintext()
    {
        if (_options.Url!.Scheme is "wss" or "rss" || Volatile.Read(ref _plaintextWarned) != 0)
        {
            return;
        }

        foreach (string method in _options.Authenticator.AuthMethods)
        {
            if (method is "ticket" or "wampcra" && Interlocked.Exchange(ref _plaintextWarned, 1) == 0)
            {
                _logger.SecretOverPlaintext(method, _options.Url);
                return;
            }
        }
    }

    // Each step bounded by the close grace (on the options' clock).
    private async Task CloseQuietlyAsync(IWampTransport? transport, TimeSpan grace)
    {
        if (transport is null)
        {
            return;
        }

        try
        {
            using var closing = new CancellationTokenSource(grace, _options.TimeProvider);
            await transport.CloseAsync(closing.Token).WaitAsync(grace, _options.TimeProvider).ConfigureAwait(false);
            await transport.DisposeAsync().AsTask().WaitAsync(grace, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: the connection is being given up anyway.
        }
    }
}
