using System.Buffers;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>A growable scratch array rented from <see cref="ArrayPool{T}.Shared"/>; dispose to return it.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal struct ScratchBuffer<T> : IDisposable
{
    private T[]? _array;

    /// <summary>A span of at least <paramref name="minimumLength"/> elements; earlier contents are not kept.</summary>
    /// <param name="minimumLength">The length needed.</param>
    /// <returns>The span (possibly longer than asked).</returns>
    public Span<T> Get(int minimumLength)
    {
        if (_array is null || _array.Length < minimumLength)
        {
            T[]? old = _array;
            _array = ArrayPool<T>.Shared.Rent(Math.Max(minimumLength, 256));
            if (old is not null)
            {
                ArrayPool<T>.Shared.Return(old);
            }
        }

        return _array;
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<T>.Shared.Return(_array);
            _array = null;
        }
    }
}
