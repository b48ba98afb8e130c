using Cfc.Wamp;

namespace Cfc.Wamp.Router;

/// <summary>The authenticated caller of a router-local procedure (what <c>disclose_caller</c> would tell a callee).</summary>
/// <param name="Realm">The realm the caller joined.</param>
/// <param name="AuthId">The caller's authid.</param>
/// <param name="AuthRole">The caller's authrole.</param>
/// <param name="SessionId">The caller's session id.</param>
public sealed record RouterCaller(string Realm, string AuthId, string AuthRole, long SessionId);

/// <summary>Runs one call of a router-local procedure. Throw <see cref="WampException"/> to answer with its error URI and payload.</summary>
/// <param name="caller">Who called.</param>
/// <param name="args">The CALL's arguments.</param>
/// <param name="cancellationToken">Cancelled when the router is disposed.</param>
/// <returns>The RESULT payload.</returns>
public delegate ValueTask<WampPayload> RouterLocalProcedure(RouterCaller caller, WampPayload args, CancellationToken cancellationToken);

/// <summary>
/// Procedures implemented inside the router process rather than by a joined callee (the fake CFC backend).
/// The dealer asks this after the meta API and before client registrations.
/// </summary>
public interface IRouterLocalProcedures
{
    /// <summary>The handler of <paramref name="procedure"/> on <paramref name="realm"/>, or <see langword="null"/> to route as usual.</summary>
    /// <param name="realm">The caller's realm.</param>
    /// <param name="procedure">The called URI.</param>
    /// <returns>The handler or <see langword="null"/>.</returns>
    RouterLocalProcedure? Find(string realm, string procedure);
}
