namespace Cfc.Client;

/// <summary>Docker status information of a host (<c>get_docker_status</c>); the seed leaves it open.</summary>
public sealed record DockerStatus : CfcObject;

/// <summary>A Docker container on a host (<c>get_docker_container</c>); the seed leaves it open.</summary>
public sealed record DockerContainer : CfcObject;

/// <summary>The container started information object (<c>start_docker_container</c>); the seed leaves it open.</summary>
public sealed record DockerContainerStarted : CfcObject;

/// <summary>The container stopped information object (<c>stop_docker_container</c>); the seed leaves it open.</summary>
public sealed record DockerContainerStopped : CfcObject;

/// <summary>A Docker image on a host (<c>get_docker_image</c>); the seed leaves it open.</summary>
public sealed record DockerImage : CfcObject;

/// <summary>The image update information object (<c>update_docker_image</c>); the seed leaves it open.</summary>
public sealed record DockerImageUpdated : CfcObject;

/// <summary>The image removal information object (<c>remove_docker_image</c>); the seed leaves it open.</summary>
public sealed record DockerImageRemoved : CfcObject;
