namespace Cfc.Benchmarks.Table;

/// <summary>How many operations each part of the side-by-side table runs: the full run, or a quick smoke run.</summary>
internal sealed record Sizes
{
    /// <summary>Echo round trips before the floor's sequential samples (as the floor report does).</summary>
    public int FloorWarmUp { get; init; } = 2_000;

    /// <summary>Sequential echo round trips timed one by one.</summary>
    public int FloorSequential { get; init; } = 5_000;

    /// <summary>Echo messages with 100 in flight.</summary>
    public int FloorPipelined { get; init; } = 200_000;

    /// <summary>Write+parse operations for each codec measurement.</summary>
    public int CodecOps { get; init; } = 200_000;

    /// <summary>Calls before the sequential samples.</summary>
    public int CallWarmUp { get; init; } = 200;

    /// <summary>Sequential calls timed one by one (median, p99).</summary>
    public int CallSequential { get; init; } = 1_000;

    /// <summary>Calls with <see cref="InFlight"/> in flight (calls/s, CPU, allocation).</summary>
    public int CallLoaded { get; init; } = 20_000;

    /// <summary>Concurrent calls of the loaded phase.</summary>
    public int InFlight { get; init; } = 100;

    /// <summary>Events published into one observer.</summary>
    public int Events { get; init; } = 200_000;

    /// <summary>
    /// How long events are published before the timed run: long enough for tiered JIT to finish the hot path (a count of
    /// 2,000 left the first serializer measured at tier 0, which made json look half as fast as msgpack).
    /// </summary>
    public TimeSpan EventWarmUp { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Simulated nodes of the fleet.</summary>
    public int FleetNodes { get; init; } = 1_000;

    /// <summary>Remote calls in flight at most while the fleet is visited.</summary>
    public int FleetConcurrency { get; init; } = 32;

    /// <summary>Sequential typed calls against the real master.</summary>
    public int MasterSequential { get; init; } = 300;

    /// <summary>Typed calls against the real master with <see cref="InFlight"/> in flight.</summary>
    public int MasterLoaded { get; init; } = 3_000;

    /// <summary>The full run (a few minutes).</summary>
    public static Sizes Full { get; } = new();

    /// <summary>A smoke run: every row, few operations (well under a minute plus the master's start).</summary>
    public static Sizes Quick { get; } = new()
    {
        FloorWarmUp = 100,
        FloorSequential = 200,
        FloorPipelined = 2_000,
        CodecOps = 2_000,
        CallWarmUp = 20,
        CallSequential = 50,
        CallLoaded = 500,
        Events = 20_000,
        EventWarmUp = TimeSpan.FromSeconds(1),
        FleetNodes = 1_000,
        MasterSequential = 10,
        MasterLoaded = 100,
    };
}
