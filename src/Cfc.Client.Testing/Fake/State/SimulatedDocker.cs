using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>A Docker container on a simulated node's host.</summary>
/// <param name="id">The container id.</param>
/// <param name="image">The image it runs.</param>
/// <param name="created">When it was created.</param>
public sealed class SimulatedDockerContainer(string id, string image, DateTimeOffset created)
{
    /// <summary>The container id.</summary>
    public string Id { get; } = id;

    /// <summary>The image reference.</summary>
    public string Image { get; } = image;

    /// <summary>The container name.</summary>
    public string Name { get; set; } = "/" + id;

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary><c>running</c> or <c>exited</c>.</summary>
    public string Status { get; set; } = "running";

    /// <summary>When it last started.</summary>
    public DateTimeOffset? Started { get; set; } = created;

    /// <summary>The configuration it was created with.</summary>
    public JsonElement? Config { get; set; }
}

/// <summary>A Docker image on a simulated node's host.</summary>
/// <param name="id">The image id (<c>sha256:...</c>).</param>
/// <param name="created">When it was built.</param>
public sealed class SimulatedDockerImage(string id, DateTimeOffset created)
{
    /// <summary>The image id.</summary>
    public string Id { get; } = id;

    /// <summary>The repository tags.</summary>
    public List<string> Tags { get; } = [];

    /// <summary>The size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>When it was built.</summary>
    public DateTimeOffset Created { get; set; } = created;

    /// <summary>When it was last updated (pulled), if ever.</summary>
    public DateTimeOffset? Updated { get; set; }
}
