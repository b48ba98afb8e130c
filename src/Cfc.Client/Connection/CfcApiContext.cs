using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Client.Master;
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
    /// <param name="eventQueue">The queue bounds of every event stream, or <see langword="null"/> for the WAMP defaults.</param>
    public CfcApiContext(IWampClient wamp, ICfcUriTable uris, ILogger logger, string? realm = null, WampSubscribeOptions? eventQueue = null)
    {
        Wamp = wamp;
        Uris = uris;
        _realm = realm;
        Mismatches = new CfcMismatchLog(logger);
        Events = new CfcEventHub(wamp, logger, Mismatches, eventQueue);
        Master = uris.Scheme == CfcUriScheme.CrossbarMaster ? new MasterAdapter(this) : null;
    }

    /// <summary>The CrossbarMaster adapter, when that is the scheme; every typed call and event then goes through it.</summary>
    public MasterAdapter? Master { get; }

    /// <summary>Whether the client was disposed.</summary>
    public bool IsDisposed => _disposed;

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

    private Task<CfcUriScheme?>? _suggestion;

    /// <summary>Marks the client disposed: later calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void MarkDisposed() => _disposed = true;

    /// <summary>Calls a member of the typed API and decodes its result (through the scheme's adapter, if it has one).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="member">The member.</param>
    /// <param name="uri">Its URI in the scheme's table.</param>
    /// <param name="payload">The seed-ordered arguments.</param>
    /// <param name="typeInfo">The result's source-generated metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decoded result.</returns>
    public async Task<T> CallAsync<T>(CfcMember member, string uri, WampPayload payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (Master is not { } master)
        {
            RequireUri(member, uri);
            return await CallAsync(uri, payload, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        WampPayload result = await master.CallAsync(member, payload, cancellationToken).ConfigureAwait(false);
        string masterUri = MasterMap.Get(member).Uri!;
        return Mismatches.Decode(masterUri, static s => CfcResults.Decode(s.Payload, s.TypeInfo, s.Uri), (Payload: result, TypeInfo: typeInfo, Uri: masterUri));
    }

    /// <summary>Calls a member of the typed API whose result is not used.</summary>
    /// <param name="member">The member.</param>
    /// <param name="uri">Its URI in the scheme's table.</param>
    /// <param name="payload">The seed-ordered arguments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call returned.</returns>
    public async Task CallAsync(CfcMember member, string uri, WampPayload payload, CancellationToken cancellationToken)
    {
        if (Master is { } master)
        {
            await master.CallAsync(member, payload, cancellationToken).ConfigureAwait(false);
            return;
        }

        RequireUri(member, uri);
        await InvokeAsync(uri, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The event stream of a member of the typed API (through the scheme's adapter, if it has one).</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="member">The member.</param>
    /// <param name="topic">Its topic in the scheme's table.</param>
    /// <param name="decode">Decodes a seed-shaped payload.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetEventStream<T>(CfcMember member, string topic, Func<WampPayload, T> decode) =>
        Master is { } master ? master.GetEventStream(member, decode)
        : topic.Length == 0 ? Events.GetUnsupported<T>(member.ToString(), () => MasterMap.Get(member).NotInScheme(Uris.Scheme))
        : Events.GetStream(topic, decode);

    // A member of the master's own API has no URI under the document schemes: refused before anything is sent.
    private void RequireUri(CfcMember member, string uri)
    {
        if (uri.Length == 0)
        {
            throw MasterMap.Get(member).NotInScheme(Uris.Scheme);
        }
    }

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
            string? hint = CfcErrors.WrongRealmHint(ex.ErrorUri, Uris.RealmOf(uri), Realm);
            CfcUriScheme? suggested = null;
            if (hint is null && ex.ErrorUri == CfcNoSuchProcedureException.NoSuchProcedureUri && !IsRemote(uri))
            {
                // The realm is right, so the server may speak another API: ask it (one probe round trip, once per client).
                suggested = await SuggestSchemeAsync(cancellationToken).ConfigureAwait(false);
                if (suggested is { } other)
                {
                    hint = $"the server does not register the CfcUriScheme.{Uris.Scheme} URIs; it speaks CfcUriScheme.{other}: " +
                           $"connect with CfcClientOptions.UriScheme = CfcUriScheme.{other} (or CfcUriScheme.Auto)";
                }
            }

            throw CfcErrors.Map(ex, $"Call to {uri}", hint, uri, Uris.Scheme, suggested);
        }
    }

    // Remote procedures fail with no_such_procedure for offline nodes too; a scheme probe would not tell anything.
    private static bool IsRemote(string uri) => uri.Contains(".remote.", StringComparison.Ordinal);

    private async Task<CfcUriScheme?> SuggestSchemeAsync(CancellationToken cancellationToken)
    {
        try
        {
            Task<CfcUriScheme?> probe = _suggestion ??= CfcSchemeDetector.DetectAsync(Wamp, Realm, CancellationToken.None);
            CfcUriScheme? detected = await probe.WaitAsync(cancellationToken).ConfigureAwait(false);
            return detected == Uris.Scheme ? null : detected;
        }
        catch (Exception ex) when (ex is WampException or OperationCanceledException or TimeoutException)
        {
            _suggestion = null;
            return null;
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
            throw CfcErrors.InvalidResult(uri, ex.Message, payload, Truncate(element.Value.GetRawText()), ex);
        }
    }

    private static readonly JsonElement JsonNull = WampJson.ParseElement("null"u8);

    private static string Truncate(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
