using System.Reflection;
using Cfc.Client.Master;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using static Cfc.Client.Tests.Master.Outcome;

namespace Cfc.Client.Tests.Master;

/// <summary>What a member does under CfcUriScheme.CrossbarMaster.</summary>
public enum Outcome
{
    /// <summary>Works, and tests/Cfc.Master.Tests checks it against a real master and edge.</summary>
    Verified,

    /// <summary>Called against the real master and edge; the call reaches the node, which lacks the feature (the typed error is checked, not a reply).</summary>
    Reached,

    /// <summary>Works as far as the master's registrations go; not exercised against the real server.</summary>
    Mapped,

    /// <summary>Throws CfcNotSupportedException before anything is sent.</summary>
    NotSupported,
}

/// <summary>
/// Every member of every API group, with its outcome under CfcUriScheme.CrossbarMaster. A member added to an API group
/// without an outcome here fails the first test; the table must also agree with the generated map (spec.MASTER).
/// </summary>
public sealed class CrossbarMasterOutcomeTests
{
    private const string NodeOid = "83cda116-7780-45c8-8717-ebf67b3ccddf";

    public static readonly IReadOnlyDictionary<string, Outcome> Outcomes = new Dictionary<string, Outcome>
    {
        ["IFabricSystem.GetStatusAsync"] = Verified,
        ["IFabricSystem.OnTick"] = Verified,
        ["IManagementRealms.GetRealmsAsync"] = Verified,
        ["IManagementRealms.GetRealmAsync"] = Verified,
        ["IManagementRealms.CreateRealmAsync"] = Verified,
        ["IManagementRealms.DeleteRealmAsync"] = Verified,
        ["IManagementRealms.GetRolesAsync"] = NotSupported,
        ["IManagementRealms.GrantRoleAsync"] = NotSupported,
        ["IManagementRealms.RevokeRoleAsync"] = NotSupported,
        ["IManagementRealms.GetNodesAsync"] = NotSupported,
        ["IManagementRealms.GetNodeAsync"] = NotSupported,
        ["IManagementRealms.PairNodeAsync"] = Verified,
        ["IManagementRealms.UnpairNodeAsync"] = Verified,
        ["IManagementRealms.OnRealmCreating"] = NotSupported,
        ["IManagementRealms.OnRealmCreated"] = Verified,
        ["IManagementRealms.OnRealmDeleting"] = NotSupported,
        ["IManagementRealms.OnRealmDeleted"] = Verified,
        ["IManagementRealms.OnRoleGranted"] = NotSupported,
        ["IManagementRealms.OnRoleRevoked"] = NotSupported,
        ["IManagementRealms.OnNodePaired"] = Verified,
        ["IManagementRealms.OnNodeUnpaired"] = Verified,
        ["IManagementRealm.GetStatusAsync"] = Verified,
        ["IManagementRealm.GetNodesAsync"] = Verified,
        ["IManagementRealm.GetNodeAsync"] = Verified,
        ["IRemoteNode.GetStatusAsync"] = Verified,
        ["IRemoteNode.ShutdownAsync"] = Verified,
        ["IRemoteNode.GetWorkersAsync"] = Verified,
        ["IRemoteNode.GetWorkerAsync"] = Verified,
        ["IRemoteNode.StartWorkerAsync"] = Verified,
        ["IRemoteNode.StopWorkerAsync"] = Verified,
        ["IRemoteWorker.GetStatusAsync"] = NotSupported,
        ["IRemoteWorker.ShutdownAsync"] = Verified,
        ["IRemoteWorker.GetWorkerLogAsync"] = Verified,
        ["IRemoteWorker.GetPythonpathAsync"] = Verified,
        ["IRemoteWorker.AddPythonpathAsync"] = Verified,
        ["IRemoteWorker.GetCpuAffinityAsync"] = Verified,
        ["IRemoteWorker.SetCpuAffinityAsync"] = Verified,
        ["IRemoteWorker.GetProfilersAsync"] = Verified,
        ["IRemoteWorker.StartProfilerAsync"] = Reached,
        ["IRemoteWorker.GetProfileAsync"] = Reached,
        ["IRemoteRouter.GetRouterRealmsAsync"] = Verified,
        ["IRemoteRouter.GetRouterRealmAsync"] = Verified,
        ["IRemoteRouter.StartRouterRealmAsync"] = Verified,
        ["IRemoteRouter.StopRouterRealmAsync"] = Verified,
        ["IRemoteRouter.GetRouterRealmRolesAsync"] = Verified,
        ["IRemoteRouter.GetRouterRealmRoleAsync"] = Verified,
        ["IRemoteRouter.StartRouterRealmRoleAsync"] = Verified,
        ["IRemoteRouter.StopRouterRealmRoleAsync"] = Verified,
        ["IRemoteRouter.GetRouterTransportsAsync"] = Verified,
        ["IRemoteRouter.GetRouterTransportAsync"] = Verified,
        ["IRemoteRouter.StartRouterTransportAsync"] = Verified,
        ["IRemoteRouter.StopRouterTransportAsync"] = Verified,
        ["IRemoteRouter.GetRouterTransportPathsAsync"] = Verified,
        ["IRemoteRouter.GetRouterTransportPathAsync"] = Verified,
        ["IRemoteRouter.StartRouterTransportPathAsync"] = Verified,
        ["IRemoteRouter.StopRouterTransportPathAsync"] = Verified,
        ["IRemoteRouter.GetRouterComponentsAsync"] = Verified,
        ["IRemoteRouter.GetRouterComponentAsync"] = Verified,
        ["IRemoteRouter.StartRouterComponentAsync"] = Verified,
        ["IRemoteRouter.StopRouterComponentAsync"] = NotSupported,
        ["IRemoteRouter.OnRouterRealmStarting"] = NotSupported,
        ["IRemoteRouter.OnRouterRealmStarted"] = NotSupported,
        ["IRemoteContainer.GetContainerComponentsAsync"] = Verified,
        ["IRemoteContainer.GetContainerComponentAsync"] = Verified,
        ["IRemoteContainer.StartContainerComponentAsync"] = Verified,
        ["IRemoteContainer.StopContainerComponentAsync"] = Verified,
        ["IRemoteProxy.GetProxyTransportsAsync"] = Verified,
        ["IRemoteProxy.GetProxyTransportAsync"] = Verified,
        ["IRemoteProxy.StartProxyTransportAsync"] = Verified,
        ["IRemoteProxy.StopProxyTransportAsync"] = NotSupported,
        ["IRemoteTracing.GetRouterTracesAsync"] = Verified,
        ["IRemoteTracing.GetRouterTraceAsync"] = Verified,
        ["IRemoteTracing.StartRouterTraceAsync"] = Verified,
        ["IRemoteTracing.StopRouterTraceAsync"] = Verified,
        ["IRemoteTracing.GetRouterTraceDataAsync"] = Verified,
        ["IRemoteDocker.GetDockerStatusAsync"] = Reached,
        ["IRemoteDocker.GetDockerContainersAsync"] = Reached,
        ["IRemoteDocker.GetDockerContainerAsync"] = Reached,
        ["IRemoteDocker.StartDockerContainerAsync"] = NotSupported,
        ["IRemoteDocker.StopDockerContainerAsync"] = Reached,
        ["IRemoteDocker.GetDockerImagesAsync"] = Reached,
        ["IRemoteDocker.GetDockerImageAsync"] = Reached,
        ["IRemoteDocker.UpdateDockerImageAsync"] = NotSupported,
        ["IRemoteDocker.RemoveDockerImageAsync"] = Reached,
        ["IRemoteRouterMeta.GetSessionCountAsync"] = Verified,
        ["IRemoteRouterMeta.GetSessionsAsync"] = Verified,
        ["IRemoteRouterMeta.GetSessionAsync"] = Verified,
        ["IRemoteRouterMeta.KillSessionAsync"] = Verified,
        ["IRemoteRouterMeta.GetRegistrationsAsync"] = Verified,
        ["IRemoteRouterMeta.GetRegistrationAsync"] = Verified,
        ["IRemoteRouterMeta.GetRegistrationCalleesAsync"] = Verified,
        ["IRemoteRouterMeta.GetSubscriptionsAsync"] = Verified,
        ["IRemoteRouterMeta.GetSubscriptionAsync"] = Verified,
        ["IRemoteRouterMeta.GetSubscriptionSubscribersAsync"] = Verified,
        ["IRemoteRouterMeta.OnSessionJoin"] = Verified,
        ["IRemoteRouterMeta.OnSessionLeave"] = Verified,
        ["IRemoteRouterMeta.CallMetaAsync"] = Verified,
        ["IMasterDomain.GetVersionAsync"] = Verified,
        ["IMasterDomain.GetLicenseAsync"] = Verified,
        ["IMasterFleet.GetNodesAsync"] = Verified,
        ["IMasterFleet.GetTracesAsync"] = Verified,
        ["IMasterFleet.CreateTraceAsync"] = Verified,
        ["IMasterFleet.GetTraceAsync"] = Verified,
        ["IMasterFleet.StartTraceAsync"] = Verified,
        ["IMasterFleet.StopTraceAsync"] = Verified,
        ["IMasterFleet.DeleteTraceAsync"] = Verified,
        ["IMasterFleet.GetTraceDataAsync"] = Verified,
        ["IMasterFleet.GetSystemStatsAsync"] = Verified,
        ["IMasterFleet.GetProcessInfoAsync"] = Verified,
        ["IMasterFleet.GetCpuCountAsync"] = Verified,
        ["IMasterFleet.GetRouterRealmLinksAsync"] = Verified,
        ["IMasterFleet.GetDockerInfoAsync"] = Reached,
        ["IMasterFleet.OnTick"] = Verified,
        ["IMasterFleet.OnNodeReady"] = Verified,
        ["IMasterFleet.OnNodeShutdown"] = Verified,
    };

