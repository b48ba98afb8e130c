namespace Cfc.Client;

/// <summary>
/// The wire URIs of the CFC API under each <see cref="CfcUriScheme"/>, looked up by API group and seed name. For peers that
/// serve the API (the fake CFC in <c>Cfc.Client.Testing</c>, your own test doubles) and for raw calls through
/// <see cref="CfcClient.Wamp"/>; the typed API needs none of it. Every URI is written once, in the generated tables behind this.
/// </summary>
public static class CfcWireUris
{
    /// <summary>The URI of a procedure or topic, or <see langword="null"/> when the scheme's table has no such entry.</summary>
    /// <param name="scheme">The URI scheme: <see cref="CfcUriScheme.Fabric"/>, <see cref="CfcUriScheme.Legacy"/> or <see cref="CfcUriScheme.CrossbarMaster"/>.</param>
    /// <param name="group">The API group: the interface name without <c>I</c> (<c>ManagementRealms</c>, <c>RemoteNode</c>, ...), except
    /// <see cref="IFabricSystem"/>, which is <c>System</c>.</param>
    /// <param name="name">The seed's procedure or topic name (<c>get_status</c>, <c>on_tick</c>; for <c>RemoteRouterMeta</c> the WAMP meta URI,
    /// e.g. <c>wamp.session.list</c>).</param>
    /// <returns>The URI, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is <see cref="CfcUriScheme.Auto"/> or not defined (Auto is
    /// resolved to one of the others at connect).</exception>
    public static string? Find(CfcUriScheme scheme, string group, string name)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(name);
        return Uris.CfcUriTables.For(scheme).Find(group, name);
    }

    /// <summary>The prefix every URI of a group shares under a scheme (URI = prefix + seed name), or <see langword="null"/> when the scheme
    /// renames some of them. Serves names a peer offers beyond the typed API (e.g. more WAMP meta procedures).</summary>
    /// <param name="scheme">The URI scheme (not <see cref="CfcUriScheme.Auto"/>).</param>
    /// <param name="group">The API group, as for <see cref="Find"/>.</param>
    /// <returns>The prefix, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is <see cref="CfcUriScheme.Auto"/> or not defined.</exception>
    public static string? GroupPrefix(CfcUriScheme scheme, string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Uris.CfcUriTables.For(scheme).GroupPrefix(group);
    }
}
