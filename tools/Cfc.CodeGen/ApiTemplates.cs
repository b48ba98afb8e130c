using static Cfc.CodeGen.Members;
using static Cfc.CodeGen.Naming;

namespace Cfc.CodeGen;

/// <summary>The typed API: one interface and one implementation per group, and the multi-argument event records.</summary>
internal static class ApiTemplates
{
    // The public type of every typed event property (Cfc.Client's CfcEventStream<T>: await foreach, SubscribeAsync, IObservable<T>).
    private const string EventStream = "CfcEventStream";

    public static string Interface(ApiGroup group)
    {
        var o = new List<string> { Generator.Header, "#nullable enable", "", "using System.Text.Json;", "", "namespace Cfc.Client;", "" };
        o.Add($"/// <summary>{Doc(group.Summary)}</summary>");
        o.Add("/// <remarks>Every member is thread-safe. Arguments are checked before anything goes on the wire.</remarks>");
        o.Add($"public partial interface {group.Interface}");
        o.Add("{");
        bool first = true;
        foreach (ApiProcedure proc in group.Procedures)
        {
            if (!first)
            {
                o.Add("");
            }

            first = false;
            o.Add($"    /// <summary>{Doc(proc.Doc)}</summary>");
            o.Add($"    /// <remarks>{Remarks(proc)}</remarks>");
            foreach (Parameter p in ParamsOf(proc))
            {
                o.Add($"    /// <param name=\"{p.Name}\">{Sentence(p.Text)}</param>");
            }

            o.Add("    /// <param name=\"cancellationToken\">Cancels the call (a CANCEL goes to the router) and ends the task with <see cref=\"OperationCanceledException\"/>.</param>");
            o.Add(proc.Result != "void"
                ? $"    /// <returns>{Doc(proc.Returns ?? string.Empty)}</returns>"
                : "    /// <returns>A task that completes when the call has returned.</returns>");
            o.Add("    /// <exception cref=\"ArgumentException\">An argument is invalid (nothing was sent).</exception>");
            o.Add("    /// <exception cref=\"CfcException\">The call failed; subtypes say why (not found, not authorized, ...).</exception>");
            o.Add($"    {Signature(proc)};");
        }

        foreach (ApiEvent ev in group.Events)
        {
            o.Add("");
            o.Add($"    /// <summary>{Doc(ev.Doc)}</summary>");
            string args = string.Join(", ", ev.Args.Select(a => a.Name));
            o.Add($"    /// <remarks>{(!string.IsNullOrEmpty(ev.Fabric) ? "Seed" : "Crossbar.io master")} event: <c>{Doc(ev.Name)}({Doc(args)})</c>. A hot stream: the first reader subscribes on the router, "
                  + "the last one to leave unsubscribes; it errors when the subscription is lost for good and completes when the client is disposed. "
                  + "<c>SubscribeAsync</c> and <c>ReadAllAsync</c> wait until the router subscription is in place; <c>Subscribe</c> starts it in the background "
                  + "(see <see cref=\"CfcEventStream{T}\"/>).</remarks>");
            o.Add($"    {EventStream}<{ev.Record}> {EventProperty(ev)} {{ get; }}");
        }

        o.Add("}");
        return Generator.Lines(o);
    }

