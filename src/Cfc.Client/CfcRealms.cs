namespace Cfc.Client;

/// <summary>Well-known realm names.</summary>
public static class CfcRealms
{
    /// <summary>The CFC global (users) realm, <c>com.crossbario.fabric</c>: management realms, pairing, users.</summary>
    public const string Global = "com.crossbario.fabric";
}
