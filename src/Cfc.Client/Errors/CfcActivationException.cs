using System.Text.Json;

namespace Cfc.Client;

/// <summary>Where a new key stands in a Crossbar.io master's activation flow.</summary>
public enum CfcActivationState
{
    /// <summary>The master sent an activation code (<c>fabric.auth-failed.new-user-auth-code-sent</c> or <c>registered-user-auth-code-sent</c>).</summary>
    CodeSent,

    /// <summary>A code was sent earlier and is still pending (<c>fabric.auth-failed.pending-activation</c>).</summary>
    PendingActivation,

    /// <summary>The code was wrong, expired or for another key (<c>fabric.auth-failed.invalid-activation-code</c>).</summary>
    InvalidActivationCode,

    /// <summary>A code was sent but no activation is pending (<c>fabric.auth-failed.no-pending-activation</c>).</summary>
    NoPendingActivation,
}

/// <summary>
/// A Crossbar.io master does not know the key yet and runs its activation flow: the message says what happened and what
/// to do next (connect with <see cref="CfcAuthenticator.CryptosignWithActivationCode"/>, or ask for a new code with
/// <see cref="CfcAuthenticator.CryptosignRequestingNewActivationCode"/>).
/// </summary>
public sealed class CfcActivationException : CfcAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">Where the activation stands.</param>
    /// <param name="errorUri">The ABORT reason.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="arguments">The ABORT's arguments, if any.</param>
    /// <param name="innerException">The WAMP error.</param>
    public CfcActivationException(CfcActivationState state, string errorUri, string message, JsonElement? arguments = null, Exception? innerException = null)
        : base(errorUri, message, arguments, null, innerException)
    {
        State = state;
    }

    /// <summary>Where the activation stands.</summary>
    public CfcActivationState State { get; }

    /// <summary>The activation state of an ABORT reason, or <see langword="null"/> when it is not part of the activation flow.</summary>
    /// <param name="errorUri">The ABORT reason.</param>
    /// <returns>The state or <see langword="null"/>.</returns>
    public static CfcActivationState? StateOf(string errorUri) => errorUri switch
    {
        CfcErrorUris.NewUserAuthCodeSent or CfcErrorUris.RegisteredUserAuthCodeSent => CfcActivationState.CodeSent,
        CfcErrorUris.PendingActivation => CfcActivationState.PendingActivation,
        CfcErrorUris.InvalidActivationCode => CfcActivationState.InvalidActivationCode,
        CfcErrorUris.NoPendingActivation => CfcActivationState.NoPendingActivation,
        _ => null,
    };

    /// <summary>What to do in <paramref name="state"/>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The advice.</returns>
    internal static string Advice(CfcActivationState state) => state switch
    {
        CfcActivationState.CodeSent =>
            "the master does not know this key yet and sent an activation code to the authid's email (a master without mail " +
            "settings writes it to its log); connect again with CfcAuthenticator.CryptosignWithActivationCode(key, authId, code)",
        CfcActivationState.PendingActivation =>
            "an activation code was sent earlier for this key; connect with CfcAuthenticator.CryptosignWithActivationCode(key, authId, code), " +
            "or ask for a new code with CfcAuthenticator.CryptosignRequestingNewActivationCode(key, authId)",
        CfcActivationState.InvalidActivationCode =>
            "the activation code is wrong, expired (codes last 15 minutes) or belongs to another key; check it, or ask for a new one with " +
            "CfcAuthenticator.CryptosignRequestingNewActivationCode(key, authId)",
        _ =>
            "no activation is pending for this key; connect with CfcAuthenticator.Cryptosign(key, authId) to get a code",
    };
}
