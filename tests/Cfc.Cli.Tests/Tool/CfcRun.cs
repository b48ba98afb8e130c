using System.Text.Json;

namespace Cfc.Cli.Tests.Tool;

/// <summary>What one run of the installed <c>cfc</c> did.</summary>
public sealed record CfcRun(string[] Args, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout as one JSON document (for <c>--output json</c>).</summary>
    public JsonElement Json()
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(Stdout);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"cfc {string.Join(' ', Args)} did not write one JSON document: {ex.Message}\n{this}", ex);
        }
    }

    public override string ToString() => $"cfc {string.Join(' ', Args)} -> exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
