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

    /// <summary>Derives a salted key: Base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keyLength)).</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="salt">The salt (used as its UTF-8 bytes).</param>
    /// <param name="iterations">The PBKDF2 iteration count.</param>
    /// <param name="keyLength">The derived key's length in bytes.</param>
    /// <returns>The derived key as Base64 text; pass it to <see cref="Sign"/>.</returns>
    public static string DeriveKey(string secret, string salt, int iterations = DefaultIterations, int keyLength = DefaultKeyLength)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyLength);
        byte[] derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, keyLength);
        try
        {
            return Convert.ToBase64String(derived);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Signs a challenge: Base64(HMAC-SHA256(UTF-8 key, UTF-8 challenge)).</summary>
    /// <param name="key">The secret, or the result of <see cref="DeriveKey"/> when the router salts.</param>
    /// <param name="challenge">The challenge string exactly as the router sent it.</param>
    /// <returns>The signature for AUTHENTICATE.</returns>
    public static string Sign(string key, string challenge)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(challenge);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(challenge)));
    }
}
