using System.CommandLine;
using Cfc.Cli.Output;
using Cfc.Client;
using Cfc.Wamp;
using Spectre.Console;

namespace Cfc.Cli.Hosting;

/// <summary>
/// Runs one command: resolve settings, connect, run the body (with a progress indicator when it takes more than a
/// moment), write the result, and turn every failure into one line on stderr and a documented exit code.
/// </summary>
internal static class CliRunner
{
    private static readonly TimeSpan ProgressAfter = TimeSpan.FromMilliseconds(400);

    /// <summary>Runs a command that returns one result.</summary>
    public static Task<int> RunAsync(ParseResult parse, RealmScope scope, Func<CliContext, Task<CliResult>> body, CancellationToken cancellationToken) =>
        RunCoreAsync(parse, _ => scope, async context =>
        {
            CliResult result = await WithProgressAsync(context, body(context)).ConfigureAwait(false);
            context.Output.Write(result.Value, result.ListTitle);
        }, cancellationToken);

    /// <summary>Runs a command that writes its own output (streams and live views) until done or cancelled.</summary>
    public static Task<int> RunStreamAsync(ParseResult parse, Func<ParseResult, RealmScope> scope, Func<CliContext, Task> body, CancellationToken cancellationToken) =>
        RunCoreAsync(parse, scope, body, cancellationToken);

    /// <summary>Runs a command that logs in its own way (<c>cfc auth</c>).</summary>
    public static Task<int> RunWithLoginAsync(ParseResult parse, Func<CryptosignKey, string?, CfcAuthenticator> login, Func<CliContext, Task<CliResult>> body, CancellationToken cancellationToken) =>
        RunCoreAsync(parse, _ => RealmScope.Global, async context =>
        {
            CliResult result = await body(context).ConfigureAwait(false);
            context.Output.Write(result.Value, result.ListTitle);
        }, cancellationToken, settings => settings with { Login = login });

    /// <summary>Runs a command that needs no connection (key, init).</summary>
    public static Task<int> RunOfflineAsync(ParseResult parse, Func<CliSettings, CliOutput, int> body) =>
        Task.FromResult(Guard(() =>
        {
            CliSettings settings = CliSettings.Resolve(parse);
            return body(settings, new CliOutput(settings.Output));
        }));

    private static async Task<int> RunCoreAsync(
        ParseResult parse, Func<ParseResult, RealmScope> scopeOf, Func<CliContext, Task> body, CancellationToken cancellationToken, Func<CliSettings, CliSettings>? adjust = null)
    {
        try
        {
            CliSettings settings = CliSettings.Resolve(parse);
            settings = adjust?.Invoke(settings) ?? settings;
            string realm = scopeOf(parse) switch
            {
                RealmScope.Management => settings.RequireManagementRealm(),
                RealmScope.Configured => settings.Realm ?? CfcRealms.Global,
                _ => CfcRealms.Global,
            };
            var output = new CliOutput(settings.Output);
            CliSession session = await CliSession.OpenAsync(settings, realm, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                await body(new CliContext(parse, session, output, cancellationToken)).ConfigureAwait(false);
            }

            return CliExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(CliExitCodes.Interrupted, "interrupted; the call in flight was cancelled.");
        }
        catch (Exception ex)
        {
            return Fail(ex);
        }
    }

    private static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            return Fail(ex);
        }
    }

    private static int Fail(Exception ex) => ex switch
    {
        CliUsageException => Fail(CliExitCodes.Usage, ex.Message),
        ArgumentException a => Fail(CliExitCodes.Usage, WithoutParameter(a)),
        CliConnectException => Fail(CliExitCodes.CannotConnect, ex.Message),
        CliRefusedException => Fail(CliExitCodes.ServerRefused, ex.Message),
        CfcAuthenticationException => Fail(CliExitCodes.ServerRefused,
            $"{ex.Message}; check --key-file and --authid, or activate a new key with 'cfc auth --code <code>'."),
        CfcConnectionLostException or CfcTimeoutException => Fail(CliExitCodes.CannotConnect, $"{ex.Message}; check that the CFC is reachable and try again."),
        CfcException { ErrorUri: WampErrorUris.NoSuchProcedure } => Fail(CliExitCodes.ServerRefused,
            $"{ex.Message}; nothing answers that procedure: for a node, check that it is online ('cfc nodes list'); for 'cfc call', check the URI and --realm."),
        CfcNotFoundException => Fail(CliExitCodes.ServerRefused, $"{ex.Message}; the list commands (e.g. 'cfc nodes list') show what exists."),
        CfcNotAuthorizedException => Fail(CliExitCodes.ServerRefused, $"{ex.Message}; your authid needs a role on that realm ('cfc realms show <realm>' lists roles)."),
        CfcException => Fail(CliExitCodes.ServerRefused, ex.Message),
        UnauthorizedAccessException or IOException => Fail(CliExitCodes.Usage, ex.Message),
        _ => Fail(CliExitCodes.ServerRefused, $"unexpected {ex.GetType().Name}: {ex.Message}"),
    };

    internal static int Fail(int exitCode, string message)
    {
        // One line, always: scripts read stderr line by line.
        string line = message.ReplaceLineEndings(" ").Trim();
        Console.Error.WriteLine($"cfc: {line}");
        return exitCode;
    }

    private static string WithoutParameter(ArgumentException ex) =>
        ex.ParamName is { } name && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? ex.Message[..^$" (Parameter '{name}')".Length]
            : ex.Message;

    private static async Task<T> WithProgressAsync<T>(CliContext context, Task<T> work)
    {
        // A spinner on stderr, for people only: not when stderr is redirected or a script asked for json/yaml,
        // and not for answers that come back at once.
        if (Console.IsErrorRedirected || context.Output.Format != OutputFormat.Table
            || await Task.WhenAny(work, Task.Delay(ProgressAfter, context.Cancel)).ConfigureAwait(false) == work)
        {
            return await work.ConfigureAwait(false);
        }

        IAnsiConsole stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await stderr.Status().Spinner(Spinner.Known.Dots).StartAsync("waiting for the CFC…", _ => work).ConfigureAwait(false);
    }
}
