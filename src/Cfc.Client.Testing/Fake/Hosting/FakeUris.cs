namespace Cfc.Client.Testing;

/// <summary>
/// The one place the fake turns (scheme, API group, seed procedure or topic name) into a wire URI.
/// When Cfc.Client's URI tables exist this maps onto them, so a URI is written once in the whole repository.
/// </summary>
internal static class FakeUris
{
    /// <summary>Every scheme, in the order the fake registers them.</summary>
    public static IReadOnlyList<FakeUriScheme> AllSchemes { get; } = [FakeUriScheme.Fabric, FakeUriScheme.Legacy];

    // The API Reference seed names the global-realm procedures differently from the Global API seed.
    private static readonly Dictionary<string, string> LegacyGlobalNames = new(StringComparer.Ordinal)
    {
        ["get_realms"] = "get_management_realms",
        ["get_realm"] = "get_management_realm",
        ["create_realm"] = "create_management_realm",
        ["delete_realm"] = "delete_management_realm",
        ["on_realm_creating"] = "on_management_realm_creating",
        ["on_realm_created"] = "on_management_realm_created",
        ["on_realm_deleting"] = "on_management_realm_deleting",
        ["on_realm_deleted"] = "on_management_realm_deleted",
    };

    /// <summary>The wire URI of a procedure or topic.</summary>
    /// <param name="scheme">The URI scheme.</param>
    /// <param name="api">The API group.</param>
    /// <param name="name">The seed's procedure or topic name (for the meta group: the WAMP meta URI, e.g. <c>wamp.session.list</c>).</param>
    /// <returns>The URI.</returns>
    public static string Of(FakeUriScheme scheme, FakeApi api, string name) => scheme switch
    {
        FakeUriScheme.Fabric => Fabric(api, name),
        FakeUriScheme.Legacy => Legacy(api, name),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown URI scheme."),
    };

    private static string Fabric(FakeApi api, string name) => api switch
    {
        FakeApi.System => "crossbarfabriccenter.system." + name,
        FakeApi.ManagementRealms or FakeApi.ManagementRealm => "crossbarfabriccenter.mrealm." + name,
        _ => "crossbarfabriccenter.remote." + RemoteSegment(api) + "." + name,
    };

    private static string Legacy(FakeApi api, string name) => api switch
    {
        FakeApi.System or FakeApi.ManagementRealm => "cfc." + name,
        FakeApi.ManagementRealms => "cfc." + LegacyGlobalNames.GetValueOrDefault(name, name),
        _ => "cfc.remote." + RemoteSegment(api) + "." + name,
    };

    private static string RemoteSegment(FakeApi api) => api switch
    {
        FakeApi.RemoteNode => "node",
        FakeApi.RemoteWorker => "worker",
        FakeApi.RemoteRouter => "router",
        FakeApi.RemoteContainer => "container",
        FakeApi.RemoteProxy => "proxy",
        FakeApi.RemoteTracing => "tracing",
        FakeApi.RemoteDocker => "docker",
        FakeApi.RemoteRouterMeta => "router.meta",
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Not a remote API group."),
    };
}
