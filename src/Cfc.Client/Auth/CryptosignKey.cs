using System.Globalization;
using Cfc.Wamp;
using NSec.Cryptography;

namespace Cfc.Client;

/// <summary>
/// An Ed25519 key for WAMP-cryptosign (RFC 8032, via NSec). The 32-byte seed stays inside: <see cref="ToString"/>,
/// logs and exceptions show the public key only. Dispose it to release the secret.
/// </summary>
public sealed class CryptosignKey : ICryptosignSigner, IDisposable
{
    private const string PrivateTag = "private-key-ed25519";
    private const string PublicTag = "public-key-ed25519";
    private const string UserIdTag = "user-id";

    private readonly Key _key;
    private readonly byte[] _publicKey;

    private CryptosignKey(Key key, string? userId)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        PublicKeyHex = Convert.ToHexStringLower(_publicKey);
        UserId = userId;
    }

    /// <summary>The public key as 64 lowercase hex characters (what CFC pairs nodes by).</summary>
    public string PublicKeyHex { get; }

    /// <summary>The <c>user-id</c> of the key file the key was loaded from, if it had one; otherwise <see langword="null"/>.</summary>
    public string? UserId { get; }

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Creates a new random key.</summary>
    /// <returns>The key.</returns>
    public static CryptosignKey Generate() => new(Key.Create(SignatureAlgorithm.Ed25519), null);

    /// <summary>Creates a key from its 32-byte seed (the "private key" of cryptosign).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static CryptosignKey FromSeed(ReadOnlySpan<byte> seed) => FromSeed(seed, null);

    /// <summary>Creates a key from its seed as 64 hex characters.</summary>
    /// <param name="seedHex">The seed in hex.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The text is not 64 hex characters.</exception>
    public static CryptosignKey FromSeedHex(string seedHex)
    {
        ArgumentNullException.ThrowIfNull(seedHex);
        byte[] seed = ParseHex32(seedHex.Trim(), nameof(seedHex), "the seed");
        try
        {
            return FromSeed(seed);
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    /// <summary>
    /// Loads a Crossbar key file: <c>tag: value</c> lines, among them <c>private-key-ed25519: &lt;64 hex&gt;</c>; when the file
    /// also has <c>public-key-ed25519</c>, it must match the private key. Comment lines (<c>#</c>) and other tags are ignored.
    /// </summary>
    /// <param name="path">The key file, e.g. <c>~/.crossbar/default.priv</c>.</param>
    /// <returns>The key (with <see cref="UserId"/> from the file's <c>user-id</c>, if any).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file has no private key, a malformed one, or a public key that does not match.</exception>
    public static CryptosignKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Dictionary<string, string> tags = ParseKeyFile(File.ReadAllLines(path));
        if (!tags.TryGetValue(PrivateTag, out string? privateHex))
        {
            string hint = tags.ContainsKey(PublicTag) ? " It has only a public key: load the .priv file, not the .pub one." : string.Empty;
            throw new FormatException($"Key file '{path}' has no '{PrivateTag}: <64 hex>' line.{hint}");
        }

        byte[] seed;
        try
        {
            seed = ParseHex32(privateHex, PrivateTag, "the private key");
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Key file '{path}': {ex.Message}", ex);
        }

        CryptosignKey key;
        try
        {
            key = FromSeed(seed, tags.GetValueOrDefault(UserIdTag));
        }
        finally
        {
            Array.Clear(seed);
        }

        if (tags.TryGetValue(PublicTag, out string? publicHex) && !string.Equals(publicHex, key.PublicKeyHex, StringComparison.OrdinalIgnoreCase))
        {
            string actual = key.PublicKeyHex;
            key.Dispose();
            throw new FormatException($"Key file '{path}': {PublicTag} {publicHex} does not belong to the private key (whose public key is {actual}).");
        }

        return key;
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>Checks a signature against this key's public key.</summary>
    /// <param name="message">The message.</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <returns><see langword="true"/> when the signature is valid.</returns>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, message, signature);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"Ed25519 key {PublicKeyHex}";

    private static CryptosignKey FromSeed(ReadOnlySpan<byte> seed, string? userId)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException($"An Ed25519 seed is 32 bytes, not {seed.Length}.", nameof(seed));
        }

        return new CryptosignKey(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey), userId);
    }

    private static byte[] ParseHex32(string hex, string paramName, string what)
    {
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            // The value itself is never echoed: it may be a secret.
            throw new ArgumentException($"{what} must be 64 hex characters (32 bytes); got {hex.Length} characters{(hex.All(char.IsAsciiHexDigit) ? string.Empty : " with non-hex ones")}.", paramName);
        }

        return Convert.FromHexString(hex);
    }

    private static Dictionary<string, string> ParseKeyFile(string[] lines)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || colon <= 0)
            {
                continue;
            }

            string tag = line[..colon].Trim().ToLower(CultureInfo.InvariantCulture);
            tags[tag] = line[(colon + 1)..].Trim();
        }

        return tags;
    }
}
