namespace Cfc.Client.Connection;

/// <summary>
/// Where a <see cref="CfcEventStream{T}"/> gets its values: a router topic (<see cref="TopicEventSource{T}"/>), a local
/// observable (<see cref="ObservableEventSource{T}"/>), or another source filtered or mapped.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IEventSource<T>
{
    /// <summary>Adds an observer.</summary>
    /// <param name="observer">The observer (an <see cref="Cfc.Shared.ISizedObserver{T}"/> gets each value's size too).</param>
    /// <returns>The attachment: when it is in place, and how to take the observer off again.</returns>
    /// <exception cref="CfcNotSupportedException">The source does not exist under the client's URI scheme.</exception>
    EventAttachment Attach(IObserver<T> observer);
}

/// <summary>One observer's place on a source.</summary>
/// <param name="ready">
/// Completes when the source delivers to the observer (for a router topic: when the router confirmed the
/// subscription); faults with the mapped <see cref="CfcException"/> when the router refused it.
/// </param>
/// <param name="detach">Takes the observer off; its task completes when the source let go of what it held for it.</param>
internal sealed class EventAttachment(Task ready, Func<Task> detach)
{
    private readonly Lock _gate = new();
    private Task? _detached;

    /// <summary>An attachment that is in place and holds nothing (the source has ended).</summary>
    public static EventAttachment Ended { get; } = new(Task.CompletedTask, static () => Task.CompletedTask);

    /// <summary>Completes when the observer receives what the source delivers; see the constructor.</summary>
    public Task Ready => ready;

    /// <summary>Takes the observer off (once; later calls return the same task).</summary>
    /// <returns>
    /// Completes when the source let go: for the last observer of a router topic, when the router confirmed the
    /// UNSUBSCRIBE (or at once without a session).
    /// </returns>
    public Task DetachAsync()
    {
        lock (_gate)
        {
            return _detached ??= detach();
        }
    }
}
