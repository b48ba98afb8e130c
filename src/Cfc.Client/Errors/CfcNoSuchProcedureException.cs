using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// The router has no callee for the procedure (<c>wamp.error.no_such_procedure</c>). Not "not found": the server does
/// not register that URI. Usually the client speaks another API than the server (see <see cref="SuggestedScheme"/>),
/// the session joined the wrong kind of realm, or, for a remote call, the node is offline or not paired.
/// </summary>
public sealed class CfcNoSuchProcedureException : CfcException
{
    /// <summary>The error URI this exception stands for.</summary>
    public const string NoSuchProcedureUri = WampErrorUris.NoSuchProcedure;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and why, as far as the client can tell.</param>
    /// <param name="procedure">The procedure URI that was called.</param>
    /// <param name="scheme">The URI scheme the client used, or <see langword="null"/> when unknown.</param>
    /// <param name="suggestedScheme">The scheme the server speaks when the client could tell, else <see langword="null"/>.</param>
    /// <param name="arguments">The error's positional arguments, if any.</param>
    /// <param name="argumentsKeywords">The error's keyword arguments, if any.</param>
    /// <param name="innerException">The WAMP error.</param>
    public CfcNoSuchProcedureException(
        string message, string procedure, CfcUriScheme? scheme, CfcUriScheme? suggestedScheme,
        JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
        : base(NoSuchProcedureUri, message, arguments, argumentsKeywords, innerException)
    {
        Procedure = procedure;
        Scheme = scheme;
        SuggestedScheme = suggestedScheme;
    }

    /// <summary>The procedure URI that was called.</summary>
    public string Procedure { get; }

    /// <summary>The URI scheme the client used, or <see langword="null"/> when the failure was mapped without one.</summary>
    public CfcUriScheme? Scheme { get; }

    /// <summary>The scheme the server speaks, when the client could tell and it differs from <see cref="Scheme"/>; else <see langword="null"/>.</summary>
    public CfcUriScheme? SuggestedScheme { get; }
}
