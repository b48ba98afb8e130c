using static Cfc.CodeGen.Members;

namespace Cfc.CodeGen;

/// <summary>The URI tables (one per scheme) and the member enum the scheme adapters dispatch on.</summary>
internal static class UriTemplates
{
    private const int FabricScheme = 1;
    private const int LegacyScheme = 2;
    private const int MasterScheme = 3;

    public static string Interface(ApiSpec spec)
    {
        var o = new List<string>
        {
            Generator.Header, "#nullable enable", "", "namespace Cfc.Client.Uris;", "",
            "/// <summary>The wire URI of every CFC procedure and topic under one <see cref=\"CfcUriScheme\"/>. The only place URIs are written.</summary>",
            "internal interface ICfcUriTable", "{",
            "    /// <summary>The scheme this table belongs to.</summary>", "    CfcUriScheme Scheme { get; }",
        };
        foreach (UriEntry e in Entries(spec))
        {
            o.AddRange(["", $"    /// <summary>{e.Doc}</summary>", $"    string {e.Key} {{ get; }}"]);
        }

        o.AddRange([
            "",
            "    /// <summary>The URI of a procedure or topic by API group key (<c>System</c>, <c>RemoteNode</c>, ...) and seed name, or <see langword=\"null\"/>.",
            "    /// Lets a peer that serves the API (the fake CFC) use this table instead of writing URIs again.</summary>",
            "    /// <param name=\"group\">The API group key (the interface name without <c>I</c>, e.g. <c>ManagementRealms</c>; <c>FabricSystem</c> is <c>System</c>).</param>",
            "    /// <param name=\"name\">The seed name (<c>get_status</c>, <c>on_tick</c>; for the meta group the WAMP meta URI).</param>",
            "    /// <returns>The URI, or <see langword=\"null\"/> when the table has no such entry.</returns>",
            "    string? Find(string group, string name);",
            "",
            "    /// <summary>The prefix every URI of a group shares (URI = prefix + seed name), or <see langword=\"null\"/> when the scheme renames some of them.",
            "    /// Serves names a peer offers beyond the typed API (e.g. more WAMP meta procedures).</summary>",
            "    /// <param name=\"group\">The API group key.</param>",
            "    /// <returns>The prefix, or <see langword=\"null\"/>.</returns>",
            "    string? GroupPrefix(string group);",
            "",
            "    /// <summary>The kind of realm a procedure of the typed API is served on (its group's realm), or <see langword=\"null\"/> for a procedure",
            "    /// the table does not know or both kinds of realm serve. Any procedure under the Remote Meta API prefix is a management-realm procedure.</summary>",
            "    /// <param name=\"procedure\">The procedure URI.</param>",
            "    /// <returns>The realm kind, or <see langword=\"null\"/>.</returns>",
            "    CfcApiRealm? RealmOf(string procedure);",
            "}",
        ]);
        return Generator.Lines(o);
    }

    public static string Fabric(ApiSpec spec) => Table(spec, "FabricUris", "Fabric", FabricScheme,
        "The Fabric scheme: <c>crossbarfabriccenter.*</c> URIs as in the Global API seed, and <c>crossbarfabriccenter.remote.&lt;group&gt;.&lt;procedure&gt;</c> with the API Reference's procedure names.");

    public static string Legacy(ApiSpec spec) => Table(spec, "LegacyUris", "Legacy", LegacyScheme,
        "The Legacy scheme: the <c>cfc.*</c> names of the API Reference seed; names it lacks are derived as <c>cfc.&lt;seed name&gt;</c>.");

    public static string Master(ApiSpec spec) => Table(spec, "MasterUris", "CrossbarMaster", MasterScheme,
        "The CrossbarMaster scheme: the real Crossbar.io master node's URIs (<c>crossbarfabriccenter.domain.*</c>, "
        + "<c>crossbarfabriccenter.mrealm.*</c>, <c>crossbarfabriccenter.remote.*</c>); an empty string for a member the master has no counterpart for "
        + "(see Master/Generated/MasterMap.g.cs).");

    public static string MemberEnum(ApiSpec spec)
    {
        var o = new List<string>
        {
            Generator.Header, "#nullable enable", "", "namespace Cfc.Client.Uris;", "",
            "/// <summary>Every procedure and event of the typed API, for the scheme adapters that translate per member (CrossbarMaster).</summary>",
            "internal enum CfcMember", "{",
        };
        foreach (Member m in Generator.AllMembers(spec))
        {
            o.Add($"    /// <summary>{(m.IsEvent ? "Topic" : "Procedure")} <c>{Naming.Doc(m.Name)}</c> of {m.Group.Interface} (<c>{m.CsName}</c>).</summary>");
            o.Add($"    {m.Key},");
            o.Add("");
        }

        o[^1] = "}";
        return Generator.Lines(o);
    }

