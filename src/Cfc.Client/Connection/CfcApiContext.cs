using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Client.Uris;
using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>
/// What every API group shares: the WAMP session, the scheme's URI table and the event streams. A call goes
/// API group -> here -> <see cref="IWampClient.CallAsync"/>, and its result comes back decoded with the source-generated context.
/// </summary>
internal sealed class CfcApiContext
{
    private readonly string? _realm;
    private volatile bool _disposed;

    /// <summary>Creates the context.</summary>
    /// <param name="wamp">The WAMP session.</param>
    /// <param name="uris">The URI table of the chosen scheme.</param>
    /// <param name="logger">Where event decoding and observer failures are logged.</param>
    /// <param name="realm">The realm the session joins, or <see langword="null"/> when only the session knows it (a wrapped <see cref="IWampClient"/>).</param>
    public CfcApiContext(IWampClient wamp, ICfcUriTable uris, ILogger logger, string? realm = null)
    {
        Wamp = wamp;
        Uris = uris;
        _realm = realm;
        Mismatches = new CfcMismatchLog(logger);
        Events = new CfcEventHub(wamp, logger, Mismatches);
    }

    /// <summary>The WAMP session.</summary>
    public IWampClient Wamp { get; }

    /// <summary>The URI table.</summary>
    public ICfcUriTable Uris { get; }

    /// <summary>The realm the session joined: the configured one, else the session's, else <see langword="null"/>.</summary>
    public string? Realm => _realm ?? Wamp.SessionDetails?.Realm;

    /// <summary>Where fields that did not fit their typed property are logged (once each).</summary>
    public CfcMismatchLog Mismatches { get; }

    /// <summary>The event streams.</summary>
    public CfcEventHub Events { get; }

    /// <summary>Marks the client disposed: later calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void MarkDisposed() => _disposed = true;

    /// <summary>Calls a procedure and decodes its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="uri">The procedure URI.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="typeInfo">The result's source-generated metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decoded result.</returns>
    public async Task<T> CallAsync<T>(string uri, WampPayload payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        WampResult result = await InvokeAsync(uri, payload, cancellationToken).ConfigureAwait(false);
        return Mismatches.Decode(uri, static s => CfcResults.Decode(s.Payload, s.TypeInfo, s.Uri), (result.Payload, TypeInfo: typeInfo, Uri: uri));
    }

    /// <summary>Calls a procedure whose result is not used.</summary>
    /// <param name="uri">The procedure URI.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call returned.</returns>
    public async Task CallAsync(string uri, WampPayload payload, CancellationToken cancellationToken) =>
        await InvokeAsync(uri, payload, cancellationToken).ConfigureAwait(false);

    /// <summary>Calls a procedure and returns the raw result.</summary>
    /// <param name="uri">The procedure URI.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw result.</returns>
    public async Task<WampResult> InvokeAsync(string uri, WampPayload payload, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(CfcClient));
        try
        {
            return await Wamp.CallAsync(uri, payload, null, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex)
        {
            throw CfcErrors.Map(ex, $"Call to {uri}", CfcErrors.WrongRealmHint(ex.ErrorUri, Uris.RealmOf(uri), Realm));
        }
    }
}

/// <summary>Decodes a RESULT into the API's result type.</summary>
internal static class CfcResults
{
    /// <summary>
    /// Decodes the result: the first positional argument, else the keyword arguments (some callees return a dict
    /// that way). An absent or null result decodes as an empty object or list, since many stop/start procedures return
    /// nothing. Fields that do not fit their property are left null (see <see cref="CfcModelReader"/>).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="payload">The RESULT payload.</param>
    /// <param name="typeInfo">The source-generated metadata.</param>
    /// <param name="uri">The procedure, for the error message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CfcProtocolException">The result cannot be a <typeparamref name="T"/> at all; it carries the raw result.</exception>
    public static T Decode<T>(WampPayload payload, JsonTypeInfo<T> typeInfo, string uri)
    {
        JsonElement? element = payload.Count > 0 ? payload[0] : payload.ArgumentsKeywords;
        if (element is not { ValueKind: not JsonValueKind.Null })
        {
            element = typeInfo.Kind switch
            {
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => WampJson.EmptyObject,
                JsonTypeInfoKind.Enumerable => WampJson.EmptyArray,
                _ => element ?? JsonNull,
            };
        }

        try
        {
            return CfcModelReader.Read(element.Value, typeInfo);
        }
        catch (CfcShapeException ex)
        {
            throw new CfcProtocolException(
                CfcErrors.InvalidResultUri,
                $"Call to {uri} returned a result that cannot be read, because {ex.Message}. The call itself ran on the server; "
                + $"the exception's RawResult holds what it returned (result: {Truncate(element.Value.GetRawText())}).",
                payload,
                ex);
        }
    }

    private static readonly JsonElement JsonNull = WampJson.ParseElement("null"u8);

    private static string Truncate(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
