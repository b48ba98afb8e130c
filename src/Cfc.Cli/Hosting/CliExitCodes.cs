namespace Cfc.Cli.Hosting;

/// <summary>The documented exit codes of <c>cfc</c> (docs/cli.md).</summary>
internal static class CliExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The server refused: a WAMP error, or the login was refused.</summary>
    public const int ServerRefused = 1;

    /// <summary>Bad usage: unknown command or option, bad JSON, a missing setting, an unusable key file.</summary>
    public const int Usage = 2;

    /// <summary>Could not reach the CFC, or lost the connection.</summary>
    public const int CannotConnect = 3;

    /// <summary>Interrupted with Ctrl+C (SIGINT): the call in flight was cancelled.</summary>
    public const int Interrupted = 130;
}
