using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cfc.Client.Hosting;

/// <summary>Adds a health check for a hosted <see cref="CfcClient"/>'s connection.</summary>
public static class CfcHealthChecksBuilderExtensions
{
    /// <summary>
    /// Reports the connection of the client registered by <c>AddCfcClient</c> (or, with <paramref name="serviceKey"/>,
    /// by <c>AddKeyedCfcClient</c>): Healthy when connected, Degraded while (re)connecting, <paramref name="failureStatus"/>
    /// when disconnected or failed.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default: <c>cfc</c> (or <c>cfc-&lt;key&gt;</c>).</param>
    /// <param name="serviceKey">The key of a keyed client, or <see langword="null"/> for the unkeyed one.</param>
    /// <param name="failureStatus">The status when disconnected or failed. Default: <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags for filtering (e.g. <c>"ready"</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddCfcConnectionCheck(
        this IHealthChecksBuilder builder, string? name = null, string? serviceKey = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string key = serviceKey ?? Options.DefaultName;
        return builder.Add(new HealthCheckRegistration(
            name ?? (serviceKey is null ? "cfc" : "cfc-" + serviceKey),
            sp => new CfcConnectionHealthCheck(sp.GetRequiredKeyedService<CfcClientHandle>(key)),
            failureStatus,
            tags));
    }
}
