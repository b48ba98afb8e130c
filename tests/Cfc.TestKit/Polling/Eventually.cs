using System.Runtime.CompilerServices;

namespace Cfc.TestKit;

/// <summary>
/// The one polling helper of the test suite: waits until a condition holds, checking it every few milliseconds, and fails
/// with what it waited for after a bounded time. For conditions the test cannot await directly (a state another thread
/// sets); a test that waits for time to pass drives a <c>FakeTimeProvider</c> instead.
/// </summary>
public static class Eventually
{
    /// <summary>How long <c>HoldsAsync</c> waits unless told otherwise: 10 s, generous for a loaded CI machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often the condition is checked.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits until <paramref name="condition"/> returns <see langword="true"/>.</summary>
    /// <param name="condition">Checked at once, then every <see cref="PollInterval"/>.</param>
    /// <param name="within">The longest wait; <see cref="DefaultTimeout"/> when <see langword="null"/>; <see cref="Timeout.InfiniteTimeSpan"/>
    /// when <paramref name="cancellationToken"/> alone bounds it.</param>
    /// <param name="cancellationToken">Stops waiting (the test's own deadline).</param>
    /// <param name="what">Filled in by the compiler with the condition's source text, for the failure message.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold within the time; the message quotes the condition.</exception>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan? within = null, CancellationToken cancellationToken = default,
        [CallerArgumentExpression(nameof(condition))] string what = "the condition") =>
        HoldsAsync(condition, what, within, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> returns <see langword="true"/>.</summary>
    /// <param name="condition">Checked at once, then every <see cref="PollInterval"/>.</param>
    /// <param name="what">What the test waits for, for the failure message (e.g. "a new session").</param>
    /// <param name="within">The longest wait; <see cref="DefaultTimeout"/> when <see langword="null"/>; <see cref="Timeout.InfiniteTimeSpan"/>
    /// when <paramref name="cancellationToken"/> alone bounds it.</param>
    /// <param name="cancellationToken">Stops waiting (the test's own deadline).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold within the time; the message names <paramref name="what"/>.</exception>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = within ?? DefaultTimeout;
        long started = Environment.TickCount64;
        while (!condition())
        {
            if (limit != Timeout.InfiniteTimeSpan && TimeSpan.FromMilliseconds(Environment.TickCount64 - started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
