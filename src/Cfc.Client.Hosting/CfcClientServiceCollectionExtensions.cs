using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cfc.Client.Hosting;

/// <summary>Registers <see cref="CfcClient"/>s in a service collection.</summary>
/// <example>
/// <code>
/// builder.Services.AddCfcClient(builder.Configuration.GetSection("Cfc"));
/// builder.Services.AddKeyedCfcClient("lab", builder.Configuration.GetSection("Lab"));
/// builder.Services.AddHealthChecks().AddCfcConnectionCheck();
/// </code>
/// </example>
public static class CfcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="CfcClient"/> bound from <paramref name="configuration"/> (keys <c>Url</c>,
    /// <c>Realm</c>, <c>UriScheme</c>, <c>Serializer</c>, <c>Authentication:*</c>, timeouts, <c>Reconnect:*</c>; see
    /// <see cref="CfcHostedClientOptions"/>) and a hosted service that connects it in the background.
    /// Resolving the client never waits for the network.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>builder.Configuration.GetSection("Cfc")</c>.</param>
    /// <param name="configure">Adjusts the bound options in code (optional).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCfcClient(this IServiceCollection services, IConfiguration configuration, Action<CfcHostedClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(services, null, configuration, configure);
    }

    /// <summary>Registers a singleton <see cref="CfcClient"/> configured in code, and a hosted service that connects it in the background.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="CfcHostedClientOptions.Url"/>).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCfcClient(this IServiceCollection services, Action<CfcHostedClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, null, null, configure);
    }

    /// <summary>
    /// Registers a keyed singleton <see cref="CfcClient"/> (resolve it with <c>[FromKeyedServices("lab")]</c> or
    /// <c>GetRequiredKeyedService&lt;CfcClient&gt;("lab")</c>), e.g. one per management realm.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key, e.g. <c>"lab"</c>.</param>
    /// <param name="configuration">The section, e.g. <c>builder.Configuration.GetSection("Lab")</c>.</param>
    /// <param name="configure">Adjusts the bound options in code (optional).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddKeyedCfcClient(this IServiceCollection services, string serviceKey, IConfiguration configuration, Action<CfcHostedClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(services, serviceKey, configuration, configure);
    }

    /// <summary>Registers a keyed singleton <see cref="CfcClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key, e.g. <c>"lab"</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddKeyedCfcClient(this IServiceCollection services, string serviceKey, Action<CfcHostedClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, serviceKey, null, configure);
    }

    private static IServiceCollection Add(IServiceCollection services, string? serviceKey, IConfiguration? configuration, Action<CfcHostedClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        string name = serviceKey ?? Options.DefaultName;
        if (services.Any(d => d.ServiceType == typeof(CfcClientHandle) && Equals(d.ServiceKey, name)))
        {
            throw new InvalidOperationException(serviceKey is null
                ? "AddCfcClient was called twice; register further clients with AddKeyedCfcClient(key, ...)."
                : $"A CfcClient with the key '{serviceKey}' is registered already.");
        }

        OptionsBuilder<CfcHostedClientOptions> options = services.AddOptions<CfcHostedClientOptions>(name);
        options.Configure(o => o.Source = serviceKey is null ? "CfcHostedClientOptions" : $"CfcHostedClientOptions['{serviceKey}']");
        if (configuration is not null)
        {
            options.Configure(o => CfcConfigurationBinder.Bind(configuration, o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CfcHostedClientOptions>, CfcHostedClientOptionsValidator>());

        services.AddKeyedSingleton(name, (sp, _) => new CfcClientHandle(
            name,
            sp.GetRequiredService<IOptionsMonitor<CfcHostedClientOptions>>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        if (serviceKey is null)
        {
            services.AddSingleton(sp => sp.GetRequiredKeyedService<CfcClientHandle>(name).Client);
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (sp, _) => sp.GetRequiredKeyedService<CfcClientHandle>(name).Client);
        }

        services.AddSingleton<IHostedService>(sp => new CfcClientHostedService(
            sp.GetRequiredKeyedService<CfcClientHandle>(name),
            sp.GetRequiredService<ILogger<CfcClientHostedService>>()));
        return services;
    }
}
