namespace Cfc.Client.Tests.Client;

public sealed class CryptosignKeyTests
{
    // RFC 8032, section 7.1, test 1.
    private const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string EmptySignature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [Fact]
    public void Seed_hex_gives_the_rfc8032_public_key_and_signature()
    {
        using CryptosignKey key = CryptosignKey.FromSeedHex(Seed);

        Assert.Equal(PublicKey, key.PublicKeyHex);
        Assert.Equal(PublicKey, Convert.ToHexStringLower(key.PublicKey));
        Assert.Equal(EmptySignature, Convert.ToHexStringLower(key.Sign([])));
        Assert.True(key.Verify([], Convert.FromHexString(EmptySignature)));
    }

    [Fact]
    public void From_seed_bytes_and_generate_work_and_wrong_sizes_are_refused()
    {
        using CryptosignKey fromBytes = CryptosignKey.FromSeed(Convert.FromHexString(Seed));
        Assert.Equal(PublicKey, fromBytes.PublicKeyHex);
        using CryptosignKey generated = CryptosignKey.Generate();
        Assert.Equal(64, generated.PublicKeyHex.Length);
        Assert.True(generated.Verify("m"u8, generated.Sign("m"u8)));
        Assert.Throws<ArgumentException>(() => CryptosignKey.FromSeed(new byte[31]));
        ArgumentException ex = Assert.Throws<ArgumentException>(() => CryptosignKey.FromSeedHex(Seed[..62] + "zz"));
        Assert.DoesNotContain(Seed[..62], ex.Message);
    }

    [Fact]
    public void ToString_and_authenticators_never_show_the_secret()
    {
        using CryptosignKey key = CryptosignKey.FromSeedHex(Seed);

        Assert.DoesNotContain(Seed, key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PublicKey, key.ToString());
        Assert.Equal("cryptosign as alice@example.com", CfcAuthenticator.Cryptosign(key, "alice@example.com").ToString());
        Assert.DoesNotContain("s3cret", CfcAuthenticator.Ticket("bob", "s3cret").ToString());
        Assert.DoesNotContain("s3cret", CfcAuthenticator.WampCra("bob", "s3cret").ToString());
        Assert.Equal("anonymous", CfcAuthenticator.Anonymous.ToString());
    }

    [Fact]
    public void A_disposed_key_no_longer_signs()
    {
        CryptosignKey key = CryptosignKey.FromSeedHex(Seed);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign([]));
    }

    [Fact]
    public void Loads_a_crossbar_key_file_and_checks_the_public_key()
    {
        string dir = Directory.CreateTempSubdirectory("cfc-key-").FullName;
        try
        {
            string priv = Path.Combine(dir, "default.priv");
            File.WriteAllText(priv, $"Crossbar.io user private key - KEEP THIS SAFE!\n\ncreator: alice@host\ncreated-at: 2018-01-01T00:00:00.000Z\nuser-id: alice@example.com\npublic-key-ed25519: {PublicKey}\nprivate-key-ed25519: {Seed}\n");
            using (CryptosignKey key = CryptosignKey.Load(priv))
            {
                Assert.Equal(PublicKey, key.PublicKeyHex);
                Assert.Equal("alice@example.com", key.UserId);
            }

            string mismatch = Path.Combine(dir, "bad.priv");
            File.WriteAllText(mismatch, $"public-key-ed25519: {new string('0', 64)}\nprivate-key-ed25519: {Seed}\n");
            FormatException ex = Assert.Throws<FormatException>(() => CryptosignKey.Load(mismatch));
            Assert.Contains("does not belong", ex.Message);
            Assert.DoesNotContain(Seed, ex.Message);

            string pub = Path.Combine(dir, "default.pub");
            File.WriteAllText(pub, $"creator: alice@host\npublic-key-ed25519: {PublicKey}\n");
            Assert.Contains(".pub", Assert.Throws<FormatException>(() => CryptosignKey.Load(pub)).Message);

            string malformed = Path.Combine(dir, "short.priv");
            File.WriteAllText(malformed, "private-key-ed25519: abcd\n");
            FormatException shortEx = Assert.Throws<FormatException>(() => CryptosignKey.Load(malformed));
            Assert.Contains("64 hex", shortEx.Message);

            Assert.Throws<FileNotFoundException>(() => CryptosignKey.Load(Path.Combine(dir, "missing.priv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
