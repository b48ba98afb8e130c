using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>Who a cryptosign key is on a realm: accepted with an authid and authrole, or refused with an ABORT reason.</summary>
/// <param name="Realm">The realm the session joins (a node's own management realm when it asked for none).</param>
/// <param name="AuthId">The authid the session gets.</param>
/// <param name="AuthRole">The authrole the session gets.</param>
/// <param name="AuthExtra">For nodes: the authextra stored at pairing.</param>
/// <param name="ErrorUri">When refused: the ABORT reason.</param>
/// <param name="Message">When refused: why.</param>
internal sealed record FakeAuthDecision(string? Realm, string? AuthId, string? AuthRole, JsonElement? AuthExtra, string? ErrorUri, string? Message)
{
    public bool IsAccepted => ErrorUri is null;

    public static FakeAuthDecision Refuse(string uri, string message) => new(null, null, null, null, uri, message);
}

/// <summary>
/// The fake's authentication rules; the router checks the cryptosign signature for real and asks this which
/// identity a public key has (an unknown key is refused with <c>wamp.error.not_authorized</c>):
/// <list type="bullet">
/// <item>Users (by public key) join the global realm as <c>user</c>, or a management realm on which they hold a role:
/// their highest role, or a requested role they hold. A requested authid must be the user's.</item>
/// <item>Paired nodes (by public key) join their management realm (when the HELLO names none or that one) as role
/// <c>node</c> with their node id as authid.</item>
/// </list>
/// </summary>
internal sealed class FakeCfcAuthenticatorPolicy(FakeCfcState state)
{
    public const string UserRole = "user";
    public const string NodeRole = "node";

    /// <summary>
    /// The CrossbarMaster contract: every user is treated as the master's superuser, who may join every management realm
    /// as <c>owner</c> (the master's router roles on a management realm are <c>owner</c>, <c>backend</c>, <c>node</c> and <c>public</c>).
    /// </summary>
    public bool EveryUserIsSuperuser { get; init; }

    /// <summary>The prefix of the master's registration ABORT reasons.</summary>
    public const string AuthFailedPrefix = "fabric.auth-failed.";

    /// <summary>How long an activation code is valid on the master.</summary>
    public static readonly TimeSpan ActivationCodeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Decides for a HELLO with cryptosign.</summary>
    /// <param name="realm">The realm asked for, or <see langword="null"/>.</param>
    /// <param name="authId">The authid asked for, or <see langword="null"/>.</param>
    /// <param name="authRole">The authrole asked for, or <see langword="null"/>.</param>
    /// <param name="publicKeyHex">The public key from the HELLO's authextra.</param>
    /// <param name="authExtra">HELLO's authextra (<c>activation_code</c>, <c>request_new_activation_code</c>), or <see langword="null"/>.</param>
    public FakeAuthDecision Decide(string? realm, string? authId, string? authRole, string? publicKeyHex, System.Text.Json.JsonElement? authExtra = null)
    {
        if (!FakeCfcState.IsPublicKey(publicKeyHex))
        {
            return FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, "cryptosign needs authextra.pubkey: 64 hex characters");
        }

        lock (state.Gate)
        {
            if (state.FindNodeByPublicKey(publicKeyHex!) is { } node)
            {
                return realm is null || realm == node.RealmName
                    ? new FakeAuthDecision(node.RealmName, node.NodeId, NodeRole, node.AuthExtra, null, null)
                    : FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"node '{node.NodeId}' is paired with management realm '{node.RealmName}', not '{realm}'");
            }

            FakeCfcUser? user = state.FindUserByPublicKey(publicKeyHex!);
            if (user is null && EveryUserIsSuperuser && authId is not null)
            {
                // The master's registration: a new key gets an activation code by mail; logging in with it activates the key.
                FakeAuthDecision? refused = Activate(authId, publicKeyHex!.ToLowerInvariant(), authExtra);
                if (refused is not null)
                {
                    return refused;
                }

                user = state.FindUserByPublicKey(publicKeyHex!);
            }

