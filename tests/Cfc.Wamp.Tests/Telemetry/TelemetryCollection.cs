namespace Cfc.Wamp.Tests.Telemetry;

/// <summary>
/// Listeners are process-wide: a listener in one test would make another test's "nobody listens" untrue. The
/// telemetry tests therefore run alone (xunit runs a non-parallel collection after the parallel ones).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide listeners)";
}
