using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// Where the documentation of a <see cref="CfcException"/> lives: its type's section of <c>docs/errors.md</c>; a plain
/// <see cref="CfcException"/> links to the section of its CFC URI, or of the WAMP error it wraps. A test checks that
/// every anchor listed here exists in the page.
/// </summary>
internal static class CfcErrorHelp
{
    /// <summary>The page, from the repository address configured once in <c>Directory.Build.props</c>.</summary>
    public const string Page = CfcRepositoryInfo.ErrorsPage;

    private static readonly HashSet<string> DocumentedUris = new(StringComparer.Ordinal) { CfcErrorUris.SubscriptionLost };

    // Most derived first: the first one a type is assignable to is its section.
    private static readonly Type[] DocumentedTypes =
    [
        typeof(CfcActivationException), typeof(CfcAuthenticationException), typeof(CfcNotFoundException), typeof(CfcNoSuchProcedureException),
        typeof(CfcNotSupportedException), typeof(CfcAlreadyExistsException), typeof(CfcNotAuthorizedException),
        typeof(CfcInvalidArgumentException), typeof(CfcConnectionLostException), typeof(CfcTimeoutException),
        typeof(CfcProtocolException), typeof(CfcException),
    ];

    /// <summary>Every anchor this class can produce by itself (checked against the page by a test).</summary>
    public static IEnumerable<string> Anchors => DocumentedUris.Select(UriAnchor).Concat(DocumentedTypes.Select(TypeAnchor));

    /// <summary>The link for an exception.</summary>
    /// <param name="errorUri">Its error URI.</param>
    /// <param name="type">Its type.</param>
    /// <param name="inner">Its inner exception (a plain <see cref="CfcException"/> links to a wrapped WAMP error's section).</param>
    /// <returns>The page address with the section's anchor.</returns>
    public static string LinkFor(string errorUri, Type type, Exception? inner)
    {
        if (type == typeof(CfcException))
        {
            if (DocumentedUris.Contains(errorUri))
            {
                return $"{Page}#{UriAnchor(errorUri)}";
            }

            if (inner is WampException { HelpLink: { } wampLink } && wampLink.StartsWith(Page, StringComparison.Ordinal)
                && !wampLink.EndsWith("#wampexception", StringComparison.Ordinal))
            {
                return wampLink;
            }
        }

        foreach (Type documented in DocumentedTypes)
        {
            if (documented.IsAssignableFrom(type))
            {
                return $"{Page}#{TypeAnchor(documented)}";
            }
        }

        return $"{Page}#{TypeAnchor(typeof(CfcException))}";
    }

    private static string UriAnchor(string uri) => uri.Replace('.', '-').Replace('_', '-').ToLowerInvariant();

    private static string TypeAnchor(Type type) => type.Name.ToLowerInvariant();
}
