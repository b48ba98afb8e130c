using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>
/// The Docker API on a node without Docker (the kit's edge; CI has no Docker daemon): every call reaches the node
/// through the master, and the node's answer arrives as the typed, explained crossbar.error.feature_unavailable.
/// A reply from a node with Docker is not checked here (docs/crossbar-master.md marks these members "reached").
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class DockerTests(CrossbarMasterKit kit)
{
    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task Every_docker_call_reaches_the_node_and_reports_that_it_has_no_docker(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        Assert.False((await client.RemoteNode.GetStatusAsync(Edge)).HasDocker);

        var calls = new Dictionary<string, Func<Task>>
        {
            ["GetDockerStatusAsync"] = () => client.RemoteDocker.GetDockerStatusAsync(Edge),
            ["GetDockerContainersAsync"] = () => client.RemoteDocker.GetDockerContainersAsync(Edge),
            ["GetDockerContainerAsync"] = () => client.RemoteDocker.GetDockerContainerAsync(Edge, "c1"),
            ["StopDockerContainerAsync"] = () => client.RemoteDocker.StopDockerContainerAsync(Edge, "c1"),
            ["GetDockerImagesAsync"] = () => client.RemoteDocker.GetDockerImagesAsync(Edge),
            ["GetDockerImageAsync"] = () => client.RemoteDocker.GetDockerImageAsync(Edge, "i1"),
            ["RemoveDockerImageAsync"] = () => client.RemoteDocker.RemoveDockerImageAsync(Edge, "i1"),
            ["Fleet.GetDockerInfoAsync"] = () => client.Fleet.GetDockerInfoAsync(Edge),
        };
        foreach ((string member, Func<Task> call) in calls)
        {
            CfcException e = await Assert.ThrowsAnyAsync<CfcException>(call);
            Assert.True(e.ErrorUri == CfcErrorUris.FeatureUnavailable, $"{member}: {e.ErrorUri} {e.Message}");
            Assert.Contains($"node '{Edge}' has no Docker available", e.Message, StringComparison.Ordinal);
            Assert.Contains("Docker not available or Docker daemon integration not enabled", e.Message, StringComparison.Ordinal);
        }
    }
}
