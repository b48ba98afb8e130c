namespace Cfc.TestKit.CrossbarMaster;

/// <summary>
/// Environment variables that point the kit at a Crossbar.io master someone runs themselves (outside this
/// workplace, e.g. <c>pip install crossbar==22.6.1</c>, <c>crossbar master start</c> and <c>crossbar edge start</c>).
/// When <see cref="MasterUrl"/> is set the kit starts and stops nothing; it only hands the values to the tests.
/// See <c>tests/Cfc.TestKit/README.md</c>.
/// </summary>
public static class CrossbarMasterEnvironment
{
    /// <summary><c>CFC_MASTER_URL</c>: WebSocket URL of a running master (e.g. <c>ws://127.0.0.1:9000/ws</c>).</summary>
    public const string MasterUrl = "CFC_MASTER_URL";

    /// <summary><c>CFC_MASTER_KEY_FILE</c>: the superuser's key file (Crossbar key-file format); required with <see cref="MasterUrl"/>.</summary>
    public const string KeyFile = "CFC_MASTER_KEY_FILE";

    /// <summary><c>CFC_MASTER_EDGE_MREALM</c>: management realm the edge node is paired to (default <c>lab</c>).</summary>
    public const string EdgeManagementRealm = "CFC_MASTER_EDGE_MREALM";

    /// <summary><c>CFC_MASTER_EDGE_AUTHID</c>: the edge node's node id (authid) in that realm (default <c>edge1</c>).</summary>
    public const string EdgeAuthId = "CFC_MASTER_EDGE_AUTHID";

    /// <summary><c>CFC_MASTER_EDGE_PUBKEY</c>: the edge node's public key (hex; optional).</summary>
    public const string EdgePublicKey = "CFC_MASTER_EDGE_PUBKEY";

    /// <summary><c>CFC_MASTER_EDGE_NODE_OID</c>: the edge node's object id (optional; tests resolve it by authid).</summary>
    public const string EdgeNodeOid = "CFC_MASTER_EDGE_NODE_OID";

    /// <summary><c>CFC_MASTER_LOG</c>: the master's log file (optional; the activation-flow test reads codes from it).</summary>
    public const string MasterLog = "CFC_MASTER_LOG";

    /// <summary><c>CFC_MASTER_KIT_DIR</c>: the crossbar-master kit folder when it is not <c>../shared/crossbar-master</c>.</summary>
    public const string KitDirectory = "CFC_MASTER_KIT_DIR";

    /// <summary><c>CFC_MASTER_TICK_PERIOD</c>: the started master's global <c>domain.on_tick</c> period in seconds (default 3).</summary>
    public const string TickPeriod = "CFC_MASTER_TICK_PERIOD";

    /// <summary><c>CFC_MASTER_KEEP_RUN=1</c>: keep the run folder (logs, databases) after the tests, for a post-mortem.</summary>
    public const string KeepRunDirectory = "CFC_MASTER_KEEP_RUN";
}
