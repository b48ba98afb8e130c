using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>
/// What ticket and WAMP-CRA authentication share: one method, an authid and a secret that never shows in logs or
/// debuggers, and the refusal of a CHALLENGE for another method. Subclasses only say how the secret answers a challenge.
/// </summary>
internal abstract class SharedSecretAuthenticator : WampAuthenticator
{
    private readonly string[] _methods;
    private readonly string _authId;

    protected SharedSecretAuthenticator(string method, string authId, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        ArgumentNullException.ThrowIfNull(secret);
        _methods = [method];
        _authId = authId;
        Secret = secret;
    }

    public override IReadOnlyList<string> AuthMethods => _methods;

    public override string? AuthId => _authId;

    /// <summary>The ticket or WAMP-CRA secret.</summary>
    protected string Secret { get; }

    // The secret never appears in logs: only the method and who authenticates.
    public override string ToString() => $"{_methods[0]} authenticator for '{_authId}'";

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken) =>
        authMethod == _methods[0]
            ? AnswerAsync(extra, cancellationToken)
            : throw WampErrors.WrongChallenge(authMethod, _methods[0]);

    /// <summary>Answers a CHALLENGE of this authenticator's method.</summary>
    /// <param name="extra">The CHALLENGE's extra dictionary.</param>
    /// <param name="cancellationToken">Stops the work (the connect timeout).</param>
    /// <returns>The AUTHENTICATE signature.</returns>
    protected abstract ValueTask<WampAuthenticateResponse> AnswerAsync(JsonElement extra, CancellationToken cancellationToken);
}
