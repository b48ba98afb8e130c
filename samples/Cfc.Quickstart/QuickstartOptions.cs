namespace Cfc.Quickstart;

/// <summary>The command line, parsed by hand (no packages): <c>[--url URL --key-file PATH [--realm REALM] [--authid ID]] [--help]</c>.</summary>
public sealed record QuickstartOptions
{
    public const string Usage = """
        Cfc.Quickstart: a tour of the Cfc.Client SDK.

        Usage:
          dotnet run --project samples/Cfc.Quickstart                       run against an in-process fake CFC
          dotnet run --project samples/Cfc.Quickstart -- --url ws://host:port/ws --key-file ~/.crossbar/default.priv [--authid you@example.com] [--realm com.crossbario.fabric]

        Options:
          --url URL         the CFC WebSocket address (ws:// or wss://); without it an in-process fake CFC is started
          --key-file PATH   a Crossbar key file with private-key-ed25519 (required with --url)
          --authid ID       the authid to log in as (default: the key file's user-id, else the key decides)
          --realm REALM     the global realm (default com.crossbario.fabric)
          -h, --help        show this help

        Exit codes: 0 success, 1 connection or API failure, 2 bad arguments.
        """;

    public Uri? Url { get; init; }

    public string? KeyFile { get; init; }

    public string? AuthId { get; init; }

    public string Realm { get; init; } = Cfc.Client.CfcRealms.Global;

    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a readable message for bad input.</summary>
    public static QuickstartOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QuickstartOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? (string.IsNullOrWhiteSpace(args[i + 1]) ? throw new ArgumentException($"{arg} needs a non-empty value.") : args[++i])
                : throw new ArgumentException($"{arg} needs a value.");
            options = arg switch
            {
                "-h" or "--help" => options with { Help = true },
                "--url" => options with { Url = ParseUrl(Value()) },
                "--key-file" => options with { KeyFile = Value() },
                "--authid" => options with { AuthId = Value() },
                "--realm" => options with { Realm = Value() },
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }

        if (options.Help)
        {
            return options;
        }

        if (options.Url is null && (options.KeyFile is not null || options.AuthId is not null))
        {
            throw new ArgumentException("--key-file and --authid need --url (without --url the quickstart makes its own key for the fake CFC).");
        }

        if (options.Url is not null && options.KeyFile is null)
        {
            throw new ArgumentException("--url needs --key-file (CFC logs users in with WAMP-cryptosign).");
        }

        return options;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme is "ws" or "wss"
            ? url
            : throw new ArgumentException($"--url must be a ws:// or wss:// address, not '{text}'.");
}
