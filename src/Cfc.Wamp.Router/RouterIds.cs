using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cfc.Wamp.Router;

/// <summary>Random WAMP ids in 1..2^53 (global scope: sessions, publications; the router also uses them for subscriptions and registrations).</summary>
internal static class RouterIds
{
    public static long Next()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(bytes) & ((1UL << 53) - 1);
        return (long)value + 1;
    }

    /// <summary>
    /// A publication id: random and uniform in 1..2^53 as WAMP asks, but from the fast shared generator, not the
    /// cryptographic one (one per PUBLISH: the cryptographic generator cost more than routing the event). Publication
    /// ids identify, they grant nothing, so they need not be unpredictable.
    /// </summary>
    public static long NextPublication() => Random.Shared.NextInt64(1L << 53) + 1;
}
