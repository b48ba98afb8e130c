namespace Cfc.Client.Connection;

/// <summary>The source of an event the server's API does not have: attaching throws, before anything is sent.</summary>
/// <param name="error">Makes what attaching throws (a new exception each time, with its own stack trace).</param>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class FailingEventSource<T>(Func<CfcNotSupportedException> error) : IEventSource<T>
{
    /// <inheritdoc />
    public EventAttachment Attach(IObserver<T> observer) => throw error();
}
