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
}
