using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>A message trace on a router worker and the records it has collected.</summary>
/// <param name="id">The trace id.</param>
/// <param name="options">The trace options.</param>
/// <param name="started">When it started.</param>
public sealed class SimulatedTrace(string id, JsonElement options, DateTimeOffset started)
{
    /// <summary>The trace id.</summary>
    public string Id { get; } = id;

    /// <summary>The trace options (<c>trace_level</c>, <c>batching_period</c>, ...).</summary>
    public JsonElement Options { get; set; } = options;

    /// <summary><c>running</c> or <c>stopped</c>.</summary>
    public string Status { get; set; } = "running";

    /// <summary>When the trace (last) started.</summary>
    public DateTimeOffset Started { get; set; } = started;

    /// <summary>When the trace stopped, or <see langword="null"/> while running.</summary>
    public DateTimeOffset? Ended { get; set; }

    /// <summary>The records, in sequence order.</summary>
    public List<SimulatedTraceRecord> Records { get; } = [];

    /// <summary>The sequence number the next record gets.</summary>
    public long NextSeq => Records.Count == 0 ? 0 : Records[^1].Seq + 1;

    /// <summary>Appends a record with the next sequence number.</summary>
    /// <param name="timestamp">When the message passed.</param>
    /// <param name="realm">The realm.</param>
    /// <param name="direction"><c>rx</c> or <c>tx</c>.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="messageType">The WAMP message type, e.g. <c>CALL</c>.</param>
    /// <param name="uri">The procedure or topic, if any.</param>
    /// <returns>The record.</returns>
    public SimulatedTraceRecord Add(DateTimeOffset timestamp, string realm, string direction, long sessionId, string messageType, string? uri)
    {
        var record = new SimulatedTraceRecord(NextSeq, timestamp, realm, direction, sessionId, "client", "user", messageType, uri);
        Records.Add(record);
        return record;
    }
}

/// <summary>A message-level trace record.</summary>
/// <param name="Seq">The sequence number within the trace.</param>
/// <param name="Timestamp">When the message passed the router.</param>
/// <param name="Realm">The realm.</param>
/// <param name="Direction"><c>rx</c> (from the session) or <c>tx</c> (to it).</param>
/// <param name="SessionId">The session.</param>
/// <param name="AuthId">The session's authid.</param>
/// <param name="AuthRole">The session's authrole.</param>
/// <param name="MessageType">The WAMP message type.</param>
/// <param name="CorrelationUri">The procedure or topic the message concerns.</param>
public sealed record SimulatedTraceRecord(long Seq, DateTimeOffset Timestamp, string Realm, string Direction, long SessionId, string AuthId, string AuthRole, string MessageType, string? CorrelationUri);