    [Fact]
    public void Every_member_of_every_API_group_has_an_outcome_and_nothing_else_is_listed()
    {
        string[] members = [.. ApiMembers().Select(m => m.Name)];

        string[] missing = [.. members.Where(m => !Outcomes.ContainsKey(m))];
        string[] stale = [.. Outcomes.Keys.Where(k => !members.Contains(k))];

        Assert.True(missing.Length == 0, "members without an outcome under CrossbarMaster: " + string.Join(", ", missing));
        Assert.True(stale.Length == 0, "outcomes for members that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_outcomes_agree_with_the_generated_master_map()
    {
        foreach (MasterMember member in MasterMap.All)
        {
            Outcome expected = member.Status switch
            {
                MasterStatus.Verified => Verified,
                MasterStatus.Reached => Reached,
                MasterStatus.Mapped => Mapped,
                _ => NotSupported,
            };
            Assert.True(Outcomes[member.DisplayName] == expected, $"{member.DisplayName}: table says {Outcomes[member.DisplayName]}, spec.MASTER says {expected}");
            Assert.Equal(expected == NotSupported, member.Uri is null);
            Assert.Equal(expected == NotSupported, member.Instead is not null);
            if (expected == NotSupported)
            {
                Assert.False(string.IsNullOrWhiteSpace(member.Note), $"{member.DisplayName} does not say why it is not supported");
            }
        }
    }

    [Fact]
    public async Task Members_without_a_counterpart_throw_before_anything_is_sent()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer, CfcUriScheme.CrossbarMaster);

        foreach ((string name, object group, MemberInfo info) in ApiMembers(client).Where(m => Outcomes[m.Name] == NotSupported))
        {
            CfcNotSupportedException e = info switch
            {
                MethodInfo method => await Assert.ThrowsAsync<CfcNotSupportedException>(() => (Task)method.Invoke(group, Arguments(method))!),
                PropertyInfo property => Assert.Throws<CfcNotSupportedException>(() => SubscribeObserver(property.GetValue(group)!)),
                _ => throw new InvalidOperationException(name),
            };

            Assert.Equal(CfcUriScheme.CrossbarMaster, e.Scheme);
            Assert.Equal(name, e.Member);
            Assert.Contains($"{name} is not supported under CfcUriScheme.CrossbarMaster", e.Message, StringComparison.Ordinal);
            Assert.Contains("Instead: ", e.Message, StringComparison.Ordinal);
        }

        Assert.Empty(peer.Calls);
        Assert.Empty(peer.SubscribeRequests);
    }

