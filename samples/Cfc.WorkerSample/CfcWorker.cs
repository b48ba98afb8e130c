using Cfc.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cfc.WorkerSample;

/// <summary>
/// The app's work: asks CFC for its status (the call waits while the client connects) and logs every tick.
/// The client comes from DI, already owned and connected by the host.
/// </summary>
public sealed partial class CfcWorker(CfcClient cfc, IHostApplicationLifetime lifetime, IOptions<WorkerSampleOptions> options, ILogger<CfcWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using IDisposable ticks = cfc.System.OnTick.Subscribe(t => LogTick(logger, t.Tick));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                SystemStatus status = await cfc.System.GetStatusAsync(stoppingToken);
                LogStatus(logger, status.Version, status.Tick, cfc.SessionId ?? 0);
                if (options.Value.StopAfterStatus)
                {
                    lifetime.StopApplication();
                    return;
                }
            }
            catch (CfcException ex)
            {
                // CFC is down or refused: the client keeps reconnecting; try again later.
                LogUnavailable(logger, cfc.State, ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CFC {Version} at tick {Tick} (session {SessionId})")]
    private static partial void LogStatus(ILogger logger, string? version, long? tick, long sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "tick {Tick}")]
    private static partial void LogTick(ILogger logger, long? tick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CFC unavailable ({State}): {Reason}")]
    private static partial void LogUnavailable(ILogger logger, CfcConnectionState state, string reason);
}
