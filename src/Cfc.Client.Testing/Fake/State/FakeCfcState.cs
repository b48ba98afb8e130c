using System.Text.RegularExpressions;

namespace Cfc.Client.Testing;

/// <summary>
/// Everything the fake CFC knows: management realms with their roles, paired nodes (each a <see cref="SimulatedNode"/>),
/// users, the startup nonce and the tick counter. One lock (<see cref="Gate"/>) guards all of it, including the
/// simulated nodes; handlers hold it only between events, never while publishing.
/// </summary>
internal sealed partial class FakeCfcState
{
    /// <summary>The global users realm.</summary>
    public const string GlobalRealm = "com.crossbario.fabric";

    /// <summary>The version <c>get_status</c> reports (the seed's example).</summary>
    public const string DefaultVersion = "v17.8.1";

    private static readonly string[] ReservedPrefixes = ["crossbar", "fabric", "wamp", "autobahn", "com.crossbario"];

    private readonly Dictionary<string, FakeCfcUser> _usersById = new(StringComparer.Ordinal);

    public FakeCfcState(TimeProvider? time = null, Random? random = null)
    {
        Time = time ?? TimeProvider.System;
        Random = random ?? new Random();
        Started = Time.GetUtcNow();
        Nonce = Convert.ToHexStringLower(RandomBytes(16));
        Tick = Random.NextInt64(1, 1_000_000);
    }

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    public Random Random { get; }

    public string Version { get; init; } = DefaultVersion;

    /// <summary>Random per start, unchanged while running.</summary>
    public string Nonce { get; }

    public DateTimeOffset Started { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Starts at a random value; the system API adds one every tick period.</summary>
    public long Tick { get; set; }

    /// <summary>Management realms by name, in creation order.</summary>
    public OrderedDictionary<string, FakeRealm> Realms { get; } = new(StringComparer.Ordinal);

    /// <summary>Paired nodes by public key (lower-case hex), in pairing order.</summary>
    public OrderedDictionary<string, SimulatedNode> Nodes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<FakeCfcUser> Users => _usersById.Values;

    public byte[] RandomBytes(int count)
    {
        byte[] bytes = new byte[count];
        Random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random (version 4) UUID, as the master's <c>uuid.uuid4()</c> object ids, from the state's seedable <see cref="Random"/>.</summary>
    public string NewOid()
    {
        byte[] bytes = RandomBytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // Guid's byte layout: the version nibble is the high nibble of byte 7.
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant.
        return new Guid(bytes).ToString();
    }

    public FakeRealm? FindRealm(string name) => Realms.GetValueOrDefault(name);

    /// <summary>The realm a caller may see: it exists and the caller holds a role on it.</summary>
    public FakeRealm AccessibleRealm(FakeCallContext context, string name)
    {
        FakeRealm realm = FindRealm(name) ?? throw FakeErrors.NotFound($"management realm '{name}'");
        return realm.RolesOf(context.AuthId).Count > 0
            ? realm
            : throw FakeErrors.Denied($"'{context.AuthId}' holds no role on management realm '{name}'");
    }

    public IEnumerable<SimulatedNode> NodesOf(string realm) => Nodes.Values.Where(n => string.Equals(n.RealmName, realm, StringComparison.Ordinal));

    /// <summary>A node of <paramref name="realm"/> by node id (authid) or oid.</summary>
    public SimulatedNode? FindNode(string realm, string nodeIdOrOid) =>
        NodesOf(realm).FirstOrDefault(n => string.Equals(n.NodeId, nodeIdOrOid, StringComparison.Ordinal) || string.Equals(n.Oid, nodeIdOrOid, StringComparison.Ordinal));

    public SimulatedNode? FindNodeByPublicKey(string publicKeyHex) => Nodes.GetValueOrDefault(publicKeyHex.ToLowerInvariant());

    public FakeCfcUser? FindUser(string authId) => _usersById.GetValueOrDefault(authId);

    public FakeCfcUser? FindUserByPublicKey(string publicKeyHex) =>
        _usersById.Values.FirstOrDefault(u => string.Equals(u.PublicKeyHex, publicKeyHex, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes a user: its key no longer logs in (sessions already open stay). False when there was none.</summary>
    public bool RemoveUser(string authId)
    {
        lock (Gate)
        {
            return _usersById.Remove(authId);
        }
    }

    /// <summary>Adds (or replaces) a user and grants the roles it names; realms it names that do not exist are created active, without events.</summary>
    public void AddUser(FakeCfcUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(user.AuthId);
        if (!IsPublicKey(user.PublicKeyHex))
        {
            throw new ArgumentException("A user's public key is 64 hex characters.", nameof(user));
        }

        lock (Gate)
        {
            _usersById[user.AuthId] = user;
            foreach ((string realmName, IReadOnlyList<string> roles) in user.RealmRoles)
            {
                if (!IsValidRealmName(realmName))
                {
                    throw new ArgumentException($"'{realmName}' is not a valid management realm name.", nameof(user));
                }

                if (!Realms.TryGetValue(realmName, out FakeRealm? realm))
                {
                    realm = new FakeRealm(realmName, NewOid(), Now, roles.Contains(FakeRoles.Owner) ? user.AuthId : null) { Status = FakeRealmStatus.Active };
                    Realms.Add(realmName, realm);
                }

                foreach (string role in roles)
                {
                    if (!FakeRoles.IsValid(role))
                    {
                        throw new ArgumentException($"'{role}' is not a management realm role.", nameof(user));
                    }

                    realm.Grant(user.AuthId, role);
                }
            }
        }
    }

    /// <summary>The master's rule: a letter, then 2 to 254 of letters, digits, <c>_-@.</c>; no reserved prefix.</summary>
    public static bool IsValidRealmName(string? name) =>
        name is not null && RealmNamePattern().IsMatch(name) && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static bool IsPublicKey(string? hex) => hex is { Length: 64 } && hex.All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-@\.]{2,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex RealmNamePattern();
}
