using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Master;

/// <summary>
/// How the CrossbarMaster adapter reads answers of the real edge that differ from the seeds' (seen against crossbar
/// v22.6.1 in tests/Cfc.Master.Tests): a node shutdown the master reports as canceled, a node without Docker, a worker
/// without profiler, a node that drops away mid-call.
/// </summary>
public sealed class MasterRemoteAnswerTests
{
    private const string NodeOid = "83cda116-7780-45c8-8717-ebf67b3ccddf";

    [Fact]
    public async Task A_node_shutdown_the_master_reports_as_canceled_is_the_shutdown_of_that_node()
    {
        await using CfcClient client = Client("crossbarfabriccenter.remote.node.shutdown",
            new WampException(WampErrorUris.Canceled, null, Payload.Args("\"callee disconnected from in-flight request\"")));

        NodeShutdown shutdown = await client.RemoteNode.ShutdownAsync("node1");

        Assert.Equal("node1", shutdown.NodeId);
        Assert.Null(shutdown.When);
    }

    [Fact]
    public async Task Another_remote_call_canceled_mid_flight_says_the_node_went_away()
    {
        await using CfcClient client = Client("crossbarfabriccenter.remote.node.get_status",
            new WampException(WampErrorUris.Canceled, null, Payload.Args("\"callee disconnected from in-flight request\"")));

        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteNode.GetStatusAsync("node1"));

        Assert.Equal(WampErrorUris.Canceled, e.ErrorUri);
        Assert.Contains("node 'node1' (or its worker) disconnected from the master while the call was in flight", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("domain controller", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_without_docker_is_explained()
    {
        await using CfcClient client = Client("crossbarfabriccenter.remote.docker.get_images",
            new WampException(CfcErrorUris.FeatureUnavailable, null, Payload.Args("\"Docker not available or Docker daemon integration not enabled\"")));

        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteDocker.GetDockerImagesAsync("node1"));

        Assert.Equal(CfcErrorUris.FeatureUnavailable, e.ErrorUri);
        Assert.Contains("node 'node1' has no Docker available", e.Message, StringComparison.Ordinal);
        Assert.Contains("has_docker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_without_that_profiler_is_explained()
    {
        await using CfcClient client = Client("crossbarfabriccenter.remote.worker.start_profiler",
            new WampException(WampErrorUris.RuntimeError, null, Payload.Args("\"no such profiler\"")));

        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => client.RemoteWorker.StartProfilerAsync("node1", "worker1", "vmprof"));

        Assert.Contains("the worker has no profiler of that name", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wamp.error.no_such_session")]
    [InlineData("wamp.error.no_such_subscription")]
    [InlineData("wamp.error.no_such_registration")]
    public async Task An_unknown_session_subscription_or_registration_of_the_meta_api_is_not_found(string uri)
    {
        await using CfcClient client = Client("crossbarfabriccenter.remote.realm.meta.wamp.subscription.get", new WampException(uri, null, Payload.Args("\"no such object\"")));

        await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteRouterMeta.GetSubscriptionAsync("node1", "worker1", "realm1", 1));
    }

    private static CfcClient Client(string failing, WampException error)
    {
        var peer = new ScriptedWampClient
        {
            Responder = (uri, _) => uri == "crossbarfabriccenter.mrealm.get_node_by_authid"
                ? Payload.Args($"{{\"oid\": \"{NodeOid}\", \"authid\": \"node1\"}}")
                : uri == failing ? throw error : Payload.Args("null"),
        };
        return CfcClient.Create(peer, CfcUriScheme.CrossbarMaster);
    }
}
