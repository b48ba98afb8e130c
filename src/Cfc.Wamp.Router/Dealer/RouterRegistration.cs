using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Wamp.Router;

/// <summary>One registration (procedure + match policy), shared by its callees under one invoke policy.</summary>
internal sealed class RouterRegistration(long id, string uri, string match, string invoke, DateTimeOffset created)
{
    public const string Single = "single";

    private int _next;

    public long Id { get; } = id;

    public string Uri { get; } = uri;

    public string Match { get; } = match;

    public string Invoke { get; } = invoke;

    public DateTimeOffset Created { get; } = created;

    /// <summary>The callees in registration order.</summary>
    public List<CalleeEntry> Callees { get; } = [];

    public static bool IsKnownPolicy(string invoke) => invoke is Single or "roundrobin" or "random" or "first" or "last";

    /// <summary>Chooses the callee for one call according to the invoke policy.</summary>
    public CalleeEntry Pick() => Invoke switch
    {
        "roundrobin" => Callees[(int)((uint)_next++ % (uint)Callees.Count)],
        "random" => Callees[RandomNumberGenerator.GetInt32(Callees.Count)],
        "last" => Callees[^1],
        _ => Callees[0],
    };

    /// <summary>The meta-API description: {id, created, uri, match, invoke}.</summary>
    public JsonElement Describe() => WampJson.BuildObject(w =>
    {
        w.WriteNumber("id", Id);
        w.WriteString("created", Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("uri", Uri);
        w.WriteString("match", Match);
        w.WriteString("invoke", Invoke);
    });
}

/// <summary>A callee of a registration and its per-registration options.</summary>
internal sealed record CalleeEntry(RouterSession Session, bool DiscloseCaller);
