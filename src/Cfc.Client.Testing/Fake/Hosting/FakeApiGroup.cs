using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The base of one API group of the fake backend: it registers the group's procedures under every URI scheme
/// and publishes the group's events under every scheme (a client subscribes under the one it speaks).
/// </summary>
internal abstract class FakeApiGroup : IFakeApiGroup
{
    private readonly IReadOnlyList<CfcUriScheme> _schemes;

    protected FakeApiGroup(FakeApi api, FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    {
        Api = api;
        State = state;
        Host = host;
        _schemes = schemes ?? FakeUris.AllSchemes;
    }

    public FakeApi Api { get; }

    protected FakeCfcState State { get; }

    protected IFakeCfcHost Host { get; }

    /// <summary>Registers every procedure of the group with the host.</summary>
    public abstract void Register();

    /// <summary>Registers a handler that runs entirely under the state lock (reads and simple changes without events).</summary>
    protected void Procedure(string? realm, string name, Func<FakeCallContext, FakeArgs, WampPayload> handler) =>
        ProcedureAsync(realm, name, (context, args, _) =>
        {
            lock (State.Gate)
            {
                return ValueTask.FromResult(handler(context, args));
            }
        });

    /// <summary>Registers a handler that takes the state lock itself (it publishes events between its steps).</summary>
    protected void ProcedureAsync(string? realm, string name, Func<FakeCallContext, FakeArgs, CancellationToken, ValueTask<WampPayload>> handler)
    {
        foreach (CfcUriScheme scheme in _schemes)
        {
            Host.Register(realm, FakeUris.Of(scheme, Api, name), (context, payload, ct) => handler(context, new FakeArgs(payload), ct));
        }
    }

    /// <summary>Publishes one of the group's events on <paramref name="realm"/> under every scheme.</summary>
    protected ValueTask PublishAsync(string realm, string topic, WampPayload payload) => PublishAsync(Api, realm, topic, payload);

    /// <summary>Publishes an event of another group (e.g. a meta event caused by a router call) under every scheme.</summary>
    protected async ValueTask PublishAsync(FakeApi api, string realm, string topic, WampPayload payload)
    {
        foreach (CfcUriScheme scheme in _schemes)
        {
            await Host.PublishAsync(realm, FakeUris.Of(scheme, api, topic), payload).ConfigureAwait(false);
        }
    }
}
