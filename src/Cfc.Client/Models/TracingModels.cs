using System.Text.Json;

namespace Cfc.Client;

/// <summary>A trace on a router worker (<c>get_router_trace</c>); typed from the real node's trace object.</summary>
public sealed record RouterTrace : CfcObject
{
    /// <summary>The trace ID, if sent.</summary>
    public string? Id { get; init; }

    /// <summary>The node ID, if sent.</summary>
    public string? NodeId { get; init; }

    /// <summary>The worker ID, if sent.</summary>
    public string? WorkerId { get; init; }

    /// <summary>The persistent ID, if sent.</summary>
    public string? PersistentId { get; init; }

    /// <summary>The trace status (stopped, starting, running, stopping, ...), if sent.</summary>
    public string? Status { get; init; }

    /// <summary>When the trace started, as the node sends it, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>When the trace ended, as the node sends it, if sent.</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>The trace runtime, as the node sends it, if sent.</summary>
    public double? Runtime { get; init; }

    /// <summary>The trace options (trace_level, batching_period, ...), if sent.</summary>
    public JsonElement? Options { get; init; }

    /// <summary>The next period number, if sent.</summary>
    public long? NextPeriod { get; init; }

    /// <summary>The next record sequence number, if sent.</summary>
    public long? NextSeq { get; init; }
}

/// <summary>The trace startup information object (<c>start_router_trace</c>); the seed leaves it open.</summary>
public sealed record RouterTraceStarted : CfcObject
{
    /// <summary>The trace ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>The trace stop information object (<c>stop_router_trace</c>); the seed leaves it open.</summary>
public sealed record RouterTraceStopped : CfcObject
{
    /// <summary>The trace ID, if sent.</summary>
    public string? Id { get; init; }
}

/// <summary>One trace record (<c>get_router_trace_data</c>); message-level fields typed, action-level ones in the extension data.</summary>
public sealed record TraceRecord : CfcObject
{
    /// <summary>The timestamp, as the node sends it, if sent.</summary>
    public JsonElement? Ts { get; init; }

    /// <summary>The performance counter, as the node sends it, if sent.</summary>
    public JsonElement? Pc { get; init; }

    /// <summary>The record sequence number, if sent.</summary>
    public long? Seq { get; init; }

    /// <summary>The realm, if sent.</summary>
    public string? Realm { get; init; }

    /// <summary>The direction (<c>rx</c> or <c>tx</c>), if sent.</summary>
    public string? Direction { get; init; }

    /// <summary>The WAMP session id, if sent.</summary>
    public long? SessionId { get; init; }

    /// <summary>The session's authid, if sent.</summary>
    public string? Authid { get; init; }

    /// <summary>The session's authrole, if sent.</summary>
    public string? Authrole { get; init; }

    /// <summary>The WAMP message type, if sent.</summary>
    public string? MsgType { get; init; }

    /// <summary>The correlation URI, if sent.</summary>
    public string? CorrelationUri { get; init; }
}