    private static string Table(ApiSpec spec, string cls, string scheme, int idx, string summary)
    {
        List<UriEntry> entries = Entries(spec).ToList();
        var t = new List<string>
        {
            Generator.Header, "#nullable enable", "", "namespace Cfc.Client.Uris;", "", $"/// <summary>{summary}</summary>",
            $"internal sealed class {cls} : ICfcUriTable", "{",
            "    /// <summary>The one instance.</summary>", $"    public static {cls} Instance {{ get; }} = new();", "",
            $"    private {cls}()", "    {", "    }", "", "    /// <inheritdoc />", $"    public CfcUriScheme Scheme => CfcUriScheme.{scheme};",
        };
        foreach (UriEntry e in entries)
        {
            t.AddRange(["", "    /// <inheritdoc />", $"    public string {e.Key} => \"{e.Uris[idx - 1]}\";"]);
        }

        t.AddRange(["", "    /// <inheritdoc />", "    public string? Find(string group, string name) => (group, name) switch", "    {"]);
        foreach (Member m in Generator.AllMembers(spec))
        {
            if (!string.IsNullOrEmpty(SchemeUri(m, idx)))
            {
                t.Add($"        (\"{m.Group.Key}\", \"{m.Name}\") => {m.Key},");
            }
        }

        t.AddRange(["        _ => null,", "    };", "", "    /// <inheritdoc />", "    public string? GroupPrefix(string group) => group switch", "    {"]);
        foreach (ApiGroup g in spec.Groups)
        {
            if (GroupPrefix(spec, g, idx) is { } prefix)
            {
                t.Add($"        \"{g.Key}\" => \"{prefix}\",");
            }
        }

        t.AddRange(["        _ => null,", "    };"]);
        t.AddRange(["", "    /// <inheritdoc />", "    public CfcApiRealm? RealmOf(string procedure) => procedure switch", "    {"]);

        // Insertion order, as the spec lists them. A URI both kinds of realm serve (Fabric's mrealm.get_nodes/get_node) has
        // no wrong realm: it is left out.
        var order = new List<string>();
        var realms = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (ApiGroup g in spec.Groups)
        {
            string realm = g.Realm switch
            {
                "global" => "Global",
                "management" => "Management",
                _ => throw new InvalidDataException($"group {g.Key}: realm must be global or management, not '{g.Realm}'"),
            };
            foreach (ApiProcedure p in g.Procedures)
            {
                string? uri = SchemeUri(new Member(g, p.Name, false, UriKey(g, p), MethodName(p), p.Fabric, p.Legacy, p.Master), idx);
                if (string.IsNullOrEmpty(uri))
                {
                    continue;
                }

                if (!realms.TryGetValue(uri, out string? seen))
                {
                    order.Add(uri);
                    realms[uri] = realm;
                }
                else if (seen != realm)
                {
                    realms[uri] = null;
                }
            }
        }

        foreach (string uri in order)
        {
            if (realms[uri] is { } realm)
            {
                t.Add($"        \"{uri}\" => CfcApiRealm.{realm},");
            }
        }

        string metaPrefix = idx switch { FabricScheme => spec.MetaPrefix.Fabric, LegacyScheme => spec.MetaPrefix.Legacy, _ => spec.MetaPrefix.Master };
        t.AddRange([$"        _ when procedure.StartsWith(\"{metaPrefix}\", StringComparison.Ordinal) => CfcApiRealm.Management,", "        _ => null,", "    };"]);
        t.Add("}");
        return Generator.Lines(t);
    }

    private static string? SchemeUri(Member m, int idx) => idx switch
    {
        FabricScheme => m.Fabric,
        LegacyScheme => m.Legacy,
        _ => m.Master.Uri,
    };

    /// <summary>The prefix all URIs of a group share under a scheme, or null when the scheme renames any.</summary>
    private static string? GroupPrefix(ApiSpec spec, ApiGroup group, int idx)
    {
        List<(string Name, string? Uri)> items = Generator.AllMembers(spec).Where(m => ReferenceEquals(m.Group, group)).Select(m => (m.Name, SchemeUri(m, idx))).ToList();
        if (items.Any(i => i.Uri is null))
        {
            return null;
        }

        var prefixes = items.Where(i => i.Uri!.EndsWith("." + i.Name, StringComparison.Ordinal)).Select(i => i.Uri![..^i.Name.Length]).ToHashSet(StringComparer.Ordinal);
        return prefixes.Count == 1 && items.All(i => i.Uri!.EndsWith("." + i.Name, StringComparison.Ordinal)) ? prefixes.Single() : null;
    }

    private static IEnumerable<UriEntry> Entries(ApiSpec spec)
    {
        foreach (Member m in Generator.AllMembers(spec))
        {
            string kind = m.IsEvent ? "Topic" : "Procedure";
            yield return new UriEntry(m.Key, [m.Fabric ?? "", m.Legacy ?? "", m.Master.Uri ?? ""], $"{kind} <c>{m.Name}</c> of {m.Group.Interface}.");
        }

        yield return new UriEntry("RemoteRouterMetaPrefix", [spec.MetaPrefix.Fabric, spec.MetaPrefix.Legacy, spec.MetaPrefix.Master],
            "The prefix of the Remote Meta API; a WAMP meta URI is appended.");
    }

    private sealed record UriEntry(string Key, string[] Uris, string Doc);
}
