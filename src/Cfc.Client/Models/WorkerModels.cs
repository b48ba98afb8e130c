using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Client;

/// <summary>A worker of a node (<c>remote.node.get_worker</c>).</summary>
public sealed record WorkerInfo : CfcObject
{
    /// <summary>The worker ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The worker's process id, if sent.</summary>
    public long? Pid { get; init; }

    /// <summary>The worker type (router, container, guest, proxy, ...), if sent.</summary>
    public string? Type { get; init; }

    /// <summary>The worker status, if sent.</summary>
    public string? Status { get; init; }

    /// <summary>When the worker was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the worker started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>How long startup took, in seconds, if sent.</summary>
    public double? StartupTime { get; init; }

    /// <summary>The uptime in seconds, if sent.</summary>
    public double? Uptime { get; init; }
}

/// <summary>The worker started information object (<c>remote.node.start_worker</c>).</summary>
public sealed record WorkerStarted : CfcObject
{
    /// <summary>The worker ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The worker status, if sent.</summary>
    public string? Status { get; init; }

    /// <summary>When the worker started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>Who started the worker, if sent.</summary>
    public JsonElement? Who { get; init; }

    /// <summary>The worker's process id, if sent.</summary>
    public long? Pid { get; init; }

    /// <summary>How long startup took, in seconds, if sent.</summary>
    public double? StartupTime { get; init; }
}

/// <summary>The worker stopped information object (<c>remote.node.stop_worker</c>).</summary>
public sealed record WorkerStopped : CfcObject
{
    /// <summary>The worker ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The worker type, if sent.</summary>
    public string? Type { get; init; }

    /// <summary>Whether the worker was killed, if sent.</summary>
    public bool? Kill { get; init; }

    /// <summary>Who stopped the worker, if sent.</summary>
    public JsonElement? Who { get; init; }

    /// <summary>When the worker stopped, if sent.</summary>
    public DateTimeOffset? When { get; init; }
}

/// <summary>Status information of a native worker (<c>remote.worker.get_status</c>); the seed leaves it open.</summary>
public sealed record WorkerStatus : CfcObject;

/// <summary>The worker shutdown information object (<c>remote.worker.shutdown</c>); the seed leaves it open.</summary>
public sealed record WorkerShutdown : CfcObject;

/// <summary>The profiler started information object (<c>remote.worker.start_profiler</c>).</summary>
public sealed record ProfilerStarted : CfcObject
{
    /// <summary>The profile ID, if sent.</summary>
    public long? Id { get; init; }

    /// <summary>Who started the profiler, if sent.</summary>
    public JsonElement? Who { get; init; }

    /// <summary>The profiler running, if sent.</summary>
    public string? Profiler { get; init; }

    /// <summary>How long the profiler runs, in seconds, if sent.</summary>
    public double? Runtime { get; init; }

    /// <summary>Whether the profiler runs asynchronously, if sent.</summary>
    [JsonPropertyName("async")]
    public bool? IsAsync { get; init; }
}
