using Microsoft.Extensions.Logging;

namespace Cfc.Client.Testing;

/// <summary>Settings of a <see cref="FakeCfc"/>. Every property has a default, so <c>new FakeCfcOptions()</c> is a working fake.</summary>
public sealed record FakeCfcOptions
{
    /// <summary>
    /// Which URI scheme the fake serves. <see langword="null"/> (the default) serves both <see cref="CfcUriScheme.Fabric"/> and
    /// <see cref="CfcUriScheme.Legacy"/> at once, so clients of either scheme work against one fake; events are then published
    /// under both names. Set one scheme to check that a client really speaks only that one (calls under the other scheme fail
    /// with <c>wamp.error.no_such_procedure</c>).
    /// </summary>
    public CfcUriScheme? UriScheme { get; init; }

    /// <summary>The period of <c>on_tick</c> (the tick counter increments once per period). Default 5 seconds, as on CFC.</summary>
    public TimeSpan TickPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The fake's clock: timestamps, the tick timer and router timeouts. Default <see cref="TimeProvider.System"/>;
    /// pass a <c>FakeTimeProvider</c> to drive ticks by hand.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Users that exist from the start (more can be added with <see cref="FakeCfc.AddUser(FakeCfcUser)"/>). Default none.</summary>
    public IReadOnlyList<FakeCfcUser> Users { get; init; } = [];

    /// <summary>The loopback TCP port; 0 (the default) picks a free one. The fake listens on 127.0.0.1 only.</summary>
    public int Port { get; init; }

    /// <summary>Where the router and Kestrel log. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The version <c>get_status</c> reports. Default <c>v17.8.1</c>.</summary>
    public string Version { get; init; } = FakeCfcState.DefaultVersion;
}
