using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote Docker control of a node's host (node-level: (node_id, ...)). Without Docker
/// (<see cref="SimulatedNode.HasDocker"/> false) every call fails with <c>crossbar.error.feature_unavailable</c>.
/// <c>start_docker_container</c> starts a stopped container, creates one for an unknown or null id (the config's
/// <c>image</c> is required then) and refuses a running one (<c>crossbar.error.already_running</c>);
/// <c>stop_docker_container</c> refuses a missing one (<c>crossbar.error.no_such_object</c>) or a stopped one
/// (<c>crossbar.error.not_running</c>); <c>remove_docker_image</c> refuses an image a container uses (<c>crossbar.error.dependent_objects</c>).
/// </summary>
internal sealed class FakeRemoteDockerApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteDocker, state, host, schemes)
{
    public override void Register()
    {
        Remote("get_docker_status", (c, a) =>
        {
            SimulatedNode node = Docker(c, a);
            return FakeJson.Result(w =>
            {
                w.WriteString("server_version", "24.0.7");
                w.WriteString("operating_system", "Ubuntu 22.04.3 LTS");
                w.WriteNumber("containers", node.DockerContainers.Count);
                w.WriteNumber("containers_running", node.DockerContainers.Values.Count(x => x.Status == "running"));
                w.WriteNumber("containers_stopped", node.DockerContainers.Values.Count(x => x.Status != "running"));
                w.WriteNumber("images", node.DockerImages.Count);
            });
        });
        Remote("get_docker_containers", (c, a) => FakeJson.Result(Docker(c, a).DockerContainers.Keys));
        Remote("get_docker_container", (c, a) => FakeJson.Result(ContainerObject(Find(Docker(c, a).DockerContainers, a.String(1, "container_id"), "Docker container"))));
        Remote("start_docker_container", (c, a) =>
        {
            SimulatedNode node = Docker(c, a);
            string? id = a.OptionalString(1, "container_id");
            JsonElement? config = a.OptionalObject(2, "container_config");
            if (id is not null && node.DockerContainers.TryGetValue(id, out SimulatedDockerContainer? existing))
            {
                if (existing.Status == "running")
                {
                    throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"Docker container '{id}' is already running");
                }

                existing.Status = "running";
                existing.Started = State.Now;
                return FakeJson.Result(ContainerObject(existing));
            }

            string image = FakeJson.GetString(config, "image") ?? throw FakeErrors.Error(FakeErrors.InvalidConfiguration, "a new Docker container needs an 'image' in its config");
            id ??= Convert.ToHexStringLower(State.RandomBytes(6));
            var container = new SimulatedDockerContainer(id, image, State.Now) { Config = config };
            node.DockerContainers.Add(id, container);
            return FakeJson.Result(ContainerObject(container));
        });
        Remote("stop_docker_container", (c, a) =>
        {
            SimulatedDockerContainer container = Find(Docker(c, a).DockerContainers, a.String(1, "container_id"), "Docker container");
            if (container.Status != "running")
            {
                throw FakeErrors.Error(FakeErrors.NotRunning, $"Docker container '{container.Id}' is not running");
            }

            container.Status = "exited";
            return FakeJson.Result(ContainerObject(container));
        });
        Remote("get_docker_images", (c, a) => FakeJson.Result(Docker(c, a).DockerImages.Keys));
        Remote("get_docker_image", (c, a) => FakeJson.Result(ImageObject(Find(Docker(c, a).DockerImages, a.String(1, "image_id"), "Docker image"))));
        Remote("update_docker_image", (c, a) =>
        {
            SimulatedDockerImage image = Find(Docker(c, a).DockerImages, a.String(1, "image_id"), "Docker image");
            image.Updated = State.Now;
            return FakeJson.Result(ImageObject(image));
        });
        Remote("remove_docker_image", (c, a) =>
        {
            SimulatedNode node = Docker(c, a);
            SimulatedDockerImage image = Find(node.DockerImages, a.String(1, "image_id"), "Docker image");
            if (node.DockerContainers.Values.Any(x => image.Tags.Contains(x.Image) || x.Image == image.Id))
            {
                throw FakeErrors.Error(FakeErrors.DependentObjects, $"Docker image '{image.Id}' is used by a container");
            }

            node.DockerImages.Remove(image.Id);
            return FakeJson.Result(w =>
            {
                w.WriteString("id", image.Id);
                w.WriteTime("removed", State.Now);
            });
        });
    }

    private SimulatedNode Docker(FakeCallContext c, FakeArgs a)
    {
        SimulatedNode node = Node(c, a);
        return node.HasDocker ? node : throw FakeErrors.Error(FakeErrors.FeatureUnavailable, $"Docker is not available on node '{node.NodeId}'");
    }

    private static JsonElement ContainerObject(SimulatedDockerContainer x) => FakeJson.Object(w =>
    {
        w.WriteString("id", x.Id);
        w.WriteString("name", x.Name);
        w.WriteString("image", x.Image);
        w.WriteString("status", x.Status);
        w.WriteTime("created", x.Created);
        w.WriteTime("started", x.Started);
        w.Write("config", x.Config);
    });

    private static JsonElement ImageObject(SimulatedDockerImage image) => FakeJson.Object(w =>
    {
        w.WriteString("id", image.Id);
        w.WriteStrings("tags", image.Tags);
        w.WriteNumber("size", image.Size);
        w.WriteTime("created", image.Created);
        w.WriteTime("updated", image.Updated);
    });
}
