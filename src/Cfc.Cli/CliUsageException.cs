namespace Cfc.Cli;

/// <summary>The user's input or setup is wrong (exit code 2); the message says what to do.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
