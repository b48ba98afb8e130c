using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Runs one procedure of the fake CFC backend. Throw <see cref="WampException"/> to answer with an error URI.
/// </summary>
/// <param name="context">Who called, on which realm.</param>
/// <param name="args">The call's positional and keyword arguments.</param>
/// <param name="cancellationToken">Cancelled when the caller cancels or the fake stops.</param>
/// <returns>The result payload.</returns>
internal delegate ValueTask<WampPayload> FakeProcedure(FakeCallContext context, WampPayload args, CancellationToken cancellationToken);

/// <summary>The caller of a fake procedure, as the router authenticated it.</summary>
/// <param name="Realm">The realm the caller's session joined.</param>
/// <param name="AuthId">The caller's authid (a user's e-mail, a node id), or <see langword="null"/> when anonymous.</param>
/// <param name="AuthRole">The caller's authrole (<c>user</c> on the global realm, a role name on a management realm, <c>node</c> for nodes).</param>
/// <param name="SessionId">The caller's WAMP session id.</param>
internal sealed record FakeCallContext(string Realm, string? AuthId, string? AuthRole, long SessionId);

/// <summary>
/// What the fake CFC backend needs from whatever carries its procedures and events (the in-process router,
/// or a recording host in unit tests). The backend knows no sockets and no sessions; the host knows no CFC rules.
/// </summary>
internal interface IFakeCfcHost
{
    /// <summary>
    /// Registers a procedure. <paramref name="realm"/> is the realm it lives on, or <see langword="null"/> for
    /// "every management realm" (the same URI is registered on each management realm, present and future; the
    /// handler reads <see cref="FakeCallContext.Realm"/> to know which). A URI may be registered both on the
    /// global realm and for management realms with different handlers (e.g. <c>crossbarfabriccenter.mrealm.get_nodes</c>).
    /// </summary>
    /// <param name="realm">The realm, or <see langword="null"/> for every management realm.</param>
    /// <param name="procedure">The procedure URI (exact match).</param>
    /// <param name="handler">Runs each call.</param>
    void Register(string? realm, string procedure, FakeProcedure handler);

    /// <summary>Publishes an event to every subscriber of <paramref name="topic"/> on <paramref name="realm"/>.</summary>
    /// <param name="realm">The realm to publish on.</param>
    /// <param name="topic">The topic URI.</param>
    /// <param name="payload">The event arguments.</param>
    /// <returns>A task that completes when the event has been handed to the subscribers' sessions.</returns>
    ValueTask PublishAsync(string realm, string topic, WampPayload payload);

    /// <summary>
    /// Makes a management realm joinable (creates the router realm and attaches the procedures registered with a
    /// <see langword="null"/> realm to it). Called by <c>create_realm</c> before <c>on_realm_created</c> fires and
    /// before the call returns, so a client can join the realm as soon as it has the result.
    /// </summary>
    /// <param name="realm">The management realm's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the realm accepts sessions.</returns>
    ValueTask OpenRealmAsync(string realm, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a management realm from the router: its sessions are closed (GOODBYE <c>wamp.close.system_shutdown</c>
    /// or similar) and new joins are refused. Called by <c>delete_realm</c> before <c>on_realm_deleted</c> fires.
    /// </summary>
    /// <param name="realm">The management realm's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the realm is gone.</returns>
    ValueTask CloseRealmAsync(string realm, CancellationToken cancellationToken);
}
