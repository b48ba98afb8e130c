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
    private readonly TimeSpan? _schemeWait;
    private readonly TimeProvider _timeProvider;
    private readonly TaskCompletionSource<CfcSchemeBinding>? _pending;
    private volatile CfcSchemeBinding? _binding;
    private volatile bool _disposed;
    private volatile bool _started;

    /// <summary>Creates the context.</summary>
    /// <param name="wamp">The WAMP session.</param>
    /// <param name="scheme">
    /// The server's scheme, or <see cref="CfcUriScheme.Auto"/> when it is found at connect: calls and subscriptions then
    /// wait for <see cref="BindScheme"/> (see <see cref="GetBindingAsync"/>).
    /// </param>
    /// <param name="logger">Where event decoding and observer failures are logged.</param>
    /// <param name="realm">The realm the session joins, or <see langword="null"/> when only the session knows it (a wrapped <see cref="IWampClient"/>).</param>
    /// <param name="eventQueue">The queue bounds of every event stream, or <see langword="null"/> for the WAMP defaults.</param>
    /// <param name="schemeWait">How long a call waits for the scheme while the client connects (<see cref="CfcUriScheme.Auto"/> only); <see langword="null"/> for as long as connecting takes.</param>
    /// <param name="timeProvider">The clock of <paramref name="schemeWait"/>.</param>
    public CfcApiContext(
        IWampClient wamp, CfcUriScheme scheme, ILogger logger, string? realm = null, WampSubscribeOptions? eventQueue = null,
        TimeSpan? schemeWait = null, TimeProvider? timeProvider = null)
    {
        Wamp = wamp;
        _realm = realm;
        _schemeWait = schemeWait;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Mismatches = new CfcMismatchLog(logger);
        Events = new CfcEventHub(wamp, logger, Mismatches, eventQueue);
        if (scheme == CfcUriScheme.Auto)
        {
            _pending = new TaskCompletionSource<CfcSchemeBinding>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        else
        {
            _binding = NewBinding(scheme);
        }
    }

    /// <summary>The CrossbarMaster adapter, when that is the (bound) scheme; every typed call and event then goes through it.</summary>
    public MasterAdapter? Master => _binding?.Master;

    /// <summary>The scheme in use, or <see cref="CfcUriScheme.Auto"/> until the client found out at connect.</summary>
    public CfcUriScheme Scheme => _binding?.Uris.Scheme ?? CfcUriScheme.Auto;

    /// <summary>Whether the client was disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The WAMP session.</summary>
    public IWampClient Wamp { get; }

    /// <summary>The URI table of the scheme in use (only once it is known: after connect under <see cref="CfcUriScheme.Auto"/>).</summary>
    /// <exception cref="InvalidOperationException">The scheme is not known yet.</exception>
    public ICfcUriTable Uris => _binding?.Uris ?? throw NotStarted();

    /// <summary>The realm the session joined: the configured one, else the session's, else <see langword="null"/>.</summary>
    public string? Realm => _realm ?? Wamp.SessionDetails?.Realm;

    /// <summary>Where fields that did not fit their typed property are logged (once each).</summary>
    public CfcMismatchLog Mismatches { get; }

    /// <summary>The event streams.</summary>
    public CfcEventHub Events { get; }

    private Task<CfcUriScheme?>? _suggestion;

    /// <summary>Marks the client disposed: later calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void MarkDisposed()
    {
        _disposed = true;
        _pending?.TrySetException(new ObjectDisposedException(nameof(CfcClient), "The CfcClient was disposed before it found out the server's API (CfcUriScheme.Auto)."));
    }

    /// <summary>Records that the client is connecting: from now on calls wait for the scheme instead of failing at once.</summary>
    public void MarkStarted() => _started = true;

    /// <summary>Sets the scheme found at connect (<see cref="CfcUriScheme.Auto"/>); calls and subscriptions waiting for it go ahead.</summary>
    /// <param name="scheme">The scheme the server speaks (not <see cref="CfcUriScheme.Auto"/>).</param>
    public void BindScheme(CfcUriScheme scheme)
    {
        if (_binding is not null)
        {
            return;
        }

        CfcSchemeBinding binding = NewBinding(scheme);
        _binding = binding;
        _pending?.TrySetResult(binding);
    }

    /// <summary>Fails every call and subscription waiting for the scheme (connecting failed for good).</summary>
    /// <param name="error">Why.</param>
    public void FailScheme(Exception error) => _pending?.TrySetException(error);

    /// <summary>The scheme's URI table and adapter: at once when known, else once the client found it out at connect.</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The binding.</returns>
    /// <exception cref="InvalidOperationException">The client made by <c>CfcClient.Create(options)</c> was not started.</exception>
    /// <exception cref="CfcTimeoutException">Connecting took longer than the reconnect options' queue timeout.</exception>
    public ValueTask<CfcSchemeBinding> GetBindingAsync(CancellationToken cancellationToken)
    {
        CfcSchemeBinding? binding = _binding;
        if (binding is not null)
        {
            return new ValueTask<CfcSchemeBinding>(binding);
        }

        ObjectDisposedException.ThrowIf(_disposed, typeof(CfcClient));
        return _started ? new ValueTask<CfcSchemeBinding>(WaitForSchemeAsync(cancellationToken)) : throw NotStarted();
    }

    /// <summary>The binding when the scheme is known, else <see langword="null"/>.</summary>
    public CfcSchemeBinding? Binding => _binding;

    /// <summary>The pending scheme (Auto): completes when <see cref="BindScheme"/> ran; <see langword="null"/> when the scheme was given.</summary>
    public Task<CfcSchemeBinding>? PendingBinding => _pending?.Task;

    private async Task<CfcSchemeBinding> WaitForSchemeAsync(CancellationToken cancellationToken)
    {
        Task<CfcSchemeBinding> pending = _pending!.Task;
        try
        {
            return _schemeWait is { } wait
                ? await pending.WaitAsync(wait, _timeProvider, cancellationToken).ConfigureAwait(false)
                : await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new CfcTimeoutException(WampErrorUris.Timeout,
                $"The call waited {_schemeWait} for the client to connect and find out the server's API (CfcUriScheme.Auto), in vain; " +
                "check that CFC is reachable (CfcClient.LastError says why connecting failed), or raise Connection.Reconnect.QueueTimeout.", ex);
        }
    }

    private static InvalidOperationException NotStarted() => new(
        "This CfcClient has not connected yet, so it does not know the server's API: with CfcUriScheme.Auto the client finds it out when it connects. " +
        "Call (and await) CfcClient.StartAsync first (the hosting package starts the client when the host starts), " +
        "or name the scheme in CfcClientOptions.UriScheme (CrossbarMaster for a Crossbar.io master node, Fabric or Legacy).");

    private CfcSchemeBinding NewBinding(CfcUriScheme scheme)
    {
        ICfcUriTable uris = CfcUriTables.For(scheme);
        return new CfcSchemeBinding(uris, scheme == CfcUriScheme.CrossbarMaster ? new MasterAdapter(this) : null);
    }

    /// <summary>Calls a member of the typed API and decodes its result (through the scheme's adapter, if it has one).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="member">The member.</param>
    /// <param name="uris">Picks its URI from the scheme's table.</param>
    /// <param name="payload">The seed-ordered arguments.</param>
    /// <param name="typeInfo">The result's source-generated metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decoded result.</returns>
    public async Task<T> CallAsync<T>(CfcMember member, Func<ICfcUriTable, string> uris, WampPayload payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        CfcSchemeBinding binding = _binding ?? await GetBindingAsync(cancellationToken).ConfigureAwait(false);
        if (binding.Master is not { } master)
        {
            string uri = uris(binding.Uris);
            RequireUri(member, uri);
            return await CallAsync(uri, payload, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        WampPayload result = await master.CallAsync(member, payload, cancellationToken).ConfigureAwait(false);
        string masterUri = MasterMap.Get(member).Uri!;
        return Mismatches.Decode(masterUri, static s => CfcResults.Decode(s.Payload, s.TypeInfo, s.Uri), (Payload: result, TypeInfo: typeInfo, Uri: masterUri));
    }

    /// <summary>Calls a member of the typed API whose result is not used.</summary>
    /// <param name="member">The member.</param>
    /// <param name="uris">Picks its URI from the scheme's table.</param>
    /// <param name="payload">The seed-ordered arguments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call returned.</returns>
    public async Task CallAsync(CfcMember member, Func<ICfcUriTable, string> uris, WampPayload payload, CancellationToken cancellationToken)
    {
        CfcSchemeBinding binding = _binding ?? await GetBindingAsync(cancellationToken).ConfigureAwait(false);
        if (binding.Master is { } master)
        {
            await master.CallAsync(member, payload, cancellationToken).ConfigureAwait(false);
            return;
        }

        string uri = uris(binding.Uris);
        RequireUri(member, uri);
        await InvokeAsync(uri, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The event stream of a member of the typed API (through the scheme's adapter, if it has one).</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="member">The member.</param>
    /// <param name="topic">Picks its topic from the scheme's table.</param>
    /// <param name="decode">Decodes a seed-shaped payload.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetEventStream<T>(CfcMember member, Func<ICfcUriTable, string> topic, Func<WampPayload, T> decode) =>
        _binding is { } binding
            ? GetEventStream(binding, member, topic, decode)
            : new CfcEventStream<T>(new DeferredEventSource<T>(this, b => GetEventStream(b, member, topic, decode).Source), Events.Readers, member.ToString());

    private CfcEventStream<T> GetEventStream<T>(CfcSchemeBinding binding, CfcMember member, Func<ICfcUriTable, string> topics, Func<WampPayload, T> decode)
    {
        if (binding.Master is { } master)
        {
            return master.GetEventStream(member, decode);
        }

        string topic = topics(binding.Uris);
        return topic.Length == 0
            ? Events.GetUnsupported<T>(member.ToString(), () => MasterMap.Get(member).NotInScheme(binding.Uris.Scheme))
            : Events.GetStream(topic, decode);
    }

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

    /// <summary>Calls a procedure of the scheme's table (waiting for the scheme under <see cref="CfcUriScheme.Auto"/>) and returns the raw result.</summary>
    /// <param name="uris">Picks the procedure URI from the table.</param>
    /// <param name="payload">The arguments.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw result.</returns>
    public async Task<WampResult> InvokeAsync(Func<ICfcUriTable, string> uris, WampPayload payload, CancellationToken cancellationToken)
    {
        CfcSchemeBinding binding = _binding ?? await GetBindingAsync(cancellationToken).ConfigureAwait(false);
        return await InvokeAsync(uris(binding.Uris), payload, cancellationToken).ConfigureAwait(false);
    }

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
                           $"connect with CfcClientOptions.UriScheme = CfcUriScheme.{other} (or leave it at its default, CfcUriScheme.Auto)";
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
