using Cfc.Wamp;
using NSec.Cryptography;

namespace Cfc.Interop.Tests.Harness;

/// <summary>
/// An Ed25519 <see cref="ICryptosignSigner"/> over NSec, local to these tests so that they check the cryptosign
/// authenticator against fox-wamp independently of the SDK's own signer.
/// </summary>
internal sealed class TestSigner : ICryptosignSigner, IDisposable
{
    private readonly Key _key;
    private readonly byte[] _publicKey;

    private TestSigner(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static TestSigner FromSeedHex(string seedHex) =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seedHex), KeyBlobFormat.RawPrivateKey));

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public string PublicKeyHex => Convert.ToHexStringLower(_publicKey);

    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public void Dispose() => _key.Dispose();
}
