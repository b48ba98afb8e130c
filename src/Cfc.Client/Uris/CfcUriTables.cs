namespace Cfc.Client.Uris;

/// <summary>Picks the URI table of a scheme.</summary>
internal static class CfcUriTables
{
    /// <summary>Returns the table of <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scheme is not defined.</exception>
    public static ICfcUriTable For(CfcUriScheme scheme) => scheme switch
    {
        CfcUriScheme.Fabric => FabricUris.Instance,
        CfcUriScheme.Legacy => LegacyUris.Instance,
        CfcUriScheme.CrossbarMaster => MasterUris.Instance,
        _ => throw new ArgumentOutOfRangeException(
            nameof(scheme), scheme, "Use CfcUriScheme.Fabric, Legacy or CrossbarMaster (Auto is resolved to one of them at connect)."),
    };
}
