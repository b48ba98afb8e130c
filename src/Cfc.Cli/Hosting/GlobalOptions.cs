using System.CommandLine;
using Cfc.Cli.Output;

namespace Cfc.Cli.Hosting;

/// <summary>The options every command takes (recursive on the root command).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Url = new("--url")
    {
        Description = "The CFC's WebSocket URL, e.g. wss://cfc.example.com/ws [env CFC_URL; profile 'url']",
        Recursive = true,
    };

    public static readonly Option<string?> KeyFile = new("--key-file")
    {
        Description = "A Crossbar private key file [env CFC_KEY_FILE; profile 'privkey'; default ~/.crossbar/default.priv]",
        Recursive = true,
    };

    public static readonly Option<string?> AuthId = new("--authid")
    {
        Description = "The authid to log in as [env CFC_AUTHID; default: the key file's 'user-id:' line]",
        Recursive = true,
    };

    public static readonly Option<string?> Realm = new("--realm")
    {
        Description = "The management realm to work on (node, worker and router commands connect to it) [env CFC_REALM; profile 'realm']",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The profile in ~/.crossbar/config.ini [env CFC_PROFILE; default 'default']",
        Recursive = true,
    };

    public static readonly Option<OutputFormat?> Output = new("--output", "-o")
    {
        Description = "Output format: table, json or yaml [env CFC_OUTPUT; default table]",
        Recursive = true,
    };

    public static readonly Option<string?> Scheme = new("--scheme")
    {
        Description = "The server's API: fabric, legacy, crossbar-master or auto [env CFC_SCHEME; default: the SDK's default]",
        Recursive = true,
    };

    public static readonly Option<bool> Fake = new("--fake")
    {
        Description = "Run against an embedded fake CFC with a demo fleet (realms lab and prod); nothing is kept after the command",
        Recursive = true,
    };

    public static readonly Option<int?> FakeDelay = new("--fake-delay")
    {
        Description = "With --fake: the fake answers every call after this many milliseconds (to try progress and Ctrl+C)",
        Recursive = true,
        Hidden = true,
    };

    public static IEnumerable<Option> All => [Url, KeyFile, AuthId, Realm, Profile, Output, Scheme, Fake, FakeDelay];

    static GlobalOptions()
    {
        Scheme.AcceptOnlyFromAmong("fabric", "legacy", "crossbar-master", "auto");
    }
}
