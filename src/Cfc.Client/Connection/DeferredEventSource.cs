namespace Cfc.Client.Connection;

/// <summary>
/// The source of an event stream made before the client knows the server's scheme (<see cref="CfcUriScheme.Auto"/> with
/// <c>CfcClient.Create(options)</c>): an observer attached early is attached to the scheme's real source once the client
/// found it out at connect, so subscribing before <c>StartAsync</c> works as it does under a named scheme.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="context">The client's context, which owns the pending scheme.</param>
/// <param name="create">Makes the real source from the scheme's binding (called once).</param>
internal sealed class DeferredEventSource<T>(CfcApiContext context, Func<CfcSchemeBinding, IEventSource<T>> create) : IEventSource<T>
{
    private readonly Lock _gate = new();
    private IEventSource<T>? _inner;

    /// <inheritdoc />
    public EventAttachment Attach(IObserver<T> observer)
    {
        if (context.Binding is { } binding)
        {
            return Inner(binding).Attach(observer);
        }

        // Attached once the scheme is known; detaching before that keeps the observer from ever being attached.
        var detached = new CancellationTokenSource();
        Task<EventAttachment> attaching = AttachLaterAsync(observer, detached.Token);
        return new EventAttachment(
            ReadyAsync(attaching),
            async () =>
            {
                await detached.CancelAsync().ConfigureAwait(false);
                try
                {
                    EventAttachment attached = await attaching.ConfigureAwait(false);
                    await attached.DetachAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or CfcException or ObjectDisposedException or InvalidOperationException)
                {
                    // Never attached (or the scheme was never found): nothing to let go of.
                }
                finally
                {
                    detached.Dispose();
                }
            });
    }

    private async Task<EventAttachment> AttachLaterAsync(IObserver<T> observer, CancellationToken detached)
    {
        CfcSchemeBinding binding;
        try
        {
            binding = await context.PendingBinding!.WaitAsync(detached).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The client was disposed before it connected: the stream completes, as every stream does on dispose.
            observer.OnCompleted();
            throw;
        }
        catch (CfcException ex)
        {
            // Connecting failed for good: no session will come, so the stream ends with why.
            observer.OnError(ex);
            throw;
        }

        try
        {
            return Inner(binding).Attach(observer);
        }
        catch (CfcNotSupportedException ex)
        {
            // The scheme found at connect has no such event: what subscribing throws under that scheme, told late.
            observer.OnError(ex);
            throw;
        }
    }

    private static async Task ReadyAsync(Task<EventAttachment> attaching)
    {
        EventAttachment attached = await attaching.ConfigureAwait(false);
        await attached.Ready.ConfigureAwait(false);
    }

    private IEventSource<T> Inner(CfcSchemeBinding binding)
    {
        lock (_gate)
        {
            return _inner ??= create(binding);
        }
    }
}
