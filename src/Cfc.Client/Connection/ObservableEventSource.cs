namespace Cfc.Client.Connection;

/// <summary>A source over a local observable (the connection states): in place as soon as it is attached.</summary>
/// <param name="source">The observable.</param>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ObservableEventSource<T>(IObservable<T> source) : IEventSource<T>
{
    /// <inheritdoc />
    public EventAttachment Attach(IObserver<T> observer)
    {
        IDisposable subscription = source.Subscribe(observer);
        return new EventAttachment(Task.CompletedTask, () =>
        {
            subscription.Dispose();
            return Task.CompletedTask;
        });
    }
}
