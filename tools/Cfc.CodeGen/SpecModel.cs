using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.CodeGen;

/// <summary>The CFC API as the two seeds define it, plus how each member maps onto the real Crossbar.io master (Spec/cfc-api.json).</summary>
public sealed record ApiSpec
{
    /// <summary>The prefix of the Remote Meta API under each scheme; a WAMP meta URI is appended.</summary>
    public required SchemeStrings MetaPrefix { get; init; }

    /// <summary>The API groups, in the order they are generated.</summary>
    public required IReadOnlyList<ApiGroup> Groups { get; init; }

    /// <summary>Reads a spec file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The spec.</returns>
    public static ApiSpec Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, SpecJsonContext.Default.ApiSpec)
            ?? throw new InvalidDataException($"{path} holds no spec (the JSON is null).");
    }
}

/// <summary>A string per URI scheme.</summary>
public sealed record SchemeStrings
{
    /// <summary>Under CfcUriScheme.Fabric.</summary>
    public required string Fabric { get; init; }

    /// <summary>Under CfcUriScheme.Legacy.</summary>
    public required string Legacy { get; init; }

    /// <summary>Under CfcUriScheme.CrossbarMaster.</summary>
    public required string Master { get; init; }
}

/// <summary>One API group: an interface on CfcClient and its implementation.</summary>
public sealed record ApiGroup
{
    /// <summary>The group key (CfcClient's property name), e.g. <c>ManagementRealms</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The public interface's name.</summary>
    public required string Interface { get; init; }

    /// <summary>The implementation class's name.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Impl is the key of the JSON spec this model is read from.")]
    public required string Impl { get; init; }

    /// <summary>The interface's summary.</summary>
    public required string Summary { get; init; }

    /// <summary><c>global</c> for a group served on the global realm, <c>management</c> for one on a management realm.</summary>
    public required string Realm { get; init; }

    /// <summary>The procedures, in seed order.</summary>
    public IReadOnlyList<ApiProcedure> Procedures { get; init; } = [];

    /// <summary>The events, in seed order.</summary>
    public IReadOnlyList<ApiEvent> Events { get; init; } = [];
}

/// <summary>A procedure.</summary>
public sealed record ApiProcedure
{
    /// <summary>The seed name, e.g. <c>pair_node</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# method name when it is not the seed name in PascalCase plus <c>Async</c>.</summary>
    public string? Method { get; init; }

    /// <summary>The URI under Fabric, or <see langword="null"/> for a master-only member.</summary>
    public string? Fabric { get; init; }

    /// <summary>The URI under Legacy, or <see langword="null"/> for a master-only member.</summary>
    public string? Legacy { get; init; }

    /// <summary>The parameters in seed order.</summary>
    public IReadOnlyList<ApiArgument> Params { get; init; } = [];

    /// <summary>The result: <c>void</c>, a shorthand (<c>list</c>, <c>long</c>, <c>json</c>, ...) or a model type name.</summary>
    public required string Result { get; init; }

    /// <summary>The summary.</summary>
    public required string Doc { get; init; }

    /// <summary>The returns text.</summary>
    public string? Returns { get; init; }

    /// <summary>Extra remarks before the seed signature.</summary>
    public string? Remarks { get; init; }

    /// <summary>Why the entry is as it is where a seed is inconsistent or silent (not generated; for readers of the spec).</summary>
    public string? Why { get; init; }

    /// <summary>How the member maps onto the real master.</summary>
    public required MasterEntry Master { get; init; }
}

/// <summary>An event.</summary>
public sealed record ApiEvent
{
    /// <summary>The seed name, e.g. <c>on_node_paired</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# property name when it is not <c>On</c> plus the seed name after <c>on_</c> in PascalCase.</summary>
    public string? Property { get; init; }

    /// <summary>The topic under Fabric, or <see langword="null"/> for a master-only member.</summary>
    public string? Fabric { get; init; }

    /// <summary>The topic under Legacy, or <see langword="null"/> for a master-only member.</summary>
    public string? Legacy { get; init; }

    /// <summary>The positional arguments; kind <c>flat</c> means the single dictionary argument is the element.</summary>
    public IReadOnlyList<ApiArgument> Args { get; init; } = [];

    /// <summary>The element record's name.</summary>
    public required string Record { get; init; }

    /// <summary>The summary.</summary>
    public required string Doc { get; init; }

    /// <summary>Why the entry is as it is (not generated).</summary>
    public string? Why { get; init; }

    /// <summary>How the member maps onto the real master.</summary>
    public required MasterEntry Master { get; init; }
}

/// <summary>A parameter or event argument: seed name, kind and description.</summary>
public sealed record ApiArgument
{
    /// <summary>The seed name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind (see the README: C# type, check and wire form).</summary>
    public required string Kind { get; init; }

    /// <summary>The description.</summary>
    public required string Doc { get; init; }
}

/// <summary>How a member maps onto the real Crossbar.io master node.</summary>
public sealed record MasterEntry
{
    /// <summary>The master's URI; <see langword="null"/> when not supported.</summary>
    public string? Uri { get; init; }

    /// <summary><c>verified</c>, <c>reached</c>, <c>mapped</c> or <c>unsupported</c>.</summary>
    public required string Status { get; init; }

    /// <summary>A note for the docs and the member map.</summary>
    public string? Note { get; init; }

    /// <summary>The name of a hand-written translation (snake_case), or <see langword="null"/>.</summary>
    public string? Translate { get; init; }

    /// <summary>How the node id reaches the master: <c>oid</c>, <c>authid</c> or <see langword="null"/>.</summary>
    public string? Node { get; init; }

    /// <summary>Why there is no counterpart (unsupported only).</summary>
    public string? Reason { get; init; }

    /// <summary>What to use instead (unsupported only).</summary>
    public string? Instead { get; init; }
}

/// <summary>Source-generated JSON for the spec.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ApiSpec))]
internal sealed partial class SpecJsonContext : JsonSerializerContext;
