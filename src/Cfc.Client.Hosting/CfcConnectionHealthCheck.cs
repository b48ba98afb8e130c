using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cfc.Client.Hosting;

/// <summary>
/// Reports a hosted client's connection: Healthy when connected, Degraded while connecting or reconnecting
/// (calls wait for the session), and the registration's failure status when disconnected or failed (with the last error).
/// </summary>
internal sealed class CfcConnectionHealthCheck(CfcClientHandle handle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        CfcClient client = handle.Client;
        CfcConnectionState state = client.State;
        var data = new Dictionary<string, object>
        {
            ["state"] = state.ToString(),
            ["uriScheme"] = client.UriScheme.ToString(),
        };
        if (client.SessionId is { } session)
        {
            data["sessionId"] = session;
        }

        HealthCheckResult result = state switch
        {
            CfcConnectionState.Connected => HealthCheckResult.Healthy($"Connected to CFC (session {client.SessionId}).", data),
            CfcConnectionState.Connecting or CfcConnectionState.Reconnecting => HealthCheckResult.Degraded(
                $"{state}: calls wait for the session." + (client.LastError is { } last ? $" Last error: {last.Message}" : string.Empty), client.LastError, data),
            _ => new HealthCheckResult(
                context.Registration.FailureStatus,
                $"{state}." + (client.LastError is { } error ? $" {error.Message}" : " The client has not been started (is the host running?)."),
                client.LastError,
                data),
        };
        return Task.FromResult(result);
    }
}