    public static string Implementation(ApiGroup group)
    {
        var o = new List<string> { Generator.Header, "#nullable enable", "", "using System.Text.Json;", "using Cfc.Client.Connection;", "using Cfc.Client.Uris;", "using Cfc.Wamp;", "", "namespace Cfc.Client.Api;", "" };
        o.Add($"/// <summary>The implementation of <see cref=\"{group.Interface}\"/> over the WAMP session.</summary>");
        o.Add($"internal sealed partial class {group.Impl} : {group.Interface}");
        o.Add("{");
        o.Add("    private readonly CfcApiContext _context;");
        o.Add("");
        o.Add("    /// <summary>Creates the API group.</summary>");
        o.Add("    /// <param name=\"context\">The client's shared call and event plumbing.</param>");
        o.Add($"    public {group.Impl}(CfcApiContext context)");
        o.Add("    {");
        o.Add("        _context = context;");
        foreach (ApiEvent ev in group.Events)
        {
            string decoder = IsFlat(ev)
                ? $"static payload => CfcEventArgs.GetObject(payload, 0, \"{ev.Args[0].Name}\", CfcJsonContext.Default.{ev.Record})"
                : $"{ev.Record}.Decode";
            o.Add($"        {EventProperty(ev)} = context.GetEventStream(CfcMember.{EventKey(group, ev)}, static uris => uris.{EventKey(group, ev)}, {decoder});");
        }

        o.Add("    }");
        foreach (ApiEvent ev in group.Events)
        {
            o.Add("");
            o.Add("    /// <inheritdoc />");
            o.Add($"    public {EventStream}<{ev.Record}> {EventProperty(ev)} {{ get; }}");
        }

        foreach (ApiProcedure proc in group.Procedures)
        {
            o.Add("");
            o.Add("    /// <inheritdoc />");
            o.Add($"    public {Signature(proc)}");
            o.Add("    {");
            IReadOnlyList<Parameter> ps = ParamsOf(proc);
            foreach (Parameter p in ps)
            {
                if (p.Check is { } check)
                {
                    o.Add($"        {check}");
                }
            }

            string payload = "WampPayload.Empty";
            if (ps.Count > 0)
            {
                o.Add("        var builder = new WampPayloadBuilder();");
                o.AddRange(ps.Select(p => $"        {p.Write}"));
                payload = "builder.Build()";
            }

            string? typeInfo = ResultTypes(proc).TypeInfo;
            string uri = $"CfcMember.{UriKey(group, proc)}, static uris => uris.{UriKey(group, proc)}";
            o.Add(typeInfo is null
                ? $"        return _context.CallAsync({uri}, {payload}, cancellationToken);"
                : $"        return _context.CallAsync({uri}, {payload}, CfcJsonContext.Default.{typeInfo}, cancellationToken);");
            o.Add("    }");
        }

        o.Add("}");
        return Generator.Lines(o);
    }

    public static string Events(ApiSpec spec)
    {
        var o = new List<string> { Generator.Header, "#nullable enable", "", "using Cfc.Client.Api;", "using Cfc.Wamp;", "", "namespace Cfc.Client;" };
        foreach (ApiEvent ev in spec.Groups.SelectMany(g => g.Events).Where(e => !IsFlat(e)))
        {
            var fields = new List<string>();
            var decoders = new List<string>();
            o.Add("");
            o.Add($"/// <summary>{Doc(ev.Doc)} Carries every positional argument of <c>{ev.Name}</c>.</summary>");
            for (int i = 0; i < ev.Args.Count; i++)
            {
                ApiArgument a = ev.Args[i];
                (string name, string type, string decoder) = a.Kind switch
                {
                    "string" => (Pascal(a.Name), "string", $"CfcEventArgs.GetString(payload, {i}, \"{a.Name}\")"),
                    "long" => (Pascal(a.Name), "long", $"CfcEventArgs.GetInt64(payload, {i}, \"{a.Name}\")"),
                    _ => ("Details", a.Kind, $"CfcEventArgs.GetObject(payload, {i}, \"{a.Name}\", CfcJsonContext.Default.{a.Kind})"),
                };
                o.Add($"/// <param name=\"{name}\">{Phrase(a.Doc)} (<c>{a.Name}</c>).</param>");
                fields.Add($"{type} {name}");
                decoders.Add(decoder);
            }

            o.Add($"public sealed record {ev.Record}({string.Join(", ", fields)})");
            o.Add("{");
            o.Add("    /// <summary>Decodes the event's positional arguments.</summary>");
            o.Add("    /// <param name=\"payload\">The EVENT payload.</param>");
            o.Add("    /// <returns>The event.</returns>");
            o.Add("    /// <exception cref=\"CfcEventFormatException\">An argument is missing or has the wrong shape.</exception>");
            o.Add($"    internal static {ev.Record} Decode(WampPayload payload) => new(");
            o.Add(string.Join(",\n", decoders.Select(d => "        " + d)) + ");");
            o.Add("}");
        }

        return Generator.Lines(o);
    }

    private static string Remarks(ApiProcedure proc)
    {
        // The seed wording is plain text; escape it, but keep the <c> markup added here.
        string seedPart = !string.IsNullOrEmpty(proc.Fabric)
            ? $"Seed procedure: <c>{Doc(WireList(proc))}</c>."
            : $"Crossbar.io master procedure: <c>{Doc(WireList(proc))}</c>; under CfcUriScheme.Fabric and Legacy it throws CfcNotSupportedException.";
        return (string.IsNullOrEmpty(proc.Remarks) ? string.Empty : Doc(proc.Remarks) + " ") + seedPart;
    }
}
