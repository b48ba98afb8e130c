namespace Cfc.CodeGen;

/// <summary>The C# names and types derived from the spec's entries.</summary>
internal static class Members
{
    private static readonly Dictionary<string, (string Type, string TypeInfo)> Results = new(StringComparer.Ordinal)
    {
        ["list"] = ("IReadOnlyList<string>", "IReadOnlyListString"),
        ["strlist"] = ("IReadOnlyList<string>", "IReadOnlyListString"),
        ["longlist"] = ("IReadOnlyList<long>", "IReadOnlyListInt64"),
        ["long"] = ("long", "Int64"),
        ["json"] = ("JsonElement", "JsonElement"),
        ["rolesmap"] = ("IReadOnlyDictionary<string, IReadOnlyList<string>>", "IReadOnlyDictionaryStringIReadOnlyListString"),
        ["tracerecords"] = ("IReadOnlyList<TraceRecord>", "IReadOnlyListTraceRecord"),
    };

    public static string MethodName(ApiProcedure proc) => proc.Method ?? Naming.Pascal(proc.Name) + "Async";

    public static string UriKey(ApiGroup group, ApiProcedure proc) => group.Key + (proc.Method is { } m ? m[..^5] : Naming.Pascal(proc.Name));

    public static string EventProperty(ApiEvent ev) => ev.Property ?? "On" + Naming.Pascal(ev.Name[3..]);

    public static string EventKey(ApiGroup group, ApiEvent ev) => group.Key + EventProperty(ev);

    public static bool IsFlat(ApiEvent ev) => ev.Args[0].Kind == "flat";

    /// <summary>The task type and the JSON type info name (null for void).</summary>
    public static (string Task, string? TypeInfo) ResultTypes(ApiProcedure proc)
    {
        if (proc.Result == "void")
        {
            return ("Task", null);
        }

        (string type, string info) = Results.TryGetValue(proc.Result, out var known) ? known : (proc.Result, proc.Result);
        return ($"Task<{type}>", info);
    }

    public static IReadOnlyList<Parameter> ParamsOf(ApiProcedure proc)
    {
        var ps = proc.Params.Select(p => new Parameter(p)).ToList();
        bool seenDefault = false;
        foreach (Parameter p in ps)
        {
            if (p.HasDefault)
            {
                seenDefault = true;
            }
            else if (seenDefault)
            {
                throw new InvalidDataException($"{proc.Name}: required parameter {p.Seed} after an optional one");
            }
        }

        return ps;
    }

    public static string Signature(ApiProcedure proc)
    {
        IEnumerable<string> decls = ParamsOf(proc).Select(p => p.Declaration).Append("CancellationToken cancellationToken = default");
        return $"{ResultTypes(proc).Task} {MethodName(proc)}({string.Join(", ", decls)})";
    }

    public static string WireList(ApiProcedure proc)
    {
        IReadOnlyList<Parameter> ps = ParamsOf(proc);
        string s = $"{proc.Name}({string.Join(", ", ps.Where(p => !p.IsKeyword).Select(p => p.Seed))})";
        string[] keywords = ps.Where(p => p.IsKeyword).Select(p => p.Seed).ToArray();
        return keywords.Length > 0 ? s + ", optional keyword arguments " + string.Join(", ", keywords) : s;
    }
}

/// <summary>A procedure parameter: its C# declaration, argument check and wire form, by kind.</summary>
internal sealed class Parameter(ApiArgument arg)
{
    public string Seed { get; } = arg.Name;

    public string Kind { get; } = arg.Kind;

    public string Text { get; } = arg.Doc;

    public string Name { get; } = Naming.Camel(arg.Name);

    public bool IsKeyword => Kind.StartsWith("kw_", StringComparison.Ordinal);

    public bool HasDefault => Declaration.Contains('=', StringComparison.Ordinal);

    public string Declaration => Kind switch
    {
        "id" => $"string {Name}",
        "optid" => $"string? {Name}",
        "pubkey" => $"string {Name}",
        "role" => $"CfcRole {Name}",
        "dict" => $"IReadOnlyDictionary<string, object?> {Name}",
        "optdict" => $"IReadOnlyDictionary<string, object?>? {Name} = null",
        "bool=false" => $"bool {Name} = false",
        "long" => $"long {Name}",
        "optlong" => $"long? {Name} = null",
        "optint" => $"int? {Name} = null",
        "kw_int" => $"int? {Name} = null",
        "kw_bool" => $"bool? {Name} = null",
        "kw_str" => $"string? {Name} = null",
        "kw_strlist" => $"IReadOnlyList<string>? {Name} = null",
        "kw_intlist" => $"IReadOnlyList<int>? {Name} = null",
        "workers" => $"IReadOnlyList<TracedWorker> {Name}",
        _ => throw new InvalidDataException($"parameter {Seed}: unknown kind '{Kind}'"),
    };

    public string? Check => Kind switch
    {
        "id" => $"CfcArgs.RequireId({Name}, nameof({Name}));",
        "optid" => $"CfcArgs.OptionalId({Name}, nameof({Name}));",
        "pubkey" => $"string {Name}Wire = CfcArgs.RequirePublicKey({Name}, nameof({Name}));",
        "role" => $"string {Name}Wire = CfcRoles.ToWire({Name}, nameof({Name}));",
        "dict" => $"JsonElement {Name}Json = CfcJsonArgs.ToElement({Name}, nameof({Name}));",
        "optdict" => $"JsonElement {Name}Json = CfcJsonArgs.ToElementOrNull({Name}, nameof({Name}));",
        "kw_strlist" or "kw_intlist" => $"JsonElement? {Name}Json = {Name} is null ? null : CfcJsonArgs.ToElement({Name}, nameof({Name}));",
        "optint" or "kw_int" or "optlong" => $"CfcArgs.RequireNonNegative({Name}, nameof({Name}));",
        "workers" => $"JsonElement {Name}Json = CfcArgs.RequireTracedWorkers({Name}, nameof({Name}));",
        _ => null,
    };

    public string Write => Kind switch
    {
        "id" or "optid" or "bool=false" or "long" => $"builder.Add({Name});",
        "pubkey" or "role" => $"builder.Add({Name}Wire);",
        "dict" or "optdict" or "workers" => $"builder.Add({Name}Json);",
        "optlong" or "optint" => $"builder.AddNullable({Name});",
        "kw_int" => $"if ({Name} is int {Name}Value) {{ builder.Keyword(\"{Seed}\", {Name}Value); }}",
        "kw_bool" => $"if ({Name} is bool {Name}Value) {{ builder.Keyword(\"{Seed}\", {Name}Value); }}",
        "kw_str" => $"if ({Name} is not null) {{ builder.Keyword(\"{Seed}\", {Name}); }}",
        "kw_strlist" or "kw_intlist" => $"if ({Name}Json is JsonElement {Name}Value) {{ builder.Keyword(\"{Seed}\", {Name}Value); }}",
        _ => throw new InvalidDataException($"parameter {Seed}: unknown kind '{Kind}'"),
    };
}
