namespace Cfc.Wamp.Tests.Telemetry;

/// <summary>
/// Listeners are process-wide: a listener in one test would make another test's "nobody listens" untrue. The
/// telemetry tests therefore run alone (xunit runs a non-parallel collection after the parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit collection definitions are named ...Collection by convention.")]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide listeners)";
}
