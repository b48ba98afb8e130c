using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Resilience;

/// <summary>
/// A <see cref="TimeProvider"/> over a <see cref="FakeTimeProvider"/> that records the due time of every timer
/// created on it, so that a test can wait until the timer it is about to fire exists before advancing the clock
/// (instead of sleeping and hoping the code under test got there).
/// </summary>
internal sealed class TimerRecordingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];

    public FakeTimeProvider Fake => inner;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = inner.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
        }

        return timer;
    }

    /// <summary>Every due time so far (diagnostics).</summary>
    public string DueTimes
    {
        get
        {
            lock (_gate)
            {
                return string.Join(", ", _dueTimes);
            }
        }
    }

    /// <summary>How many timers were created with <paramref name="dueTime"/>.</summary>
    public int Created(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _dueTimes.Count(d => d == dueTime);
        }
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> timers with <paramref name="dueTime"/> were created.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int count = 1) =>
        Eventually.HoldsAsync(() => Created(dueTime) >= count, $"a timer due in {dueTime.TotalSeconds} s", Harness.Wait);
}
