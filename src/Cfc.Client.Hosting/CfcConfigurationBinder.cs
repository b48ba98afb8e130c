using System.Globalization;
using Cfc.Wamp;
using Microsoft.Extensions.Configuration;

namespace Cfc.Client.Hosting;

/// <summary>
/// Reads <see cref="CfcHostedClientOptions"/> from a configuration section, key by key. Hand-written instead of
/// <c>ConfigurationBinder</c> so it is trimming/AOT safe and every unreadable value is reported with its full key.
/// Only keys that are present change the options, so code defaults and later <c>Configure</c> calls compose.
/// </summary>
internal static class CfcConfigurationBinder
{
    public static void Bind(IConfiguration section, CfcHostedClientOptions options)
    {
        string path = section is IConfigurationSection s ? s.Path : string.Empty;
        options.Source = path.Length == 0 ? "(configuration root)" : path;
        var reader = new Reader(section, path, options.BindingErrors);

        if (reader.String("Url") is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
            {
                options.Url = uri;
            }
            else
            {
                reader.Error("Url", url, "an absolute URL such as wss://cfc.example.com/ws");
            }
        }

        options.Realm = reader.String("Realm") ?? options.Realm;
        options.UriScheme = reader.Enum("UriScheme", options.UriScheme);
        options.Serializer = reader.Enum("Serializer", options.Serializer);
        CfcAuthenticationOptions auth = options.Authentication;
        auth.Method = reader.String("Authentication:Method") ?? auth.Method;
        auth.AuthId = reader.String("Authentication:AuthId") ?? auth.AuthId;
        auth.AuthRole = reader.String("Authentication:AuthRole") ?? auth.AuthRole;
        auth.KeyFile = reader.String("Authentication:KeyFile") ?? auth.KeyFile;
        auth.PrivateKey = reader.String("Authentication:PrivateKey") ?? auth.PrivateKey;
        auth.Ticket = reader.String("Authentication:Ticket") ?? auth.Ticket;
        auth.Secret = reader.String("Authentication:Secret") ?? auth.Secret;

        // The connection settings' keys sit directly under the section, named like WampConnectionOptions' properties.
        WampConnectionOptions c = options.Connection;
        WampReconnectOptions? r = c.Reconnect;
        options.Connection = c with
        {
            ConnectTimeout = reader.Time("ConnectTimeout") ?? c.ConnectTimeout,
            CallTimeout = reader.Time("CallTimeout") ?? c.CallTimeout,
            RequestTimeout = reader.Time("RequestTimeout") ?? c.RequestTimeout,
            KeepAliveInterval = reader.Time("KeepAliveInterval") ?? c.KeepAliveInterval,
            KeepAliveTimeout = reader.Time("KeepAliveTimeout") ?? c.KeepAliveTimeout,
            CloseTimeout = reader.Time("CloseTimeout") ?? c.CloseTimeout,
            AllowRedirects = reader.Boolean("AllowRedirects") ?? c.AllowRedirects,
            Reconnect = r is null ? null : r with
            {
                InitialDelay = reader.Time("Reconnect:InitialDelay") ?? r.InitialDelay,
                DelayGrowth = reader.Number("Reconnect:DelayGrowth") ?? r.DelayGrowth,
                MaxDelay = reader.Time("Reconnect:MaxDelay") ?? r.MaxDelay,
                Jitter = reader.Number("Reconnect:Jitter") ?? r.Jitter,
                MaxAttempts = reader.Integer("Reconnect:MaxAttempts") ?? r.MaxAttempts,
                RetryFirstConnect = reader.Boolean("Reconnect:RetryFirstConnect") ?? r.RetryFirstConnect,
                QueueTimeout = reader.Time("Reconnect:QueueTimeout") ?? r.QueueTimeout,
            },
        };
    }

    private readonly struct Reader(IConfiguration section, string path, List<string> errors)
    {
        public string? String(string key) => section[key] is { Length: > 0 } value ? value : null;

        public TEnum Enum<TEnum>(string key, TEnum fallback)
            where TEnum : struct, Enum
        {
            if (String(key) is not { } text)
            {
                return fallback;
            }

            if (System.Enum.TryParse(text, ignoreCase: true, out TEnum value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]))
            {
                return value;
            }

            Error(key, text, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()));
            return fallback;
        }

        public TimeSpan? Time(string key)
        {
            if (String(key) is not { } text)
            {
                return null;
            }

            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
            {
                return value;
            }

            Error(key, text, "a time span such as 00:00:15 (hh:mm:ss)");
            return null;
        }

        public double? Number(string key)
        {
            if (String(key) is not { } text)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value;
            }

            Error(key, text, "a number such as 1.5");
            return null;
        }

        public int? Integer(string key)
        {
            if (String(key) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            Error(key, text, "a whole number");
            return null;
        }

        public bool? Boolean(string key)
        {
            if (String(key) is not { } text)
            {
                return null;
            }

            if (bool.TryParse(text, out bool value))
            {
                return value;
            }

            Error(key, text, "true or false");
            return null;
        }

        public void Error(string key, string value, string expected)
        {
            string full = path.Length == 0 ? key : path + ":" + key;
            bool secret = key.EndsWith("Ticket", StringComparison.Ordinal) || key.EndsWith("Secret", StringComparison.Ordinal) || key.EndsWith("PrivateKey", StringComparison.Ordinal);
            errors.Add($"{full}: '{(secret ? "***" : value)}' is not valid; expected {expected}.");
        }
    }
}
