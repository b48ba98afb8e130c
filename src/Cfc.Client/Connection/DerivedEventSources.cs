using Cfc.Shared;

namespace Cfc.Client.Connection;

/// <summary>
/// A source that passes on only the values <paramref name="predicate"/> accepts. It attaches to the source it filters,
/// so it shares that source's router subscription and its "in place" moment.
/// </summary>
/// <param name="source">The source filtered.</param>
/// <param name="predicate">Which values pass; one that throws skips the value and is logged like an observer that throws.</param>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class FilteredEventSource<T>(IEventSource<T> source, Func<T, bool> predicate) : IEventSource<T>
{
    /// <inheritdoc />
    public EventAttachment Attach(IObserver<T> observer) => source.Attach(new Filter(observer, predicate));

    private sealed class Filter(IObserver<T> observer, Func<T, bool> predicate) : ISizedObserver<T>
    {
        public void OnNext(T value) => OnNext(value, 0);

        public void OnNext(T value, long size)
        {
            if (!predicate(value))
            {
                return;
            }

            if (observer is ISizedObserver<T> sized)
            {
                sized.OnNext(value, size);
            }
            else
            {
                observer.OnNext(value);
            }
        }

        public void OnError(Exception error) => observer.OnError(error);

        public void OnCompleted() => observer.OnCompleted();
    }
}

/// <summary>
/// A source that maps another one's values; errors and completion pass through. It attaches to the source it maps, so
/// it shares that source's router subscription and its "in place" moment.
/// </summary>
/// <param name="source">The source mapped.</param>
/// <param name="map">The mapping; one that throws skips the value and is logged like an observer that throws.</param>
/// <typeparam name="TSource">The source's element type.</typeparam>
/// <typeparam name="TResult">The mapped element type.</typeparam>
internal sealed class MappedEventSource<TSource, TResult>(IEventSource<TSource> source, Func<TSource, TResult> map) : IEventSource<TResult>
{
    /// <inheritdoc />
    public EventAttachment Attach(IObserver<TResult> observer) => source.Attach(new Mapper(observer, map));

    private sealed class Mapper(IObserver<TResult> observer, Func<TSource, TResult> map) : ISizedObserver<TSource>
    {
        public void OnNext(TSource value) => OnNext(value, 0);

        public void OnNext(TSource value, long size)
        {
            TResult mapped = map(value);
            if (observer is ISizedObserver<TResult> sized)
            {
                sized.OnNext(mapped, size);
            }
            else
            {
                observer.OnNext(mapped);
            }
        }

        public void OnError(Exception error) => observer.OnError(error);

        public void OnCompleted() => observer.OnCompleted();
    }
}
