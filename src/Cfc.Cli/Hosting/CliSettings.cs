using System.CommandLine;
using Cfc.Cli.Identity;
using Cfc.Cli.Output;
using Cfc.Client;

namespace Cfc.Cli.Hosting;

/// <summary>
/// Where to connect and as whom, resolved once per command: an option wins over its environment variable, which
/// wins over the profile in <c>config.ini</c>, which wins over the default.
/// </summary>
internal sealed record CliSettings
{
    public required string ConfigDir { get; init; }

    public required string ProfileName { get; init; }

    public CrossbarProfile? Profile { get; init; }

    public Uri? Url { get; init; }

    public string? KeyFile { get; init; }

    public string? AuthId { get; init; }

    /// <summary>The realm named by --realm / CFC_REALM / the profile, or <see langword="null"/>.</summary>
    public string? Realm { get; init; }

    public CfcUriScheme? Scheme { get; init; }

    public OutputFormat Output { get; init; }

    public bool Fake { get; init; }

    public TimeSpan? FakeDelay { get; init; }

    /// <summary>How to log in with the key and authid; <see langword="null"/> is plain cryptosign (<c>cfc auth</c> sends an activation code).</summary>
    public Func<CryptosignKey, string?, CfcAuthenticator>? Login { get; init; }

    /// <summary>The folder of <c>config.ini</c> and key files: <c>CFC_CONFIG_DIR</c>, else <c>~/.crossbar</c>.</summary>
    public static string DefaultConfigDir() =>
        Env("CFC_CONFIG_DIR") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".crossbar");

    public static CliSettings Resolve(ParseResult parse)
    {
        string configDir = DefaultConfigDir();
        string? profileOption = parse.GetValue(GlobalOptions.Profile) ?? Env("CFC_PROFILE");
        string profileName = profileOption ?? "default";
        CrossbarProfile? profile = CrossbarProfiles.Load(configDir).FirstOrDefault(p => p.Name == profileName);
        if (profile is null && profileOption is not null)
        {
            throw new CliUsageException($"no profile [{profileName}] in {Path.Combine(configDir, CrossbarProfiles.FileName)}; run 'cfc init --profile {profileName} --url <url>' or pick another --profile.");
        }

        string? url = parse.GetValue(GlobalOptions.Url) ?? Env("CFC_URL") ?? profile?.Url;
        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("ws" or "wss")))
        {
            throw new CliUsageException($"'{url}' is not a WebSocket URL; give one like wss://cfc.example.com/ws or ws://127.0.0.1:9000/ws.");
        }

        string? keyFile = parse.GetValue(GlobalOptions.KeyFile) ?? Env("CFC_KEY_FILE");
        if (keyFile is null && profile?.PrivateKey is { } privkey)
        {
            keyFile = CrossbarProfiles.ResolvePath(configDir, privkey);
        }

        keyFile ??= Path.Combine(configDir, "default.priv");

        string? schemeText = parse.GetValue(GlobalOptions.Scheme) ?? Env("CFC_SCHEME");
        string? outputText = Env("CFC_OUTPUT");
        OutputFormat output = parse.GetValue(GlobalOptions.Output)
            ?? (outputText is null ? OutputFormat.Table
                : Enum.TryParse(outputText, ignoreCase: true, out OutputFormat o) ? o
                : throw new CliUsageException($"CFC_OUTPUT='{outputText}' is not table, json or yaml."));

        int? delay = parse.GetValue(GlobalOptions.FakeDelay);
        return new CliSettings
        {
            ConfigDir = configDir,
            ProfileName = profileName,
            Profile = profile,
            Url = uri,
            KeyFile = keyFile,
            AuthId = parse.GetValue(GlobalOptions.AuthId) ?? Env("CFC_AUTHID"),
            Realm = parse.GetValue(GlobalOptions.Realm) ?? Env("CFC_REALM") ?? profile?.Realm,
            Scheme = schemeText is null ? null : ParseScheme(schemeText),
            Output = output,
            Fake = parse.GetValue(GlobalOptions.Fake),
            FakeDelay = delay is > 0 ? TimeSpan.FromMilliseconds(delay.Value) : null,
        };
    }

    /// <summary>The management realm a command works on, or a usage error that says how to name one.</summary>
    public string RequireManagementRealm()
    {
        if (Realm is null || Realm == CfcRealms.Global)
        {
            throw new CliUsageException("this command works on a management realm: pass --realm <name> (or set CFC_REALM); 'cfc realms list' shows yours.");
        }

        return Realm;
    }

    private static CfcUriScheme ParseScheme(string text) => text.ToLowerInvariant() switch
    {
        "fabric" => CfcUriScheme.Fabric,
        "legacy" => CfcUriScheme.Legacy,
        "crossbar-master" or "crossbarmaster" => CfcUriScheme.CrossbarMaster,
        "auto" => CfcUriScheme.Auto,
        _ => throw new CliUsageException($"scheme '{text}' is not fabric, legacy, crossbar-master or auto."),
    };

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
