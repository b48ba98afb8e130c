using Cfc.Client.Uris;

namespace Cfc.Client.Testing;

/// <summary>
/// The one place the fake turns (scheme, API group, seed procedure or topic name) into a wire URI. It asks
/// Cfc.Client's generated URI tables, so every URI is written once in the repository (tools/Cfc.CodeGen/Spec/cfc-api.json); names
/// the fake serves beyond the typed API (extra WAMP meta procedures, proxy routes, ...) take the group's common prefix.
/// </summary>
internal static class FakeUris
{
    /// <summary>Every scheme, in the order the fake registers them.</summary>
    public static IReadOnlyList<CfcUriScheme> AllSchemes { get; } = [CfcUriScheme.Fabric, CfcUriScheme.Legacy];

    /// <summary>The wire URI of a procedure or topic.</summary>
    /// <param name="scheme">The URI scheme.</param>
    /// <param name="api">The API group.</param>
    /// <param name="name">The seed's procedure or topic name (for the meta group: the WAMP meta URI, e.g. <c>wamp.session.list</c>).</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentException">The scheme has no URI for the name (a fake procedure outside every table and prefix).</exception>
    public static string Of(CfcUriScheme scheme, FakeApi api, string name)
    {
        ICfcUriTable table = CfcUriTables.For(scheme);
        string group = GroupKey(api);
        return table.Find(group, name)
            ?? (table.GroupPrefix(group) is { } prefix ? prefix + name : null)
            ?? throw new ArgumentException($"The {scheme} URI table has no '{name}' in group {group}.", nameof(name));
    }

    private static string GroupKey(FakeApi api) => api switch
    {
        FakeApi.System => nameof(FakeApi.System),
        FakeApi.ManagementRealms => nameof(FakeApi.ManagementRealms),
        FakeApi.ManagementRealm => nameof(FakeApi.ManagementRealm),
        FakeApi.RemoteNode => nameof(FakeApi.RemoteNode),
        FakeApi.RemoteWorker => nameof(FakeApi.RemoteWorker),
        FakeApi.RemoteRouter => nameof(FakeApi.RemoteRouter),
        FakeApi.RemoteContainer => nameof(FakeApi.RemoteContainer),
        FakeApi.RemoteProxy => nameof(FakeApi.RemoteProxy),
        FakeApi.RemoteTracing => nameof(FakeApi.RemoteTracing),
        FakeApi.RemoteDocker => nameof(FakeApi.RemoteDocker),
        FakeApi.RemoteRouterMeta => nameof(FakeApi.RemoteRouterMeta),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Unknown API group."),
    };
}
