using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cfc.Wamp;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Router;

/// <summary>The opening of a session: HELLO validation, realm lookup, the authentication method walk, CHALLENGE/AUTHENTICATE, WELCOME.</summary>
internal sealed partial class RouterConnection
{
    private static readonly string[] s_roles = ["publisher", "subscriber", "caller", "callee"];

    private async ValueTask<bool> HandleHelloAsync(HelloMessage hello, CancellationToken cancellationToken)
    {
        if (ValidateHello(hello) is { } violation)
        {
            ProtocolViolation(violation);
            return false;
        }

        RouterRealm? realm = _router.FindRealm(hello.Realm);
        if (realm is null)
        {
            Abort(WampErrorUris.NoSuchRealm, $"no realm '{hello.Realm}' on this router");
            return false;
        }

        JsonElement details = hello.Details;
        string? method = ReadAuthMethods(details).FirstOrDefault(m => m is "anonymous" or "ticket" or "wampcra" or "cryptosign" && realm.Authenticator.Supports(realm.Name, m));
        if (method is null)
        {
            Abort(WampErrorUris.NoAuthMethod, $"none of the offered authentication methods is allowed on realm '{realm.Name}'");
            return false;
        }

        string? authId = RouterJson.GetString(details, "authid");
        JsonElement authExtra = RouterJson.TryGetObject(details, "authextra", out JsonElement extra) ? extra : WampJson.EmptyObject;
        string? publicKey = null;
        if (method == "cryptosign")
        {
            publicKey = RouterJson.GetString(authExtra, "pubkey");
            if (!RouterChallenges.IsPublicKeyHex(publicKey))
            {
                Abort(WampErrorUris.NotAuthorized, "cryptosign needs authextra.pubkey: an Ed25519 public key as 64 hex characters");
                return false;
            }

            // No TLS here, so no channel to bind to: only null/absent is acceptable.
            if (authExtra.TryGetProperty("channel_binding", out JsonElement binding) && binding.ValueKind != JsonValueKind.Null)
            {
                Abort(WampErrorUris.NotAuthorized, "channel binding is not supported by this router");
                return false;
            }

            publicKey = publicKey!.ToLowerInvariant();
        }
        else if (method is "ticket" or "wampcra" && authId is null)
        {
            Abort(WampErrorUris.NotAuthorized, $"{method} needs an authid");
            return false;
        }

        var request = new WampAuthRequest(realm.Name, method, authId, RouterJson.GetString(details, "authrole"), authExtra, details) { PublicKey = publicKey };
        WampRouterPrincipal? principal;
        try
        {
            principal = await realm.Authenticator.FindPrincipalAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException refused)
        {
            // The authenticator refuses with a reason of its own (e.g. CFC's fabric.auth-failed.* registration states).
            Abort(refused.ErrorUri, refused.Message);
            return false;
        }

        if (principal is null)
        {
            // Say which credential was not recognized: a key that is not registered reads very differently from a role problem.
            string who = method == "cryptosign" && publicKey is not null
                ? $"the public key {publicKey[..Math.Min(16, publicKey.Length)]}... is not registered{(authId is null ? string.Empty : $" for '{authId}'")}"
                : $"'{authId ?? "anonymous"}' is not known";
            Abort(WampErrorUris.NotAuthorized, $"{method}: {who} on realm '{realm.Name}'");
            return false;
        }

        var pending = new PendingAuth(realm, method, principal, request, _router.ReserveSessionId(), details);
        switch (method)
        {
            case "ticket":
                _pendingAuth = pending;
                Send(new ChallengeMessage("ticket", WampJson.EmptyObject));
                return true;
            case "wampcra":
                pending.Challenge = RouterChallenges.NewWampCraChallenge(pending.AuthId, principal.AuthRole, principal.AuthProvider, pending.SessionId, _router.TimeProvider);
                _pendingAuth = pending;
                Send(new ChallengeMessage("wampcra", WampJson.BuildObject(w =>
                {
                    w.WriteString("challenge", pending.Challenge);
                    if (principal.Salt is not null)
                    {
                        w.WriteString("salt", principal.Salt);
                        w.WriteNumber("iterations", principal.Iterations);
                        w.WriteNumber("keylen", principal.KeyLength);
                    }
                })));
                return true;
            case "cryptosign":
                pending.ChallengeBytes = RouterChallenges.NewCryptosignChallenge();
                _pendingAuth = pending;
                Send(new ChallengeMessage("cryptosign", WampJson.BuildObject(w =>
                {
                    w.WriteString("challenge", Convert.ToHexStringLower(pending.ChallengeBytes));
                    w.WriteNull("channel_binding");
                })));
                return true;
            default:
                Welcome(pending);
                return true;
        }
    }

