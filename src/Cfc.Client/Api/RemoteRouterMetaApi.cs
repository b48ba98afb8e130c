using Cfc.Wamp;

namespace Cfc.Client.Api;

internal sealed partial class RemoteRouterMetaApi
{
    /// <inheritdoc />
    public Task<WampResult> CallMetaAsync(string nodeId, string workerId, string realmId, string metaProcedure, WampPayload arguments = default, CancellationToken cancellationToken = default)
    {
        CfcArgs.RequireId(nodeId, nameof(nodeId));
        CfcArgs.RequireId(workerId, nameof(workerId));
        CfcArgs.RequireId(realmId, nameof(realmId));
        CfcArgs.RequireId(metaProcedure, nameof(metaProcedure));
        if (!metaProcedure.StartsWith("wamp.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"metaProcedure must be a WAMP meta procedure such as wamp.session.count, not '{metaProcedure}'.", nameof(metaProcedure));
        }

        var builder = new WampPayloadBuilder().Add(nodeId).Add(workerId).Add(realmId);
        for (int i = 0; i < arguments.Count; i++)
        {
            builder.Add(arguments[i]);
        }

        if (arguments.ArgumentsKeywords is { } keywords)
        {
            foreach (System.Text.Json.JsonProperty property in keywords.EnumerateObject())
            {
                builder.Keyword(property.Name, property.Value);
            }
        }

        return _context.InvokeAsync(uris => uris.RemoteRouterMetaPrefix + metaProcedure, builder.Build(), cancellationToken);
    }
}