            if (user is null)
            {
                return FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, "unknown public key");
            }

            if (authId is not null && authId != user.AuthId)
            {
                return FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"the key does not belong to '{authId}'");
            }

            if (realm is null || realm == FakeCfcState.GlobalRealm)
            {
                return authRole is null or UserRole
                    ? new FakeAuthDecision(FakeCfcState.GlobalRealm, user.AuthId, UserRole, null, null, null)
                    : FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"role '{authRole}' is not available on the global realm");
            }

            if (state.FindRealm(realm) is not { Status: FakeRealmStatus.Active } mrealm)
            {
                return FakeAuthDecision.Refuse(FakeErrors.NoSuchRealm, $"no management realm '{realm}'");
            }

            if (EveryUserIsSuperuser)
            {
                return authRole is null or FakeRoles.Owner
                    ? new FakeAuthDecision(realm, user.AuthId, FakeRoles.Owner, null, null, null)
                    : FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"role '{authRole}' is not available to users on management realm '{realm}'");
            }

            IReadOnlyList<string> roles = mrealm.RolesOf(user.AuthId);
            if (roles.Count == 0)
            {
                return FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"'{user.AuthId}' holds no role on management realm '{realm}'");
            }

            if (authRole is not null && !roles.Contains(authRole))
            {
                return FakeAuthDecision.Refuse(FakeErrors.NotAuthorized, $"'{user.AuthId}' does not hold role '{authRole}' on management realm '{realm}'");
            }

            return new FakeAuthDecision(realm, user.AuthId, authRole ?? roles[^1], null, null, null);
        }
    }

    // Under the lock. Null when the key was activated now (the caller then finds the new user).
    private FakeAuthDecision? Activate(string authId, string publicKey, System.Text.Json.JsonElement? authExtra)
    {
        string? code = authExtra is { ValueKind: System.Text.Json.JsonValueKind.Object } e && e.TryGetProperty("activation_code", out System.Text.Json.JsonElement c)
            && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
        bool requestNew = authExtra is { ValueKind: System.Text.Json.JsonValueKind.Object } x && x.TryGetProperty("request_new_activation_code", out System.Text.Json.JsonElement r)
            && r.ValueKind == System.Text.Json.JsonValueKind.True;
        FakeActivation? pending = state.PendingActivations.GetValueOrDefault(publicKey);
        if (pending is not null && state.Now - pending.Sent > ActivationCodeLifetime)
        {
            state.PendingActivations.Remove(publicKey);
            pending = null;
        }

        if (code is not null)
        {
            if (pending is null)
            {
                return FakeAuthDecision.Refuse(AuthFailedPrefix + "no-pending-activation", "There is no pending activation for this key - please request a new code");
            }

            if (!string.Equals(code, pending.Code, StringComparison.Ordinal) || pending.AuthId != authId)
            {
                return FakeAuthDecision.Refuse(AuthFailedPrefix + "invalid-activation-code", "The activation code is invalid or has expired - please request a new code");
            }

            state.PendingActivations.Remove(publicKey);
            FakeCfcUser? existing = state.FindUser(authId);
            state.AddUser(new FakeCfcUser(authId, publicKey) { RealmRoles = existing?.RealmRoles ?? new Dictionary<string, IReadOnlyList<string>>() });
            return null;
        }

        if (pending is not null && !requestNew)
        {
            return FakeAuthDecision.Refuse(AuthFailedPrefix + "pending-activation", "There is a pending activation (from a moment ago) - please check your email inbox, or request a new code");
        }

        state.PendingActivations[publicKey] = new FakeActivation(authId, NewCode(), state.Now);
        return state.FindUser(authId) is not null
            ? FakeAuthDecision.Refuse(AuthFailedPrefix + "registered-user-auth-code-sent", $"We have sent an authentication code to {authId}.")
            : FakeAuthDecision.Refuse(AuthFailedPrefix + "new-user-auth-code-sent", $"We have sent an authentication code to {authId}.");
    }

    // Codes look like RESF-MQPJ-WPYQ.
    private string NewCode()
    {
        const string Alphabet = "ACEFGHJKLMNPQRSTUVWXY34679";
        return string.Join('-', Enumerable.Range(0, 3).Select(_ => new string([.. Enumerable.Range(0, 4).Select(_ => Alphabet[state.Random.Next(Alphabet.Length)])])));
    }
}

/// <summary>An activation code the master "mailed" for a new key.</summary>
/// <param name="AuthId">The authid (e-mail) the key registers for.</param>
/// <param name="Code">The code.</param>
/// <param name="Sent">When it was sent.</param>
internal sealed record FakeActivation(string AuthId, string Code, DateTimeOffset Sent);
