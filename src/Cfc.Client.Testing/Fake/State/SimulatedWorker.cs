using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>A native worker process of a simulated node (router, container, proxy or guest).</summary>
public class SimulatedWorker
{
    /// <summary>The worker type of router workers.</summary>
    public const string RouterType = "router";

    /// <summary>The worker type of container workers.</summary>
    public const string ContainerType = "container";

    /// <summary>The worker type of proxy workers.</summary>
    public const string ProxyType = "proxy";

    /// <summary>The worker type of guest workers.</summary>
    public const string GuestType = "guest";

    /// <summary>Creates a worker.</summary>
    /// <param name="id">The worker id.</param>
    /// <param name="type">The worker type.</param>
    /// <param name="started">When it started.</param>
    /// <param name="pid">Its process id.</param>
    public SimulatedWorker(string id, string type, DateTimeOffset started, int pid)
    {
        Id = id;
        Type = type;
        Created = started;
        Started = started;
        Pid = pid;
    }

    /// <summary>The worker id.</summary>
    public string Id { get; }

    /// <summary>The worker type: <c>router</c>, <c>container</c>, <c>proxy</c> or <c>guest</c>.</summary>
    public string Type { get; }

    /// <summary>The worker's status as the node reports it.</summary>
    public string Status { get; set; } = "started";

    /// <summary>The process id.</summary>
    public int Pid { get; set; }

    /// <summary>When the worker was created.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When the worker finished starting.</summary>
    public DateTimeOffset Started { get; set; }

    /// <summary>The worker options it was started with.</summary>
    public JsonElement? Options { get; set; }

    /// <summary>The worker's Python path.</summary>
    public List<string> PythonPath { get; } = ["/usr/lib/python3/dist-packages"];

    /// <summary>The CPUs the worker may run on.</summary>
    public List<int> CpuAffinity { get; } = [0, 1];

    /// <summary>The worker's log lines, oldest first.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Profiles taken on the worker by id.</summary>
    public OrderedDictionary<string, SimulatedProfile> Profiles { get; } = new(StringComparer.Ordinal);
}

/// <summary>A router worker: realms (with roles), transports (with paths), components and message traces.</summary>
/// <param name="id">The worker id.</param>
/// <param name="started">When it started.</param>
/// <param name="pid">Its process id.</param>
public sealed class SimulatedRouterWorker(string id, DateTimeOffset started, int pid) : SimulatedWorker(id, RouterType, started, pid)
{
    /// <summary>Router realms by id.</summary>
    public OrderedDictionary<string, SimulatedRouterRealm> Realms { get; } = new(StringComparer.Ordinal);

    /// <summary>Listening transports by id.</summary>
    public OrderedDictionary<string, SimulatedTransport> Transports { get; } = new(StringComparer.Ordinal);

    /// <summary>Router components by id.</summary>
    public OrderedDictionary<string, SimulatedComponent> Components { get; } = new(StringComparer.Ordinal);

    /// <summary>Message traces by id.</summary>
    public OrderedDictionary<string, SimulatedTrace> Traces { get; } = new(StringComparer.Ordinal);
}

/// <summary>A container worker hosting components.</summary>
/// <param name="id">The worker id.</param>
/// <param name="started">When it started.</param>
/// <param name="pid">Its process id.</param>
public sealed class SimulatedContainerWorker(string id, DateTimeOffset started, int pid) : SimulatedWorker(id, ContainerType, started, pid)
{
    /// <summary>Container components by id.</summary>
    public OrderedDictionary<string, SimulatedComponent> Components { get; } = new(StringComparer.Ordinal);
}

/// <summary>A proxy worker: transports, routes and backend connections.</summary>
/// <param name="id">The worker id.</param>
/// <param name="started">When it started.</param>
/// <param name="pid">Its process id.</param>
public sealed class SimulatedProxyWorker(string id, DateTimeOffset started, int pid) : SimulatedWorker(id, ProxyType, started, pid)
{
    /// <summary>Proxy transports by id.</summary>
    public OrderedDictionary<string, SimulatedTransport> Transports { get; } = new(StringComparer.Ordinal);

    /// <summary>Routes by id: a realm name and the connections serving it.</summary>
    public OrderedDictionary<string, JsonElement> Routes { get; } = new(StringComparer.Ordinal);

    /// <summary>Backend connections by id.</summary>
    public OrderedDictionary<string, JsonElement> Connections { get; } = new(StringComparer.Ordinal);
}

/// <summary>A profile taken on a worker.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="Profiler">The profiler used (e.g. <c>vmprof</c>).</param>
/// <param name="Runtime">How long it ran, in seconds.</param>
/// <param name="Started">When it started.</param>
public sealed record SimulatedProfile(string Id, string Profiler, int Runtime, DateTimeOffset Started);
