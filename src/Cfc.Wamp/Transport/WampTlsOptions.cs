using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Cfc.Wamp.Transport;

/// <summary>
/// TLS settings for <c>wss://</c> and <c>rss://</c>, the same for both transports. Immutable; by default the server
/// certificate is validated against the system's trusted roots and the host name, and no client certificate is sent.
/// </summary>
public sealed record WampTlsOptions
{
    /// <summary>
    /// Roots to trust instead of the system store (e.g. a private CA): the server's chain must end in one of them and its
    /// name must match the host. Default: <see langword="null"/> (the system's trusted roots).
    /// </summary>
    public X509Certificate2Collection? TrustedCertificates { get; init; }

    /// <summary>
    /// Decides about the server certificate, given the errors the built-in validation found (with
    /// <see cref="TrustedCertificates"/> applied): return <see langword="true"/> to accept. Default: <see langword="null"/>
    /// (accepted only without errors). Returning <see langword="true"/> for errors you did not inspect turns TLS into
    /// encryption without authentication.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Client certificates offered to the server (mutual TLS). Default: <see langword="null"/> (none).</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>The TLS versions allowed. Default: <see cref="SslProtocols.None"/> (the system's choice).</summary>
    public SslProtocols EnabledProtocols { get; init; } = SslProtocols.None;

    /// <summary>Builds the <see cref="SslClientAuthenticationOptions"/> for <paramref name="host"/> (used by both transports).</summary>
    /// <param name="host">The server's host name (SNI and name check).</param>
    /// <param name="tls">The settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The options.</returns>
    public static SslClientAuthenticationOptions Apply(string host, WampTlsOptions? tls)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = host };
        if (tls is null)
        {
            return options;
        }

        options.EnabledSslProtocols = tls.EnabledProtocols;
        if (tls.ClientCertificates is { Count: > 0 } certificates)
        {
            options.ClientCertificates = certificates;
        }

        if (tls.TrustedCertificates is { Count: > 0 } roots)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            options.CertificateChainPolicy = policy;
        }

        if (tls.ServerCertificateValidation is { } callback)
        {
            options.RemoteCertificateValidationCallback = callback;
        }

        return options;
    }
}
