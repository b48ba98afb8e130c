using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>Anonymous authentication: offers <c>anonymous</c> and never answers a challenge.</summary>
internal sealed class AnonymousAuthenticator : WampAuthenticator
{
    public static readonly AnonymousAuthenticator Instance = new();

    private static readonly string[] Methods = ["anonymous"];

    public override IReadOnlyList<string> AuthMethods => Methods;

    public override string? AuthId => null;

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken) =>
        throw WampErrors.CannotAuthenticate($"The router sent a '{authMethod}' challenge, but the client authenticates anonymously.");
}
