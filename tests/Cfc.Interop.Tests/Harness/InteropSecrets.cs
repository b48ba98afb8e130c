namespace Cfc.Interop.Tests.Harness;

/// <summary>The users the fox-wamp launcher accepts on its auth listener (passed to router.js as its config).</summary>
internal static class InteropSecrets
{
    public const string Realm = "realm1";

    /// <summary>A dotted realm, created up front (fox-wamp would crash on it otherwise).</summary>
    public const string DottedRealm = "com.example.interop";

    public const string TicketUser = "alice";
    public const string Ticket = "alice-ticket-7b1d";

    public const string CraUser = "peter";
    public const string CraSecret = "secret1";

    /// <summary>Salted WAMP-CRA with the autobahn vector's secret and salt.</summary>
    public const string SaltedCraUser = "salty";
    public const string SaltedCraSecret = "L3L1YUE8Txlw";
    public const string Salt = "salt123";
    public const int Iterations = 1000;
    public const int KeyLength = 32;

    /// <summary>Cryptosign vector #1 (wamp-proto / autobahn test_vectors_1): seed and public key.</summary>
    public const string CryptosignSeedHex = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";
    public const string CryptosignPublicKeyHex = "1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d";
    public const string CryptosignUser = "carol";

    /// <summary>Cryptosign vector #2's seed: a valid key the router does not know.</summary>
    public const string UnknownCryptosignSeedHex = "d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd";

    /// <summary>The ABORT reason fox-wamp sends for every failed authentication.</summary>
    public const string AuthenticationFailed = "wamp.error.authentication_failed";

    /// <summary>router.js's configuration (JSON).</summary>
    public static string RouterConfigJson() =>
        System.Text.Json.JsonSerializer.Serialize(
            new RouterConfig(
                [Realm, DottedRealm],
                new Dictionary<string, string> { [TicketUser] = Ticket },
                new Dictionary<string, CraUser>
                {
                    [CraUser] = new(CraSecret, null, null, null),
                    [SaltedCraUser] = new(SaltedCraSecret, Salt, Iterations, KeyLength),
                },
                new Dictionary<string, string> { [CryptosignPublicKeyHex] = CryptosignUser }),
            RouterConfigJsonContext.Default.RouterConfig);
}
