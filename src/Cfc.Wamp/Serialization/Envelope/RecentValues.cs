namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// A small, lock-free memo of values decoded from short encoded elements (the URIs and option dictionaries that come
/// back in message after message: a procedure name, <c>{"timeout":5000}</c>), keyed by their exact encoded bytes. A
/// value is kept only when the same bytes were seen twice in a row in its slot, so elements that change with every
/// message (ids inside details) never cost more than one hash. The values are immutable (strings, parsed
/// <see cref="System.Text.Json.JsonElement"/>s, which are safe to read from any thread), so sharing them is safe.
/// </summary>
/// <typeparam name="T">The decoded value.</typeparam>
internal sealed class RecentValues<T>
{
    /// <summary>The longest encoded element remembered.</summary>
    public const int MaxKeyLength = 128;

    private const int Slots = 256;

    private readonly Entry?[] _entries = new Entry?[Slots];
    private readonly int[] _seen = new int[Slots];

    /// <summary>Finds the value decoded earlier from exactly <paramref name="encoded"/>.</summary>
    /// <param name="encoded">The element's encoded bytes.</param>
    /// <param name="hash">Its hash, to pass to <see cref="Remember"/> when not found.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(ReadOnlySpan<byte> encoded, out int hash, out T value)
    {
        if (encoded.Length > MaxKeyLength)
        {
            hash = 0;
            value = default!;
            return false;
        }

        var hasher = default(HashCode);
        hasher.AddBytes(encoded);
        hash = hasher.ToHashCode();
        if (_entries[hash & (Slots - 1)] is { } entry && entry.Hash == hash && encoded.SequenceEqual(entry.Key))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Offers a value just decoded; it is kept when its bytes were the last ones seen in its slot.</summary>
    /// <param name="encoded">The element's encoded bytes.</param>
    /// <param name="hash">The hash <see cref="TryGet"/> returned.</param>
    /// <param name="value">The decoded value.</param>
    public void Remember(ReadOnlySpan<byte> encoded, int hash, T value)
    {
        if (encoded.Length > MaxKeyLength)
        {
            return;
        }

        int slot = hash & (Slots - 1);
        if (_seen[slot] == hash)
        {
            _entries[slot] = new Entry(hash, encoded.ToArray(), value);
        }
        else
        {
            _seen[slot] = hash;
        }
    }

    private sealed class Entry(int hash, byte[] key, T value)
    {
        public int Hash { get; } = hash;

        public byte[] Key { get; } = key;

        public T Value { get; } = value;
    }
}
