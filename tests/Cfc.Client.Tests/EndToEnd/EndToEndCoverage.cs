using Cfc.Client.Api;

namespace Cfc.Client.Tests.EndToEnd;

/// <summary>
/// The members each end-to-end group test walks. <see cref="ApiWalk"/> makes every group test prove it called exactly
/// its list, and <see cref="EndToEndCoverageTests"/> proves the lists hold every method and event of every API group,
/// so coverage cannot silently drop when the API grows.
/// </summary>
public static class EndToEndCoverage
{
    public static readonly IReadOnlyDictionary<Type, string[]> Exercised = new Dictionary<Type, string[]>
    {
        [typeof(IFabricSystem)] = [nameof(IFabricSystem.GetStatusAsync), nameof(IFabricSystem.OnTick)],
        [typeof(IManagementRealms)] =
        [
            nameof(IManagementRealms.GetRealmsAsync), nameof(IManagementRealms.GetRealmAsync), nameof(IManagementRealms.CreateRealmAsync),
            nameof(IManagementRealms.DeleteRealmAsync), nameof(IManagementRealms.GetRolesAsync), nameof(IManagementRealms.GrantRoleAsync),
            nameof(IManagementRealms.RevokeRoleAsync), nameof(IManagementRealms.GetNodesAsync), nameof(IManagementRealms.GetNodeAsync),
            nameof(IManagementRealms.PairNodeAsync), nameof(IManagementRealms.UnpairNodeAsync),
            nameof(IManagementRealms.OnRealmCreating), nameof(IManagementRealms.OnRealmCreated), nameof(IManagementRealms.OnRealmDeleting),
            nameof(IManagementRealms.OnRealmDeleted), nameof(IManagementRealms.OnRoleGranted), nameof(IManagementRealms.OnRoleRevoked),
            nameof(IManagementRealms.OnNodePaired), nameof(IManagementRealms.OnNodeUnpaired),
        ],
        [typeof(IManagementRealm)] = [nameof(IManagementRealm.GetStatusAsync), nameof(IManagementRealm.GetNodesAsync), nameof(IManagementRealm.GetNodeAsync)],
        [typeof(IRemoteNode)] =
        [
            nameof(IRemoteNode.GetStatusAsync), nameof(IRemoteNode.ShutdownAsync), nameof(IRemoteNode.GetWorkersAsync),
            nameof(IRemoteNode.GetWorkerAsync), nameof(IRemoteNode.StartWorkerAsync), nameof(IRemoteNode.StopWorkerAsync),
        ],
        [typeof(IRemoteWorker)] =
        [
            nameof(IRemoteWorker.GetStatusAsync), nameof(IRemoteWorker.ShutdownAsync), nameof(IRemoteWorker.GetWorkerLogAsync),
            nameof(IRemoteWorker.GetPythonpathAsync), nameof(IRemoteWorker.AddPythonpathAsync), nameof(IRemoteWorker.GetCpuAffinityAsync),
            nameof(IRemoteWorker.SetCpuAffinityAsync), nameof(IRemoteWorker.GetProfilersAsync), nameof(IRemoteWorker.StartProfilerAsync),
            nameof(IRemoteWorker.GetProfileAsync),
        ],
        [typeof(IRemoteRouter)] =
        [
            nameof(IRemoteRouter.GetRouterRealmsAsync), nameof(IRemoteRouter.GetRouterRealmAsync), nameof(IRemoteRouter.StartRouterRealmAsync),
            nameof(IRemoteRouter.StopRouterRealmAsync), nameof(IRemoteRouter.GetRouterRealmRolesAsync), nameof(IRemoteRouter.GetRouterRealmRoleAsync),
            nameof(IRemoteRouter.StartRouterRealmRoleAsync), nameof(IRemoteRouter.StopRouterRealmRoleAsync), nameof(IRemoteRouter.GetRouterTransportsAsync),
            nameof(IRemoteRouter.GetRouterTransportAsync), nameof(IRemoteRouter.StartRouterTransportAsync), nameof(IRemoteRouter.StopRouterTransportAsync),
            nameof(IRemoteRouter.GetRouterTransportPathsAsync), nameof(IRemoteRouter.GetRouterTransportPathAsync),
            nameof(IRemoteRouter.StartRouterTransportPathAsync), nameof(IRemoteRouter.StopRouterTransportPathAsync),
            nameof(IRemoteRouter.GetRouterComponentsAsync), nameof(IRemoteRouter.GetRouterComponentAsync), nameof(IRemoteRouter.StartRouterComponentAsync),
            nameof(IRemoteRouter.StopRouterComponentAsync), nameof(IRemoteRouter.OnRouterRealmStarting), nameof(IRemoteRouter.OnRouterRealmStarted),
        ],
        [typeof(IRemoteContainer)] =
        [
            nameof(IRemoteContainer.GetContainerComponentsAsync), nameof(IRemoteContainer.GetContainerComponentAsync),
            nameof(IRemoteContainer.StartContainerComponentAsync), nameof(IRemoteContainer.StopContainerComponentAsync),
        ],
        [typeof(IRemoteProxy)] =
        [
            nameof(IRemoteProxy.GetProxyTransportsAsync), nameof(IRemoteProxy.GetProxyTransportAsync),
            nameof(IRemoteProxy.StartProxyTransportAsync), nameof(IRemoteProxy.StopProxyTransportAsync),
        ],
        [typeof(IRemoteTracing)] =
        [
            nameof(IRemoteTracing.GetRouterTracesAsync), nameof(IRemoteTracing.GetRouterTraceAsync), nameof(IRemoteTracing.StartRouterTraceAsync),
            nameof(IRemoteTracing.StopRouterTraceAsync), nameof(IRemoteTracing.GetRouterTraceDataAsync),
        ],
        [typeof(IRemoteDocker)] =
        [
            nameof(IRemoteDocker.GetDockerStatusAsync), nameof(IRemoteDocker.GetDockerContainersAsync), nameof(IRemoteDocker.GetDockerContainerAsync),
            nameof(IRemoteDocker.StartDockerContainerAsync), nameof(IRemoteDocker.StopDockerContainerAsync), nameof(IRemoteDocker.GetDockerImagesAsync),
            nameof(IRemoteDocker.GetDockerImageAsync), nameof(IRemoteDocker.UpdateDockerImageAsync), nameof(IRemoteDocker.RemoveDockerImageAsync),
        ],
        [typeof(IRemoteRouterMeta)] =
        [
            nameof(IRemoteRouterMeta.CallMetaAsync), nameof(IRemoteRouterMeta.GetSessionCountAsync), nameof(IRemoteRouterMeta.GetSessionsAsync),
            nameof(IRemoteRouterMeta.GetSessionAsync), nameof(IRemoteRouterMeta.KillSessionAsync), nameof(IRemoteRouterMeta.GetRegistrationsAsync),
            nameof(IRemoteRouterMeta.GetRegistrationAsync), nameof(IRemoteRouterMeta.GetRegistrationCalleesAsync), nameof(IRemoteRouterMeta.GetSubscriptionsAsync),
            nameof(IRemoteRouterMeta.GetSubscriptionAsync), nameof(IRemoteRouterMeta.GetSubscriptionSubscribersAsync),
            nameof(IRemoteRouterMeta.OnSessionJoin), nameof(IRemoteRouterMeta.OnSessionLeave),
        ],
    };

    /// <summary>Every method and event (IObservable property) an API interface declares.</summary>
    public static IEnumerable<string> MembersOf(Type api) =>
        api.GetMethods().Where(m => !m.IsSpecialName).Select(m => m.Name)
            .Concat(api.GetProperties().Select(p => p.Name))
            .Distinct(StringComparer.Ordinal);
}

/// <summary>Records what a group test called and asserts at the end that it was exactly the group's list.</summary>
public sealed class ApiWalk(Type api)
{
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);

    public T Did<T>(string member, T result)
    {
        _done.Add(member);
        return result;
    }

    public void Did(string member) => _done.Add(member);

    public void AssertComplete() =>
        Assert.Equal(EndToEndCoverage.Exercised[api].Order(StringComparer.Ordinal), _done.Order(StringComparer.Ordinal));
}
