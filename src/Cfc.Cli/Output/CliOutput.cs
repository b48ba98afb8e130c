using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Cfc.Cli.Output;

/// <summary>
/// Writes results to stdout in the chosen <see cref="OutputFormat"/> and progress/errors to stderr. Every command
/// hands over a <see cref="JsonElement"/>, so json and yaml are the exact server data and tables are a view of it.
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly IAnsiConsole _console;

    public CliOutput(OutputFormat format, TextWriter? stdout = null)
    {
        Format = format;
        _out = stdout ?? System.Console.Out;
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_out) });
        if (stdout is not null || System.Console.IsOutputRedirected)
        {
            // Piped into a file or another tool: no terminal width to fit, so do not wrap cells at 80 columns.
            _console.Profile.Width = 240;
        }
    }

    /// <summary>The format results are written in.</summary>
    public OutputFormat Format { get; }

    /// <summary>The console that tables and live views draw on (stdout).</summary>
    public IAnsiConsole Console => _console;

    /// <summary>Writes one result. <paramref name="listTitle"/> heads the single column of a list of plain values.</summary>
    public void Write(JsonElement value, string? listTitle = null)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                _out.WriteLine(ToJson(value, indented: true));
                break;
            case OutputFormat.Yaml:
                _out.Write(YamlText.Write(value));
                break;
            default:
                WriteTable(value, listTitle);
                break;
        }

        _out.Flush();
    }

    /// <summary>Writes one item of a stream: a JSON line, a YAML document, or the <paramref name="humanLine"/> for people.</summary>
    public void WriteStreamItem(JsonElement value, string humanLine)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                _out.WriteLine(ToJson(value, indented: false));
                break;
            case OutputFormat.Yaml:
                _out.Write("---\n" + YamlText.Write(value));
                break;
            default:
                _out.WriteLine(humanLine);
                break;
        }

        _out.Flush();
    }

    /// <summary>Writes a message for people (table format only; scripts asking for json/yaml get data only).</summary>
    public void Note(string text)
    {
        if (Format == OutputFormat.Table)
        {
            _out.WriteLine(text);
            _out.Flush();
        }
    }

    public static string ToJson(JsonElement value, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteTable(JsonElement value, string? listTitle)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                _out.WriteLine("(none)");
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object):
                _console.Write(RowsTable(value));
                break;
            case JsonValueKind.Array:
                var list = new Table().AddColumn(Markup.Escape(listTitle ?? "value"));
                foreach (JsonElement item in value.EnumerateArray())
                {
                    list.AddRow(Markup.Escape(Cell(item)));
                }

                _console.Write(list);
                break;
            case JsonValueKind.Object:
                var grid = new Table().AddColumn("field").AddColumn("value");
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    grid.AddRow(Markup.Escape(p.Name), Markup.Escape(Cell(p.Value)));
                }

                _console.Write(grid);
                break;
            default:
                _out.WriteLine(Cell(value));
                break;
        }
    }

    private static Table RowsTable(JsonElement rows)
    {
        // Columns: every field any row has, in first-seen order.
        var columns = new List<string>();
        foreach (JsonElement row in rows.EnumerateArray())
        {
            foreach (JsonProperty p in row.EnumerateObject())
            {
                if (!columns.Contains(p.Name))
                {
                    columns.Add(p.Name);
                }
            }
        }

        var table = new Table();
        foreach (string c in columns)
        {
            table.AddColumn(Markup.Escape(c));
        }

        foreach (JsonElement row in rows.EnumerateArray())
        {
            table.AddRow(columns.Select(c => Markup.Escape(row.TryGetProperty(c, out JsonElement v) ? Cell(v) : string.Empty)).ToArray());
        }

        return table;
    }

    /// <summary>A value as one table cell: plain text for scalars, compact JSON for nested values.</summary>
    internal static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "-",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => Shorten(ToJson(value, indented: false), 120),
    };

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Formats a time for the human stream lines.</summary>
    internal static string Clock(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
