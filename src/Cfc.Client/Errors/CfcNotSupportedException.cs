namespace Cfc.Client;

/// <summary>
/// The member has no counterpart in the API the server speaks (e.g. the roles API under
/// <see cref="CfcUriScheme.CrossbarMaster"/>). Thrown before anything is sent; subscribing to such an event fails the same way.
/// </summary>
public sealed class CfcNotSupportedException : CfcException
{
    /// <summary>The error URI of this exception (it never comes from a server).</summary>
    public const string NotSupportedUri = CfcErrorUris.NotSupported;

    /// <summary>Creates the exception.</summary>
    /// <param name="scheme">The scheme in use.</param>
    /// <param name="member">The member, e.g. <c>IManagementRealms.GrantRoleAsync</c>.</param>
    /// <param name="reason">Why the server has no counterpart.</param>
    /// <param name="instead">What to use instead.</param>
    public CfcNotSupportedException(CfcUriScheme scheme, string member, string reason, string instead)
        : base(NotSupportedUri, $"{member} is not supported under CfcUriScheme.{scheme}: {reason}. Instead: {instead}. Nothing was sent.")
    {
        Scheme = scheme;
        Member = member;
        Reason = reason;
        Instead = instead;
    }

    /// <summary>The scheme in use.</summary>
    public CfcUriScheme Scheme { get; }

    /// <summary>The member, as <c>Interface.Member</c>.</summary>
    public string Member { get; }

    /// <summary>Why the server has no counterpart.</summary>
    public string Reason { get; }

    /// <summary>What to use instead.</summary>
    public string Instead { get; }
}