    private bool HandleAuthenticate(PendingAuth pending, AuthenticateMessage authenticate)
    {
        bool valid = pending.Method switch
        {
            "ticket" => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authenticate.Signature), Encoding.UTF8.GetBytes(pending.Principal.Secret ?? string.Empty))
                && pending.Principal.Secret is not null,
            "wampcra" => RouterChallenges.VerifyWampCra(pending.Principal, pending.Challenge!, authenticate.Signature),
            "cryptosign" => RouterChallenges.VerifyCryptosign(pending.Request.PublicKey!, pending.ChallengeBytes, authenticate.Signature),
            _ => false,
        };

        if (!valid)
        {
            Abort(WampErrorUris.NotAuthorized, $"{pending.Method}: invalid signature for '{pending.AuthId}'");
            return false;
        }

        _pendingAuth = null;
        Welcome(pending);
        return true;
    }

    private void Welcome(PendingAuth pending)
    {
        var identity = new SessionIdentity(pending.AuthId, pending.Principal.AuthRole, pending.Method, pending.Principal.AuthProvider, pending.Principal.AuthExtra);
        var session = new RouterSession(this, pending.Realm, pending.SessionId, identity, pending.HelloDetails);
        JsonElement details = WampJson.BuildObject(w =>
        {
            w.WriteString("realm", pending.Realm.Name);
            w.WriteString("authid", identity.AuthId);
            w.WriteString("authrole", identity.AuthRole);
            w.WriteString("authmethod", identity.AuthMethod);
            w.WriteString("authprovider", identity.AuthProvider);
            if (identity.AuthExtra is { } authExtra)
            {
                w.WritePropertyName("authextra");
                authExtra.WriteTo(w);
            }

            w.WriteString("agent", "Cfc.Wamp.Router");
            RouterFeatures.WriteRoles(w);
        });

        _session = session;
        _joinedSessionId = session.Id;
        pending.Realm.Join(session, new WelcomeMessage(session.Id, details));
    }

    private void ReleasePendingAuth()
    {
        if (_pendingAuth is { } pending)
        {
            _pendingAuth = null;
            _router.ReleaseSessionId(pending.SessionId);
        }
    }

    /// <summary>HELLO rules: a valid realm URI and a non-empty roles dictionary of known roles with boolean features.</summary>
    private static string? ValidateHello(HelloMessage hello)
    {
        if (!RouterUris.IsValid(hello.Realm, RouterUris.Exact))
        {
            return $"HELLO realm '{hello.Realm}' is not a valid URI";
        }

        if (!RouterJson.TryGetObject(hello.Details, "roles", out JsonElement roles) || !roles.EnumerateObject().Any())
        {
            return "HELLO.Details.roles must be a non-empty dictionary";
        }

        foreach (JsonProperty role in roles.EnumerateObject())
        {
            if (!s_roles.Contains(role.Name) || role.Value.ValueKind != JsonValueKind.Object)
            {
                return $"HELLO announces an unknown or malformed role '{role.Name}'";
            }

            if (role.Value.TryGetProperty("features", out JsonElement features))
            {
                if (features.ValueKind != JsonValueKind.Object
                    || features.EnumerateObject().Any(f => f.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)))
                {
                    return $"HELLO role '{role.Name}' has features that are not a dictionary of booleans";
                }
            }
        }

        if (hello.Details.TryGetProperty("authmethods", out JsonElement methods)
            && (methods.ValueKind != JsonValueKind.Array || methods.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String)))
        {
            return "HELLO.Details.authmethods must be a list of strings";
        }

        return null;
    }

    // A client that names no methods asks for anonymous access.
    private static IEnumerable<string> ReadAuthMethods(JsonElement details) =>
        details.TryGetProperty("authmethods", out JsonElement methods) && methods.GetArrayLength() > 0
            ? methods.EnumerateArray().Select(m => m.GetString()!).ToList()
            : ["anonymous"];

    /// <summary>A HELLO that is being authenticated.</summary>
    private sealed class PendingAuth(RouterRealm realm, string method, WampRouterPrincipal principal, WampAuthRequest request, long sessionId, JsonElement helloDetails)
    {
        public RouterRealm Realm { get; } = realm;

        public string Method { get; } = method;

        public WampRouterPrincipal Principal { get; } = principal;

        public WampAuthRequest Request { get; } = request;

        public long SessionId { get; } = sessionId;

        public JsonElement HelloDetails { get; } = helloDetails;

        /// <summary>The authid of the session: the principal's, else the client's, else a random one (anonymous).</summary>
        public string AuthId { get; } = principal.AuthId ?? (method == "anonymous" ? null : request.AuthId) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

        public string? Challenge { get; set; }

        public byte[] ChallengeBytes { get; set; } = [];
    }
}
