namespace Cfc.Wamp.Reconnect;

/// <summary>
/// The built-in backoff, as autobahn computes it: delay n = InitialDelay * DelayGrowth^n, capped at MaxDelay,
/// then drawn from a normal distribution whose standard deviation is Jitter * delay (clamped to 0 .. MaxDelay).
/// </summary>
internal static class ReconnectBackoff
{
    /// <summary>The delay before attempt <paramref name="index"/> + 1 of an outage (index 0 is the first delay).</summary>
    public static TimeSpan Delay(WampReconnectOptions options, int index, Random random)
    {
        double seconds = options.InitialDelay.TotalSeconds * Math.Pow(options.DelayGrowth, index);
        double max = options.MaxDelay.TotalSeconds;
        if (double.IsNaN(seconds) || seconds > max)
        {
            seconds = max;
        }

        if (options.Jitter > 0 && seconds > 0)
        {
            seconds += NextGaussian(random) * options.Jitter * seconds;
        }

        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, max));
    }

    // Box-Muller: a standard normal sample from two uniform ones.
    private static double NextGaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
