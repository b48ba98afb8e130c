using System.CommandLine;
using Cfc.Cli.Hosting;
using Cfc.Client;
using static Cfc.Cli.Commands.CliJson;

namespace Cfc.Cli.Commands;

/// <summary>Containers, proxies, tracing, Docker and the router realm meta API (all on the management realm).</summary>
internal static class RemoteCommands
{
    private static readonly CfcJsonContext J = CfcJsonContext.Default;

    public static Command Containers()
    {
        Argument<string> node = Args.Node();
        return Verb.Noun("containers", "Container workers and the components they run (need --realm)",
            Verb.Make("list", "List a node's container workers", [node], RealmScope.Management, async c =>
            {
                string n = c.Get(node);
                var containers = new List<string>();
                foreach (string id in await c.Client.RemoteNode.GetWorkersAsync(n, c.Cancel).ConfigureAwait(false))
                {
                    WorkerInfo w = await c.Client.RemoteNode.GetWorkerAsync(n, id, c.Cancel).ConfigureAwait(false);
                    if (w.Type == "container")
                    {
                        containers.Add(id);
                    }
                }

                return new CliResult(Of(containers), "container");
            }),
            new Resource("components", "Components of a container worker", "component", Resource.Node, Resource.Worker)
                .List(async (c, p, ct) => Of(await c.RemoteContainer.GetContainerComponentsAsync(p[0], p[1], ct).ConfigureAwait(false)))
                .Show(async (c, p, id, ct) => Of(await c.RemoteContainer.GetContainerComponentAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.ContainerComponent))
                .Start(async (c, p, id, cfg, ct) =>
                {
                    // The seed's start_container_component takes the id inside the config.
                    var withId = new Dictionary<string, object?>(cfg, StringComparer.Ordinal) { ["id"] = id };
                    return Of(await c.RemoteContainer.StartContainerComponentAsync(p[0], p[1], withId, ct).ConfigureAwait(false), J.ContainerComponentStarted);
                }, configRequired: true)
                .Stop(async (c, p, id, ct) => Of(await c.RemoteContainer.StopContainerComponentAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.ContainerComponentStopped))
                .Build());
    }

