using System.Globalization;

namespace Cfc.Wamp;

/// <summary>
/// Where an error happened: the router address, the realm and the session. <see cref="ToString"/> formats it the one
/// way every message of <see cref="WampErrors"/> shows it: <c>router ws://host/ws, realm 'realm1', session 42</c>.
/// </summary>
/// <param name="Url">The router's address, or <see langword="null"/> when unknown.</param>
/// <param name="Realm">The realm, or <see langword="null"/> when unknown.</param>
/// <param name="SessionId">The WAMP session id, or 0 before WELCOME.</param>
internal readonly record struct WampErrorContext(Uri? Url, string? Realm, long SessionId = 0)
{
    /// <summary>The context of a client's options (before a session exists).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="sessionId">The session id, or 0.</param>
    /// <returns>The context.</returns>
    public static WampErrorContext Of(WampClientOptions options, long sessionId = 0) => new(options.Url, options.Realm, sessionId);

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Url is not null)
        {
            parts.Add($"router {Url}");
        }

        if (Realm is not null)
        {
            parts.Add($"realm '{Realm}'");
        }

        if (SessionId != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"session {SessionId}"));
        }

        return string.Join(", ", parts);
    }
}
