namespace Cfc.Wamp;

/// <summary>
/// Creating a client before the router is reachable: <see cref="Create"/> makes it, <see cref="StartAsync"/>
/// connects it later (a host starts it in the background; see docs/hosting.md).
/// </summary>
public sealed partial class WampClient
{
    private int _started;

    /// <summary>
    /// Makes a client without connecting it: it is <see cref="WampConnectionState.Disconnected"/> until
    /// <see cref="StartAsync"/> runs. Nothing goes on the network here, so it can be made while the router is down
    /// (e.g. when a dependency-injection container resolves it).
    /// </summary>
    /// <param name="options">Where and how to connect. Checked with <see cref="WampClientOptions.Validate"/>.</param>
    /// <returns>The client, not yet connected.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static WampClient Create(WampClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new WampClient(options);
    }

    /// <summary>
    /// Connects a client made by <see cref="Create"/> and joins the realm. With
    /// <see cref="WampReconnectOptions.RetryFirstConnect"/> it keeps trying (with the reconnect backoff) until it
    /// succeeds, the retries run out or the token is cancelled; work queued meanwhile waits for the session (up to
    /// <see cref="WampReconnectOptions.QueueTimeout"/>). Once connected, a lost connection is handled like any other.
    /// </summary>
    /// <param name="cancellationToken">Cancels connecting; the client then stays <see cref="WampConnectionState.Disconnected"/>.</param>
    /// <returns>A task that completes when the session is ready.</returns>
    /// <exception cref="InvalidOperationException">The client was started already (or made by <see cref="ConnectAsync"/>).</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <exception cref="WampException">Connecting failed (the client is then <see cref="WampConnectionState.Failed"/> and <see cref="LastError"/> says why).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"The client for {_options.Url} (realm '{_options.Realm}') was started already; a client connects once and then reconnects by itself.");
        }

        try
        {
            await ConnectFirstAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            EndFirstConnect(ex, cancelled: ex is OperationCanceledException && (cancellationToken.IsCancellationRequested || _stopping.IsCancellationRequested));
            throw;
        }
    }

    // The first connect of a started client failed: no session will come, so nobody may wait for one.
    private void EndFirstConnect(Exception error, bool cancelled)
    {
        lock (_gate)
        {
            ConnectionSnapshot now = _now;
            if (now.Stopped)
            {
                return;
            }

            SwapLocked(now with
            {
                State = cancelled ? WampConnectionState.Disconnected : WampConnectionState.Failed,
                LastError = cancelled ? now.LastError : error,
            });
            now.Next.TrySetException(error as WampException ?? WampErrors.ConnectFailed(cancelled, error, ErrorContext));
        }
    }
}
