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
    /// <see cref="CfcUriScheme.CrossbarMaster"/> serves the contract of the real Crossbar.io master node (crossbar v22.6.1) alone:
    /// its URIs, oids, reply shapes and JSON types, error URIs, one-object events, the <c>default</c> management realm, node
    /// online/offline events, and its quirks (see docs/testing-with-fakecfc.md). <see cref="CfcUriScheme.Auto"/> is refused:
    /// a server speaks one contract.
    /// </summary>
    public CfcUriScheme? UriScheme { get; init; }

    /// <summary>The period of <c>on_tick</c> (the tick counter increments once per period). Default 5 seconds, as on CFC.
    /// Under <see cref="CfcUriScheme.CrossbarMaster"/> it is the period of every heartbeat: <c>domain.on_tick</c> (300 s on a
    /// real master), each management realm's <c>on_tick</c> (5 s), node online/offline detection and trace data batches.</summary>
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

    /// <summary>The version <c>get_status</c> reports. Default <c>v17.8.1</c>. (Under <see cref="CfcUriScheme.CrossbarMaster"/>,
    /// <c>domain.get_version</c> reports <c>crossbar_ver</c> 22.6.1 unless this is set to something else.)</summary>
    public string Version { get; init; } = FakeCfcState.DefaultVersion;

    /// <summary>
    /// <see cref="CfcUriScheme.CrossbarMaster"/> only: reproduce the bug of upstream crossbar v22.6.1 in <c>RouterFactory.stop_realm</c>.
    /// When <see langword="true"/>, <c>mrealm.delete_mrealm</c> and <c>delete_mrealm_by_name</c> fail with
    /// <c>wamp.error.runtime_error [&lt;realm name&gt;]</c> (after unpairing the nodes when <c>cascade</c> is set), the realm
    /// stays and <c>on_realm_deleted</c> is never published; <c>remote.router.stop_router_realm</c> fails the same way with the
    /// router realm's name. This is what every unpatched v22.6.1 master does. Default <see langword="false"/>: the fake behaves
    /// like a master with the upstream fix (deletes succeed and publish <c>on_realm_deleted</c>), which is what a client should be
    /// written against; set it to test how your code explains the bug to users.
    /// </summary>
    public bool MasterStopRealmBug { get; init; }
}
