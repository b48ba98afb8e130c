using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.docker.*(node_oid, ...)</c>, node-level: <c>get_info</c>, <c>get_ping</c>, <c>get_version</c>,
/// <c>get_containers</c>, <c>get_container</c>, <c>get_images</c>, <c>get_image</c> over the node's simulated Docker host. A node
/// without Docker (<see cref="SimulatedNode.HasDocker"/> false, like the kit's edge) answers <c>crossbar.error.feature_unavailable</c>.
/// Not checked against a real server (the recording host had no Docker).
/// </summary>
internal sealed class MasterRemoteDockerApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("docker", master, host)
{
    public override void Register()
    {
        Remote("get_info", (c, a) =>
        {
            SimulatedNode node = Docker(c, a, "get_docker_info");
            return MasterJson.Result(w =>
            {
                w.WriteNumber("Containers", node.DockerContainers.Count);
                w.WriteNumber("ContainersRunning", node.DockerContainers.Values.Count(x => x.Status == "running"));
                w.WriteNumber("Images", node.DockerImages.Count);
                w.WriteString("ServerVersion", "24.0.7");
                w.WriteString("OperatingSystem", "Debian GNU/Linux 12 (bookworm)");
            });
        });
        Remote("get_ping", (c, a) =>
        {
            _ = Docker(c, a, "get_docker_ping");
            return FakeJson.Result(w => w.WriteBoolean("ping", true));
        });
        Remote("get_version", (c, a) =>
        {
            _ = Docker(c, a, "get_docker_version");
            return FakeJson.Result(w =>
            {
                w.WriteString("Version", "24.0.7");
                w.WriteString("ApiVersion", "1.43");
            });
        });
        Remote("get_containers", (c, a) => FakeJson.Result(Docker(c, a, "get_docker_containers").DockerContainers.Keys));
        Remote("get_container", (c, a) =>
        {
            SimulatedNode node = Docker(c, a, "get_docker_container");
            SimulatedDockerContainer container = Find(node.DockerContainers, a.String(1, "cid"), "container");
            return FakeJson.Result(w =>
            {
                w.WriteString("id", container.Id);
                w.WriteString("name", container.Name);
                w.WriteString("image", container.Image);
                w.WriteString("status", container.Status);
                w.WriteString("created", FakeJson.Iso(container.Created));
            });
        });
        Remote("get_images", (c, a) => FakeJson.Result(Docker(c, a, "get_docker_images").DockerImages.Keys));
        Remote("get_image", (c, a) =>
        {
            SimulatedDockerImage image = Find(Docker(c, a, "get_docker_image").DockerImages, a.String(1, "iid"), "image");
            return FakeJson.Result(w =>
            {
                w.WriteString("id", image.Id);
                w.WriteStrings("tags", image.Tags);
                w.WriteNumber("size", image.Size);
                w.WriteString("created", FakeJson.Iso(image.Created));
            });
        });
    }

    private SimulatedNode Docker(FakeCallContext c, MasterArgs a, string target)
    {
        SimulatedNode node = Node(c, a, target);
        return node.HasDocker ? node : throw MasterErrors.Error(FakeErrors.FeatureUnavailable, "Docker is not available on this node");
    }
}
