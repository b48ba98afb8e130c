using Microsoft.Extensions.Logging;

namespace Cfc.Wamp;

/// <summary>
/// Fire-and-forget work with one rule: whatever fails is logged (at Debug, with what the work was), never lost as an
/// unobserved task exception and never thrown at the caller. Cancellation is an expected end and is not logged.
/// </summary>
// This is the one place that starts work without awaiting it, on purpose: VSTHRD110 ("observe the result of async
// calls") is answered here by the continuations that observe and log every outcome.
#pragma warning disable VSTHRD110
internal static partial class Background
{
    /// <summary>Lets <paramref name="task"/> run on; a failure is logged as "<paramref name="what"/> failed".</summary>
    public static void Run(Task task, ILogger logger, string what)
    {
        if (task.IsCompleted)
        {
            Observe(task, logger, what);
            return;
        }

        task.ContinueWith(
            static (t, state) =>
            {
                var (logger, what) = ((ILogger, string))state!;
                Observe(t, logger, what);
            },
            (logger, what),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Lets <paramref name="task"/> run on; its failure is observed but not logged (the outcome is reported elsewhere).</summary>
    public static void Forget(Task task)
    {
        if (task.IsCompleted)
        {
            _ = task.Exception;
            return;
        }

        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Observe(Task task, ILogger logger, string what)
    {
        if (task.IsFaulted)
        {
            Exception error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            if (error is not OperationCanceledException)
            {
                logger.BackgroundWorkFailed(what, error);
            }
        }
    }

    [LoggerMessage(EventId = 1095, Level = LogLevel.Debug, Message = "Background work failed: {What}")]
    private static partial void BackgroundWorkFailed(this ILogger logger, string what, Exception exception);
}
#pragma warning restore VSTHRD110
