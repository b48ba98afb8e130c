using Microsoft.Extensions.Logging;

namespace Cfc.Client.Hosting;

/// <summary>
/// Turns <see cref="CfcHostedClientOptions"/> into <see cref="CfcClientOptions"/>, or says what is wrong by
/// configuration key (<c>Cfc:Authentication:KeyFile: the file ... does not exist</c>).
/// </summary>
internal static class CfcHostedClientOptionsBuilder
{
    /// <summary>Every problem with <paramref name="options"/>, by key; empty when they are fine.</summary>
    public static List<string> Check(CfcHostedClientOptions options)
    {
        var problems = new List<string>(options.BindingErrors);
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            (CfcClientOptions built, CryptosignKey? key) = Build(options, loggerFactory: null, fallbackTime: null);
            key?.Dispose();
            _ = built;
        }
        catch (CfcOptionsException ex)
        {
            problems.Add(ex.Message);
        }

        return problems;
    }

    /// <summary>Builds the client options; the key (if one was loaded here) belongs to the caller.</summary>
    /// <exception cref="CfcOptionsException">Something is missing or wrong; the message names the key.</exception>
    public static (CfcClientOptions Options, CryptosignKey? OwnedKey) Build(CfcHostedClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? fallbackTime)
    {
        string at = options.Source;
        if (options.BindingErrors.Count > 0)
        {
            throw new CfcOptionsException(string.Join(" ", options.BindingErrors));
        }

        if (options.Url is null)
        {
            throw new CfcOptionsException($"{at}:Url is required: the CFC address, e.g. \"wss://cfc.example.com/ws\".");
        }

        if (!options.Url.IsAbsoluteUri || options.Url.Scheme is not ("ws" or "wss" or "rs" or "rss" or "tcp"))
        {
            throw new CfcOptionsException($"{at}:Url '{options.Url}' is not a WAMP address: use ws:// or wss:// (WebSocket), or rs://, rss:// or tcp:// (RawSocket).");
        }

        if (string.IsNullOrWhiteSpace(options.Realm))
        {
            throw new CfcOptionsException($"{at}:Realm must name a realm: \"{CfcRealms.Global}\" (the default) or a management realm.");
        }

        if (options.Connection is null)
        {
            throw new CfcOptionsException($"{nameof(CfcHostedClientOptions)}.{nameof(options.Connection)} must not be null; leave it out for the defaults.");
        }

        CryptosignKey? ownedKey = null;
        CfcAuthenticator authenticator = options.Authenticator ?? FromConfiguration(options.Authentication, at, out ownedKey);
        var built = new CfcClientOptions
        {
            Url = options.Url,
            Realm = options.Realm,
            UriScheme = options.UriScheme,
            Serializer = options.Serializer,
            Authenticator = authenticator,
            Connection = options.Connection with
            {
                LoggerFactory = options.Connection.LoggerFactory ?? loggerFactory,
                TimeProvider = ReferenceEquals(options.Connection.TimeProvider, TimeProvider.System) ? fallbackTime ?? TimeProvider.System : options.Connection.TimeProvider,
            },
        };

        try
        {
            // The connection settings are bound from keys directly under the section, so name them by that path;
            // then the rest of the client options (checked above by key already, so this is a safety net).
            built.Connection.ValidateConnection(at, ":");
            built.Validate();
        }
        catch (ArgumentException ex)
        {
            ownedKey?.Dispose();
            string message = ex.ParamName is { } name && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
                ? ex.Message[..^$" (Parameter '{name}')".Length]
                : ex.Message;
            throw new CfcOptionsException(message, ex);
        }

        return (built, ownedKey);
    }

    private static CfcAuthenticator FromConfiguration(CfcAuthenticationOptions auth, string at, out CryptosignKey? ownedKey)
    {
        ownedKey = null;
        string prefix = at + ":Authentication:";
        bool hasKey = !string.IsNullOrEmpty(auth.KeyFile) || !string.IsNullOrEmpty(auth.PrivateKey);
        string method = (auth.Method ?? (hasKey ? "cryptosign" : "anonymous")).Trim().ToLowerInvariant();
        switch (method)
        {
            case "anonymous":
                return CfcAuthenticator.Anonymous;

            case "ticket":
                return CfcAuthenticator.Ticket(
                    Required(auth.AuthId, prefix + "AuthId", "ticket authentication needs the authid"),
                    Required(auth.Ticket, prefix + "Ticket", "ticket authentication needs the ticket (keep it in user secrets, an environment variable or a vault)"));

            case "wampcra":
                return CfcAuthenticator.WampCra(
                    Required(auth.AuthId, prefix + "AuthId", "WAMP-CRA needs the authid"),
                    Required(auth.Secret, prefix + "Secret", "WAMP-CRA needs the shared secret (keep it in user secrets, an environment variable or a vault)"));

            case "cryptosign":
                ownedKey = LoadKey(auth, prefix);
                string? authId = string.IsNullOrWhiteSpace(auth.AuthId) ? ownedKey.UserId : auth.AuthId;
                return CfcAuthenticator.Cryptosign(ownedKey, authId, string.IsNullOrWhiteSpace(auth.AuthRole) ? null : auth.AuthRole);

            default:
                throw new CfcOptionsException($"{prefix}Method '{auth.Method}' is not a method: use cryptosign, ticket, wampcra or anonymous.");
        }
    }

    private static CryptosignKey LoadKey(CfcAuthenticationOptions auth, string prefix)
    {
        if (!string.IsNullOrEmpty(auth.KeyFile))
        {
            string full = Path.GetFullPath(auth.KeyFile);
            if (!File.Exists(full))
            {
                throw new CfcOptionsException($"{prefix}KeyFile: the file '{full}' does not exist. Point it at a Crossbar key file (e.g. ~/.crossbar/default.priv).");
            }

            try
            {
                return CryptosignKey.Load(full);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new CfcOptionsException($"{prefix}KeyFile: '{full}' could not be read as a Crossbar key file: {ex.Message}", ex);
            }
        }

        if (!string.IsNullOrEmpty(auth.PrivateKey))
        {
            try
            {
                return CryptosignKey.FromSeedHex(auth.PrivateKey.Trim());
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new CfcOptionsException($"{prefix}PrivateKey is not an Ed25519 seed: it must be 64 hex characters.", ex);
            }
        }

        throw new CfcOptionsException($"{prefix}KeyFile is required for cryptosign: a Crossbar key file (or {prefix}PrivateKey, the 64-hex-character seed from a secret store).");
    }

    private static string Required(string? value, string key, string why) =>
        string.IsNullOrWhiteSpace(value) ? throw new CfcOptionsException($"{key} is required: {why}.") : value;
}

/// <summary>A hosted client's options are incomplete or wrong; the message names the configuration key to fix.</summary>
public sealed class CfcOptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CfcOptionsException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, by key.</param>
    public CfcOptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, by key.</param>
    /// <param name="innerException">The cause.</param>
    public CfcOptionsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
