using Cfc.Client.Connection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cfc.Client;

/// <summary>
/// Makes a <see cref="CfcEventStream{T}"/> over an observable of your own: the way to give a mocked or hand-written
/// API group (<see cref="IFabricSystem"/>, <see cref="IManagementRealms"/>, ...) the event properties its interface
/// asks for, so code under test reads them exactly as it reads a client's.
/// </summary>
/// <example>
/// <code>
/// var ticks = new Subject&lt;TickEvent&gt;();   // System.Reactive, or any IObservable&lt;TickEvent&gt;
/// var system = new Mock&lt;IFabricSystem&gt;();
/// system.Setup(s =&gt; s.OnTick).Returns(CfcEventStream.FromObservable(ticks));
/// </code>
/// </example>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The factory of CfcEventStream<T>, named after it as CfcEventSubscription is after CfcEventSubscription<T>.")]
public static class CfcEventStream
{
    /// <summary>
    /// A stream whose events are the values of <paramref name="source"/>, with everything the client's streams offer:
    /// <c>Subscribe</c>, <c>SubscribeAsync</c> (in place as soon as <paramref name="source"/> took the observer),
    /// <c>ReadAllAsync</c> (a bounded queue with the default bounds of <see cref="Cfc.Wamp.WampSubscribeOptions"/>,
    /// dropping the oldest events when the reader falls behind), <c>Where</c> and <c>Select</c>. The stream ends when
    /// <paramref name="source"/> completes or fails.
    /// </summary>
    /// <param name="source">Where the events come from (a subject the test pushes to, a recorded sequence, ...).</param>
    /// <param name="name">The stream's name in <see cref="object.ToString"/> and in logs; <see langword="null"/> for the element type's name.</param>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The stream; each observer is subscribed to <paramref name="source"/> on its own.</returns>
    public static CfcEventStream<T> FromObservable<T>(IObservable<T> source, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CfcEventStream<T>(
            new ObservableEventSource<T>(source),
            EventReaderSettings.From(null, NullLogger.Instance),
            name ?? typeof(T).Name);
    }
}
