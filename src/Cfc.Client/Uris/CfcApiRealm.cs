namespace Cfc.Client.Uris;

/// <summary>The kind of realm an API group is served on; a call on the other kind finds no callee.</summary>
internal enum CfcApiRealm
{
    /// <summary>The global realm, <see cref="CfcRealms.Global"/> (System, Management Realms).</summary>
    Global,

    /// <summary>A management realm (the management realm's own API, the Remote APIs).</summary>
    Management,
}
