using Polly;
using Polly.Retry;

namespace Cfc.Wamp.Reconnect;

/// <summary>
/// Builds the Polly pipeline that runs reconnect attempts from <see cref="WampReconnectOptions"/> (unless the
/// options bring their own). One callback execution is one attempt; a thrown exception is a failed attempt.
/// </summary>
internal static class ReconnectPipeline
{
    /// <summary>How many delays of the backoff the pipeline skips: 1 after a loss (the loop waited the first delay itself), 0 for the first connect.</summary>
    public static readonly ResiliencePropertyKey<int> DelayOffset = new("Cfc.Wamp.Reconnect.DelayOffset");

    public static ResiliencePipeline Build(WampReconnectOptions options, TimeProvider timeProvider)
    {
        if (options.Pipeline is { } own)
        {
            return own;
        }

        // MaxAttempts counts attempts; Polly counts retries after the first execution.
        int retries = options.MaxAttempts is { } max ? max - 1 : int.MaxValue;
        if (retries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                // A result (authentication refused) is never retried; neither is cancellation (dispose, close).
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
                MaxRetryAttempts = retries,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    ReconnectBackoff.Delay(options, args.AttemptNumber + args.Context.Properties.GetValue(DelayOffset, 0), Random.Shared)),
            })
            .Build();
    }
}