    [Theory]
    [InlineData(CfcUriScheme.Fabric)]
    [InlineData(CfcUriScheme.Legacy)]
    public async Task The_masters_own_API_throws_before_the_wire_under_the_document_schemes(CfcUriScheme scheme)
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer, scheme);

        CfcNotSupportedException version = await Assert.ThrowsAsync<CfcNotSupportedException>(() => client.Domain.GetVersionAsync());
        CfcNotSupportedException stats = await Assert.ThrowsAsync<CfcNotSupportedException>(() => client.Fleet.GetSystemStatsAsync("node1"));
        Assert.Throws<CfcNotSupportedException>(() => client.Fleet.OnNodeReady.Subscribe(_ => { }));

        Assert.Equal(scheme, version.Scheme);
        Assert.Contains("CfcUriScheme.CrossbarMaster", version.Instead, StringComparison.Ordinal);
        Assert.Contains("crossbarfabriccenter.remote.node.get_system_stats", stats.Reason, StringComparison.Ordinal);
        Assert.Empty(peer.Calls);
        Assert.Empty(peer.SubscribeRequests);
    }

    [Fact]
    public async Task Procedures_with_a_counterpart_call_the_master_uri_with_the_node_oid_for_the_remote_api()
    {
        var peer = new ScriptedWampClient
        {
            Responder = (uri, _) => uri == "crossbarfabriccenter.mrealm.get_node_by_authid"
                ? Payload.Args($"{{\"oid\": \"{NodeOid}\", \"authid\": \"node1\"}}")
                : Payload.Args("null"),
        };
        await using CfcClient client = CfcClient.Create(peer, CfcUriScheme.CrossbarMaster);

        foreach ((string name, object group, MemberInfo info) in ApiMembers(client).Where(m => Outcomes[m.Name] != NotSupported && m.Info is MethodInfo))
        {
            if (name == "IRemoteRouterMeta.CallMetaAsync")
            {
                continue;
            }

            MasterMember map = MasterMap.All.Single(m => m.DisplayName == name);
            var method = (MethodInfo)info;
            int before = peer.Calls.Count;
            try
            {
                await (Task)method.Invoke(group, Arguments(method))!;
            }
            catch (CfcProtocolException)
            {
                // the scripted null result does not decode into every result type; the call is what is checked here
            }

            RecordedCall call = peer.Calls.Skip(before).Last();
            Assert.True(call.Procedure == map.Uri, $"{name} called {call.Procedure}, not {map.Uri}");
            if (map.Node == MasterNodeArgument.Oid)
            {
                Assert.Equal(NodeOid, call.Payload[0].GetString());
            }
            else if (map.Node == MasterNodeArgument.AuthId)
            {
                Assert.Equal("node1", call.Payload[0].GetString());
            }
        }

        // node ids are resolved once and then cached
        Assert.Single(peer.Calls, c => c.Procedure == "crossbarfabriccenter.mrealm.get_node_by_authid");
    }

    private static IEnumerable<(string Name, object Group, MemberInfo Info)> ApiMembers(CfcClient? client = null)
    {
        foreach (PropertyInfo groupProperty in typeof(CfcClient).GetProperties().Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace == "Cfc.Client"))
        {
            Type api = groupProperty.PropertyType;
            object group = client is null ? api : groupProperty.GetValue(client)!;
            foreach (MethodInfo method in api.GetMethods().Where(m => !m.IsSpecialName))
            {
                yield return ($"{api.Name}.{method.Name}", group, method);
            }

            foreach (PropertyInfo property in api.GetProperties())
            {
                yield return ($"{api.Name}.{property.Name}", group, property);
            }
        }
    }

    // Valid arguments for every parameter, so that only the scheme decides what happens.
    private static object?[] Arguments(MethodInfo method) => [.. method.GetParameters().Select(p => p switch
    {
        { Name: "pubkey" } => new string('a', 64),
        { Name: "realmName" } => "lab1",
        { ParameterType: var t } when t == typeof(string) => p.Name == "metaProcedure" ? "wamp.session.count" : "node1",
        { ParameterType: var t } when t == typeof(IReadOnlyDictionary<string, object?>) => new Dictionary<string, object?> { ["type"] = "router", ["id"] = "c1" },
        { ParameterType: var t } when t == typeof(CfcRole) => CfcRole.Admin,
        { ParameterType: var t } when t == typeof(IReadOnlyList<TracedWorker>) => new[] { new TracedWorker("node1", "rw1") },
        { ParameterType: var t } when t == typeof(long) => 1L,
        { ParameterType: var t } when t == typeof(bool) => false,
        { ParameterType: var t } when t == typeof(WampPayload) => WampPayload.Empty,
        { ParameterType: var t } when t == typeof(CancellationToken) => CancellationToken.None,
        { HasDefaultValue: true } => p.DefaultValue,
        _ => throw new InvalidOperationException($"{method.Name}: no test value for {p.Name} ({p.ParameterType})"),
    })];

    private static void SubscribeObserver(object observable)
    {
        Type element = observable.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IObservable<>)).GetGenericArguments()[0];
        MethodInfo subscribe = typeof(IObservable<>).MakeGenericType(element).GetMethod("Subscribe")!;
        object observer = Activator.CreateInstance(typeof(NullObserver<>).MakeGenericType(element))!;
        try
        {
            subscribe.Invoke(observable, [observer]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private sealed class NullObserver<T> : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value)
        {
        }
    }
}
