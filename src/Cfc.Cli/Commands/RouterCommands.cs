using System.CommandLine;
using Cfc.Client;
using static Cfc.Cli.Commands.CliJson;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc router realms|roles|transports|paths|components</c>: what runs inside a router worker.</summary>
internal static class RouterCommands
{
    private static readonly CfcJsonContext J = CfcJsonContext.Default;

    public static Command Build() => Verb.Noun("router", "Inside a router worker: realms, roles, transports, transport paths (web services), components (need --realm)",
        new Resource("realms", "Router realms of a router worker", "router realm", Resource.Node, Resource.Worker)
            .List(async (c, p, ct) => Of(await c.RemoteRouter.GetRouterRealmsAsync(p[0], p[1], ct).ConfigureAwait(false)))
            .Show(async (c, p, id, ct) => Of(await c.RemoteRouter.GetRouterRealmAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterRealm))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteRouter.StartRouterRealmAsync(p[0], p[1], id, WithName(cfg, id), ct).ConfigureAwait(false), J.RouterRealmStarted))
            .Stop(async (c, p, id, ct) => Of(await c.RemoteRouter.StopRouterRealmAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterRealmStopped))
            .Build(),
        new Resource("roles", "Roles of a router realm", "role", Resource.Node, Resource.Worker, Resource.RouterRealm)
            .List(async (c, p, ct) => Of(await c.RemoteRouter.GetRouterRealmRolesAsync(p[0], p[1], p[2], ct).ConfigureAwait(false)))
            .Show(async (c, p, id, ct) => Of(await c.RemoteRouter.GetRouterRealmRoleAsync(p[0], p[1], p[2], id, ct).ConfigureAwait(false), J.RouterRealmRole))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteRouter.StartRouterRealmRoleAsync(p[0], p[1], p[2], id, WithName(cfg, id), ct).ConfigureAwait(false), J.RouterRealmRoleStarted))
            .Stop(async (c, p, id, ct) => Of(await c.RemoteRouter.StopRouterRealmRoleAsync(p[0], p[1], p[2], id, ct).ConfigureAwait(false), J.RouterRealmRoleStopped))
            .Build(),
        new Resource("transports", "Listening transports of a router worker", "transport", Resource.Node, Resource.Worker)
            .List((c, p, ct) => c.RemoteRouter.GetRouterTransportsAsync(p[0], p[1], ct))
            .Show(async (c, p, id, ct) => Of(await c.RemoteRouter.GetRouterTransportAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterTransport))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteRouter.StartRouterTransportAsync(p[0], p[1], id, cfg, ct).ConfigureAwait(false), J.RouterTransportStarted), configRequired: true)
            .Stop(async (c, p, id, ct) => Of(await c.RemoteRouter.StopRouterTransportAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterTransportStopped))
            .Build(),
        new Resource("paths", "Paths (web services) of a web transport", "path", Resource.Node, Resource.Worker, Resource.Transport)
            .List(async (c, p, ct) => Of(await c.RemoteRouter.GetRouterTransportPathsAsync(p[0], p[1], p[2], ct).ConfigureAwait(false)))
            .Show(async (c, p, id, ct) => Of(await c.RemoteRouter.GetRouterTransportPathAsync(p[0], p[1], p[2], id, ct).ConfigureAwait(false), J.TransportPath))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteRouter.StartRouterTransportPathAsync(p[0], p[1], p[2], id, cfg, ct).ConfigureAwait(false), J.TransportPathStarted), configRequired: true)
            .Stop(async (c, p, id, ct) => Of(await c.RemoteRouter.StopRouterTransportPathAsync(p[0], p[1], p[2], id, ct).ConfigureAwait(false), J.TransportPathStopped))
            .Build(),
        new Resource("components", "Components running in a router worker", "component", Resource.Node, Resource.Worker)
            .List((c, p, ct) => c.RemoteRouter.GetRouterComponentsAsync(p[0], p[1], ct))
            .Show(async (c, p, id, ct) => Of(await c.RemoteRouter.GetRouterComponentAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterComponent))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteRouter.StartRouterComponentAsync(p[0], p[1], id, cfg, ct).ConfigureAwait(false), J.RouterComponentStarted), configRequired: true)
            .Stop(async (c, p, id, ct) => Of(await c.RemoteRouter.StopRouterComponentAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterComponentStopped))
            .Build());

    /// <summary>A realm or role config names itself; fill the name from the id when the user left it out.</summary>
    private static IReadOnlyDictionary<string, object?> WithName(IReadOnlyDictionary<string, object?> config, string id)
    {
        if (config.ContainsKey("name"))
        {
            return config;
        }

        return new Dictionary<string, object?>(config, StringComparer.Ordinal) { ["name"] = id };
    }
}
