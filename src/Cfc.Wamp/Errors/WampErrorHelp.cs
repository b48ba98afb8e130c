namespace Cfc.Wamp;

/// <summary>
/// Where the documentation of an error lives: a section of <c>docs/errors.md</c> in the SDK's repository. Every
/// <see cref="WampException"/> gets its <see cref="Exception.HelpLink"/> from here: the section of its error URI when
/// the page has one, else the section of its type. A test checks that every anchor listed here exists in the page.
/// </summary>
internal static class WampErrorHelp
{
    /// <summary>The page, from the repository address configured once in <c>Directory.Build.props</c>.</summary>
    public const string Page = CfcRepositoryInfo.ErrorsPage;

    // URIs with their own section, anchored by their slug (dots and underscores as hyphens).
    private static readonly HashSet<string> DocumentedUris = new(StringComparer.Ordinal)
    {
        WampErrorUris.NoSuchProcedure, WampErrorUris.NoSuchRealm, WampErrorUris.NotAuthorized, WampErrorUris.AuthorizationFailed,
        WampErrorUris.AuthenticationFailed, WampErrorUris.NoAuthMethod, WampErrorUris.CannotAuthenticate, WampErrorUris.InvalidUri,
        WampErrorUris.InvalidArgument, WampErrorUris.TypeCheckError, WampErrorUris.RuntimeError, WampErrorUris.Canceled,
        WampErrorUris.Timeout, WampErrorUris.Unavailable, WampErrorUris.PayloadSizeExceeded, WampErrorUris.ProcedureAlreadyExists,
        WampErrorUris.ProtocolViolation, WampErrorUris.ConnectionLost, WampErrorUris.SubscriptionRevoked,
        WampErrorUris.RegistrationRevoked, WampErrorUris.NotRestored, WampErrorUris.RawSocketRefused,
        WampErrorUris.CloseSystemShutdown, WampErrorUris.SystemShutdown,
    };

    // Every exception type of Cfc.Wamp has a section; a type of yours derived from one links to its base's section.
    private static readonly Type[] DocumentedTypes =
    [
        typeof(WampConnectionLostException), typeof(WampTimeoutException), typeof(WampProtocolViolationException),
        typeof(WampAuthenticationException), typeof(WampException),
    ];

    /// <summary>Every anchor this class can produce (checked against the page by a test).</summary>
    public static IEnumerable<string> Anchors =>
        DocumentedUris.Select(UriAnchor).Concat(DocumentedTypes.Select(TypeAnchor));

    /// <summary>The section for an error URI and exception type.</summary>
    /// <param name="errorUri">The error URI.</param>
    /// <param name="type">The exception's type.</param>
    /// <returns>The anchor (without <c>#</c>).</returns>
    public static string AnchorFor(string? errorUri, Type type)
    {
        if (errorUri is not null && DocumentedUris.Contains(errorUri))
        {
            return UriAnchor(errorUri);
        }

        foreach (Type documented in DocumentedTypes)
        {
            if (documented.IsAssignableFrom(type))
            {
                return TypeAnchor(documented);
            }
        }

        return TypeAnchor(typeof(WampException));
    }

    /// <summary>The full link for an error URI and exception type.</summary>
    /// <param name="errorUri">The error URI.</param>
    /// <param name="type">The exception's type.</param>
    /// <returns>The page address with the section's anchor.</returns>
    public static string LinkFor(string? errorUri, Type type) => $"{Page}#{AnchorFor(errorUri, type)}";

    /// <summary>The anchor of a URI's section: <c>wamp.error.no_such_procedure</c> is <c>wamp-error-no-such-procedure</c>.</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>The anchor.</returns>
    public static string UriAnchor(string uri) => uri.Replace('.', '-').Replace('_', '-').ToLowerInvariant();

    private static string TypeAnchor(Type type) => type.Name.ToLowerInvariant();
}
