using System.Security.Cryptography;
using System.Text;

namespace Cfc.Wamp.Auth;

/// <summary>
/// The WAMP-CRA computations, public so that a router can verify what a client signs.
/// Keys are strings because both forms are text: the plain secret, or the Base64 of the salted derivation
/// (whose ASCII bytes are the HMAC key, as autobahn and WampSharp do it).
/// </summary>
public static class WampCra
{
    /// <summary>The PBKDF2 iteration count used when the router sends a salt but no <c>iterations</c>.</summary>
    public const int DefaultIterations = 1000;

    /// <summary>The derived key length used when the router sends a salt but no <c>keylen</c>.</summary>
    public const int DefaultKeyLength = 32;

    /// <summary>
    /// The most PBKDF2 iterations the client runs for a router's salted challenge: 100,000 (Crossbar and autobahn
    /// default to 1,000). The router chooses the count, so without a cap it chooses the client's CPU time.
    /// </summary>
    public const int MaxIterations = 100_000;

    /// <summary>The longest derived key the client computes for a router's salted challenge: 64 bytes (the default is 32).</summary>
    public const int MaxKeyLength = 64;

    // How many iterations run between two looks at the cancellation token (a few milliseconds of work).
    private const int CancellationCheckInterval = 4096;

    /// <summary>Derives a salted key: Base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keyLength)).</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="salt">The salt (used as its UTF-8 bytes).</param>
    /// <param name="iterations">The PBKDF2 iteration count.</param>
    /// <param name="keyLength">The derived key's length in bytes.</param>
    /// <returns>The derived key as Base64 text; pass it to <see cref="Sign"/>.</returns>
    public static string DeriveKey(string secret, string salt, int iterations = DefaultIterations, int keyLength = DefaultKeyLength) =>
        DeriveKey(secret, salt, iterations, keyLength, CancellationToken.None);

    /// <summary>
    /// Derives a salted key like <see cref="DeriveKey(string, string, int, int)"/>, looking at
    /// <paramref name="cancellationToken"/> every few thousand iterations so that a connect timeout stops it.
    /// </summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="salt">The salt (used as its UTF-8 bytes).</param>
    /// <param name="iterations">The PBKDF2 iteration count.</param>
    /// <param name="keyLength">The derived key's length in bytes.</param>
    /// <param name="cancellationToken">Stops the derivation.</param>
    /// <returns>The derived key as Base64 text; pass it to <see cref="Sign"/>.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static string DeriveKey(string secret, string salt, int iterations, int keyLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyLength);
        byte[] password = Encoding.UTF8.GetBytes(secret);
        byte[] derived = new byte[keyLength];
        try
        {
            Pbkdf2(password, Encoding.UTF8.GetBytes(salt), iterations, derived, cancellationToken);
            return Convert.ToBase64String(derived);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(password);
        }
    }

    // RFC 8018 PBKDF2 with HMAC-SHA256, written out so that it can stop between iterations (the framework's cannot).
    private static void Pbkdf2(byte[] password, byte[] salt, int iterations, Span<byte> destination, CancellationToken cancellationToken)
    {
        const int HashLength = 32;
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, password);
        Span<byte> u = stackalloc byte[HashLength];
        Span<byte> block = stackalloc byte[HashLength];
        Span<byte> index = stackalloc byte[4];
        try
        {
            for (int blockNumber = 1, offset = 0; offset < destination.Length; blockNumber++, offset += HashLength)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(index, blockNumber);
                hmac.AppendData(salt);
                hmac.AppendData(index);
                hmac.GetHashAndReset(u);
                u.CopyTo(block);
                for (int i = 1; i < iterations; i++)
                {
                    if (i % CancellationCheckInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    hmac.AppendData(u);
                    hmac.GetHashAndReset(u);
                    for (int j = 0; j < HashLength; j++)
                    {
                        block[j] ^= u[j];
                    }
                }

                block[..Math.Min(HashLength, destination.Length - offset)].CopyTo(destination[offset..]);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(u);
            CryptographicOperations.ZeroMemory(block);
        }
    }

    /// <summary>Signs a challenge: Base64(HMAC-SHA256(UTF-8 key, UTF-8 challenge)).</summary>
    /// <param name="key">The secret, or the result of <see cref="DeriveKey(string, string, int, int)"/> when the router salts.</param>
    /// <param name="challenge">The challenge string exactly as the router sent it.</param>
    /// <returns>The signature for AUTHENTICATE.</returns>
    public static string Sign(string key, string challenge)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(challenge);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(challenge)));
    }
}
