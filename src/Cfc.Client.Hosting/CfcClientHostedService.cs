using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Hosting;

/// <summary>
/// Owns a hosted client's connection: starts connecting in the background when the host starts (so the host
/// starts even while CFC is unreachable) and closes the client when the host stops, within the host's
/// shutdown timeout (the token <see cref="StopAsync"/> gets).
/// </summary>
internal sealed partial class CfcClientHostedService(CfcClientHandle handle, ILogger<CfcClientHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _connecting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CfcClient client = handle.Client;
        // Not Task.Run: the client must be Connecting when this returns, so that work done right after the host
        // started waits for the session instead of failing as "not connected". Only the first step runs here.
        _connecting = ConnectAsync(client);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // DisposeAsync says GOODBYE (bounded by the request timeout); the host's token bounds it further.
            await handle.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogShutdownTimedOut(logger, DisplayName);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private string DisplayName => handle.Name.Length == 0 ? "CfcClient" : $"CfcClient '{handle.Name}'";

    private async Task ConnectAsync(CfcClient client)
    {
        try
        {
            await client.StartAsync(_stopping.Token).ConfigureAwait(false);
            LogConnected(logger, DisplayName, client.SessionId ?? 0);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host stopped before CFC answered.
        }
        catch (ObjectDisposedException)
        {
            // The client was disposed while connecting.
        }
        catch (Exception ex)
        {
            // Retries ran out or authentication was refused: the client stays Failed (the health check reports it).
            LogConnectFailed(logger, DisplayName, ex);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Client} connected (session {SessionId})")]
    private static partial void LogConnected(ILogger logger, string client, long sessionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "{Client} could not connect and will not retry; it stays Failed until the app restarts")]
    private static partial void LogConnectFailed(ILogger logger, string client, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Client} did not close within the host's shutdown timeout; the connection is abandoned")]
    private static partial void LogShutdownTimedOut(ILogger logger, string client);
}
