using System.Security.Cryptography;
using NSec.Cryptography;

namespace Cfc.Wamp.Auth;

/// <summary>
/// An Ed25519 key for WAMP-cryptosign. The 32-byte seed goes in and never comes out: the key is imported as
/// non-exportable, and <see cref="ToString"/> shows only the public key.
/// </summary>
public sealed class Ed25519Signer : ICryptosignSigner, IDisposable
{
    /// <summary>The seed (private key) length in bytes.</summary>
    public const int SeedLength = 32;

    private readonly Key _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Ed25519Signer(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        PublicKeyHex = Convert.ToHexStringLower(_publicKey);
    }

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The public key as 64 lowercase hex characters (the form HELLO's <c>authextra.pubkey</c> carries).</summary>
    public string PublicKeyHex { get; }

    /// <summary>Creates a signer from a 32-byte seed.</summary>
    /// <param name="seed">The seed (what Crossbar calls the private key).</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static Ed25519Signer FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedLength} bytes, not {seed.Length}.", nameof(seed));
        }

        return new Ed25519Signer(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }));
    }

    /// <summary>Creates a signer from a seed written as 64 hex characters.</summary>
    /// <param name="seedHex">The seed in hex.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">The text is not 64 hex characters (the message never repeats it).</exception>
    public static Ed25519Signer FromSeedHex(string seedHex)
    {
        ArgumentNullException.ThrowIfNull(seedHex);
        if (!Hex.TryParse(seedHex.Trim(), SeedLength, out byte[] seed))
        {
            throw new ArgumentException($"An Ed25519 seed in hex is {SeedLength * 2} hex characters; the given text ({seedHex.Length} characters) is not.", nameof(seedHex));
        }

        try
        {
            return FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Creates a signer with a new random key.</summary>
    /// <returns>The signer.</returns>
    public static Ed25519Signer Generate() => new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }));

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return SignatureAlgorithm.Ed25519.Sign(_key, message);
    }

    /// <summary>Shows the public key only.</summary>
    /// <returns>A description without the secret.</returns>
    public override string ToString() => $"Ed25519 key {PublicKeyHex}";

    /// <summary>Releases the key material.</summary>
    public void Dispose()
    {
        _disposed = true;
        _key.Dispose();
    }
}
