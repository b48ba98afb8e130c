using Cfc.Wamp;

namespace Cfc.Client.Connection;

/// <summary>
/// Finds out which API the server speaks on the joined realm (<see cref="CfcUriScheme.Auto"/>, and the hint of a
/// <see cref="CfcNoSuchProcedureException"/>): one harmless probe call per scheme, all sent at once, so it costs one
/// round trip. A probe counts as "registered" unless it fails with <c>wamp.error.no_such_procedure</c> (the master's
/// node lookup answers "no such object" for the probe's node id, which still proves the procedure exists).
/// </summary>
internal static class CfcSchemeDetector
{
    /// <summary>The node id the management-realm probe asks the master about; no real node has it.</summary>
    public const string ProbeNodeId = "cfc-scheme-probe";

    private static readonly (CfcUriScheme Scheme, string Procedure, bool WithNodeId)[] GlobalProbes =
    [
        (CfcUriScheme.CrossbarMaster, "crossbarfabriccenter.domain.get_status", false),
        (CfcUriScheme.Fabric, "crossbarfabriccenter.system.get_status", false),
        (CfcUriScheme.Legacy, "cfc.get_status", false),
    ];

    // mrealm.get_status is registered by the master and the Fabric scheme alike: the master is told apart by a
    // procedure only it has, and wins when both answer.
    private static readonly (CfcUriScheme Scheme, string Procedure, bool WithNodeId)[] ManagementProbes =
    [
        (CfcUriScheme.CrossbarMaster, "crossbarfabriccenter.mrealm.get_node_by_authid", true),
        (CfcUriScheme.Fabric, "crossbarfabriccenter.mrealm.get_status", false),
        (CfcUriScheme.Legacy, "cfc.get_status", false),
    ];

    /// <summary>The scheme the server speaks on <paramref name="realm"/>, or <see langword="null"/> when no probe was answered.</summary>
    /// <param name="wamp">The joined session.</param>
    /// <param name="realm">The joined realm (<see cref="CfcRealms.Global"/> or a management realm).</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    /// <returns>The first scheme (in the order CrossbarMaster, Fabric, Legacy) whose probe procedure is registered.</returns>
    public static async Task<CfcUriScheme?> DetectAsync(IWampClient wamp, string? realm, CancellationToken cancellationToken)
    {
        var probes = realm == CfcRealms.Global ? GlobalProbes : ManagementProbes;
        bool[] answers = await Task.WhenAll(probes.Select(p => IsRegisteredAsync(wamp, p.Procedure, p.WithNodeId, cancellationToken))).ConfigureAwait(false);
        for (int i = 0; i < probes.Length; i++)
        {
            if (answers[i])
            {
                return probes[i].Scheme;
            }
        }

        return null;
    }

    private static async Task<bool> IsRegisteredAsync(IWampClient wamp, string procedure, bool withNodeId, CancellationToken cancellationToken)
    {
        try
        {
            WampPayload payload = withNodeId ? new WampPayloadBuilder().Add(ProbeNodeId).Build() : WampPayload.Empty;
            await wamp.CallAsync(procedure, payload, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (WampException ex) when (ex.ErrorSource == WampErrorSource.Router)
        {
            // The router answered: any ERROR but no_such_procedure means something is registered there (the probe's
            // arguments may well be refused). A failure of our own (lost connection, timeout) is no answer and propagates.
            return ex.ErrorUri != CfcNoSuchProcedureException.NoSuchProcedureUri;
        }
    }
}
