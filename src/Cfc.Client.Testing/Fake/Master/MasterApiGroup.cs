using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The base of one API group of the master contract (<see cref="CfcUriScheme.CrossbarMaster"/>): registers procedures
/// under the master's URIs on the global realm or on every management realm, and publishes events. Global procedures
/// vanish while the domain controller restarts (<c>wamp.error.no_such_procedure</c>), as on the master.
/// </summary>
internal abstract class MasterApiGroup(FakeMasterState master, IFakeCfcHost host) : IFakeApiGroup
{
    protected const string Global = FakeCfcState.GlobalRealm;

    protected FakeMasterState Master { get; } = master;

    protected FakeCfcState State => Master.State;

    protected IFakeCfcHost Host { get; } = host;

    public abstract void Register();

    /// <summary>Registers a handler that runs entirely under the state lock.</summary>
    /// <param name="realm">The global realm, or <see langword="null"/> for every management realm.</param>
    /// <param name="uri">The procedure URI.</param>
    /// <param name="function">The Python function's name, for the master's error messages.</param>
    /// <param name="handler">The handler.</param>
    protected void Procedure(string? realm, string uri, string function, Func<FakeCallContext, MasterArgs, WampPayload> handler) =>
        ProcedureAsync(realm, uri, function, (context, args, _) =>
        {
            lock (State.Gate)
            {
                return ValueTask.FromResult(handler(context, args));
            }
        });

    /// <summary>Registers a handler that takes the state lock itself (it publishes events between its steps).</summary>
    protected void ProcedureAsync(string? realm, string uri, string function, Func<FakeCallContext, MasterArgs, CancellationToken, ValueTask<WampPayload>> handler)
    {
        MasterTypeCheck typeCheck = realm is null ? MasterTypeCheck.Checked : MasterTypeCheck.Assert;
        Host.Register(realm, uri, (context, payload, ct) =>
        {
            if (realm is not null)
            {
                lock (State.Gate)
                {
                    if (Master.IsRestarting)
                    {
                        throw MasterErrors.NoSuchProcedure(uri);
                    }
                }
            }

            return handler(context, new MasterArgs(payload, function, typeCheck), ct);
        });
    }

    /// <summary>An async global procedure with a required argument missing: the master's domain controller dies, the caller sees <c>wamp.error.canceled</c>.</summary>
    protected Exception Crash()
    {
        lock (State.Gate)
        {
            Master.CrashDomainController();
        }

        return MasterErrors.Error(MasterErrors.CanceledUri, "callee disconnected from in-flight request");
    }

    protected ValueTask PublishAsync(string realm, string topic, WampPayload payload) => Host.PublishAsync(realm, topic, payload);

    protected static WampPayload One(System.Text.Json.JsonElement value) => WampPayload.FromArguments(value);
}