    public static Command Proxies() => Verb.Noun("proxies", "Proxy workers and their transports (need --realm)",
        new Resource("transports", "Transports of a proxy worker", "transport", Resource.Node, Resource.Worker)
            .List((c, p, ct) => c.RemoteProxy.GetProxyTransportsAsync(p[0], p[1], ct))
            .Show(async (c, p, id, ct) => Of(await c.RemoteProxy.GetProxyTransportAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.ProxyTransport))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteProxy.StartProxyTransportAsync(p[0], p[1], id, cfg, ct).ConfigureAwait(false), J.ProxyTransportStarted), configRequired: true)
            .Stop(async (c, p, id, ct) => Of(await c.RemoteProxy.StopProxyTransportAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.ProxyTransportStopped))
            .Build());

    public static Command Tracing()
    {
        Argument<string> node = Args.Node(), worker = Args.Worker(), trace = Args.Id("trace-id", "The trace id");
        var from = new Option<long>("--from") { Description = "The first sequence number", DefaultValueFactory = _ => 0 };
        var to = new Option<long?>("--to") { Description = "The last sequence number" };
        var limit = new Option<int?>("--limit") { Description = "At most this many records" };
        Command data = Verb.Make("data", "Show the records a trace collected", [node, worker, trace, from, to, limit], RealmScope.Management, async c =>
            new CliResult(Of(await c.Client.RemoteTracing.GetRouterTraceDataAsync(c.Get(node), c.Get(worker), c.Get(trace), c.Get(from), c.Get(to), c.Get(limit), c.Cancel).ConfigureAwait(false), J.IReadOnlyListTraceRecord)));
        Command group = new Resource("tracing", "Message traces of a router worker: list, show, start, stop, data (need --realm)", "trace", Resource.Node, Resource.Worker)
            .List(async (c, p, ct) => Of(await c.RemoteTracing.GetRouterTracesAsync(p[0], p[1], ct).ConfigureAwait(false)))
            .Show(async (c, p, id, ct) => Of(await c.RemoteTracing.GetRouterTraceAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterTrace))
            .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteTracing.StartRouterTraceAsync(p[0], p[1], id, cfg, ct).ConfigureAwait(false), J.RouterTraceStarted))
            .Stop(async (c, p, id, ct) => Of(await c.RemoteTracing.StopRouterTraceAsync(p[0], p[1], id, ct).ConfigureAwait(false), J.RouterTraceStopped))
            .Build();
        group.Add(data);
        return group;
    }

    public static Command Docker()
    {
        Argument<string> node = Args.Node();
        return Verb.Noun("docker", "Docker on a node: status, containers, images (need --realm)",
            Verb.Make("status", "Show Docker's status on a node", [node], RealmScope.Management, async c =>
                new CliResult(Of(await c.Client.RemoteDocker.GetDockerStatusAsync(c.Get(node), c.Cancel).ConfigureAwait(false), J.DockerStatus))),
            new Resource("containers", "Docker containers on a node", "container", Resource.Node)
                .List(async (c, p, ct) => Of(await c.RemoteDocker.GetDockerContainersAsync(p[0], ct).ConfigureAwait(false)))
                .Show(async (c, p, id, ct) => Of(await c.RemoteDocker.GetDockerContainerAsync(p[0], id, ct).ConfigureAwait(false), J.DockerContainer))
                .Start(async (c, p, id, cfg, ct) => Of(await c.RemoteDocker.StartDockerContainerAsync(p[0], id, cfg, ct).ConfigureAwait(false), J.DockerContainerStarted))
                .Stop(async (c, p, id, ct) => Of(await c.RemoteDocker.StopDockerContainerAsync(p[0], id, ct).ConfigureAwait(false), J.DockerContainerStopped))
                .Build(),
            new Resource("images", "Docker images on a node", "image", Resource.Node)
                .List(async (c, p, ct) => Of(await c.RemoteDocker.GetDockerImagesAsync(p[0], ct).ConfigureAwait(false)))
                .Show(async (c, p, id, ct) => Of(await c.RemoteDocker.GetDockerImageAsync(p[0], id, ct).ConfigureAwait(false), J.DockerImage))
                .Verb("update", "Pull the newest version of an image", async (c, p, id, ct) => Of(await c.RemoteDocker.UpdateDockerImageAsync(p[0], id, ct).ConfigureAwait(false), J.DockerImageUpdated))
                .Verb("remove", "Remove an image", async (c, p, id, ct) => Of(await c.RemoteDocker.RemoveDockerImageAsync(p[0], id, ct).ConfigureAwait(false), J.DockerImageRemoved))
                .Build());
    }

    public static Command Meta()
    {
        (string, string)[] path = [Resource.Node, Resource.Worker, Resource.RouterRealm];
        return Verb.Noun("meta", "The WAMP meta API of a node's router realm: sessions, registrations, subscriptions (need --realm)",
            new Resource("sessions", "Sessions joined to a router realm", "session", path)
                .List(async (c, p, ct) => Of(await c.RemoteRouterMeta.GetSessionsAsync(p[0], p[1], p[2], ct).ConfigureAwait(false)))
                .Show(async (c, p, id, ct) => Of(await c.RemoteRouterMeta.GetSessionAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false), J.MetaSessionDetails))
                .Verb("kill", "Kill a session", async (c, p, id, ct) =>
                {
                    await c.RemoteRouterMeta.KillSessionAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false);
                    return Build(w => w.WriteNumber("killed", ParseId(id)));
                })
                .Build(),
            new Resource("registrations", "Registrations on a router realm (exact, prefix, wildcard)", "registration", path)
                .List(async (c, p, ct) => Of(await c.RemoteRouterMeta.GetRegistrationsAsync(p[0], p[1], p[2], ct).ConfigureAwait(false), J.MetaIdLists))
                .Show(async (c, p, id, ct) => Of(await c.RemoteRouterMeta.GetRegistrationAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false), J.MetaRegistrationDetails))
                .Verb("callees", "List the sessions that registered it", async (c, p, id, ct) => Of(await c.RemoteRouterMeta.GetRegistrationCalleesAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false)))
                .Build(),
            new Resource("subscriptions", "Subscriptions on a router realm (exact, prefix, wildcard)", "subscription", path)
                .List(async (c, p, ct) => Of(await c.RemoteRouterMeta.GetSubscriptionsAsync(p[0], p[1], p[2], ct).ConfigureAwait(false), J.MetaIdLists))
                .Show(async (c, p, id, ct) => Of(await c.RemoteRouterMeta.GetSubscriptionAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false), J.MetaSubscriptionDetails))
                .Verb("subscribers", "List the sessions subscribed to it", async (c, p, id, ct) => Of(await c.RemoteRouterMeta.GetSubscriptionSubscribersAsync(p[0], p[1], p[2], ParseId(id), ct).ConfigureAwait(false)))
                .Build());
    }

    private static long ParseId(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
            ? id
            : throw new CliUsageException($"'{text}' is not a WAMP id; ids are whole numbers, as the list command shows them.");
}
