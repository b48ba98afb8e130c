namespace Cfc.Cli.Output;

/// <summary>How results are written to stdout.</summary>
internal enum OutputFormat
{
    /// <summary>Tables and key/value lists for people (the default).</summary>
    Table,

    /// <summary>One JSON document per result; JSON lines for streams.</summary>
    Json,

    /// <summary>One YAML document per result; documents separated by <c>---</c> for streams.</summary>
    Yaml,
}
