using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Fake;

/// <summary>An <see cref="IFakeCfcHost"/> that records registrations, publications and realm changes, and invokes handlers directly.</summary>
internal sealed class RecordingHost : IFakeCfcHost
{
    public Dictionary<(string? Realm, string Uri), FakeProcedure> Procedures { get; } = [];

    /// <summary>Everything the backend did to the host, in order: "publish realm topic", "open realm", "close realm".</summary>
    public List<string> Log { get; } = [];

    public List<(string Realm, string Topic, WampPayload Payload)> Events { get; } = [];

    public Func<string, ValueTask>? OnOpen { get; set; }

    public void Register(string? realm, string procedure, FakeProcedure handler)
    {
        Assert.True(Procedures.TryAdd((realm, procedure), handler), $"registered twice: {realm ?? "<mrealms>"} {procedure}");
    }

    public ValueTask PublishAsync(string realm, string topic, WampPayload payload)
    {
        lock (Log)
        {
            Events.Add((realm, topic, payload));
            Log.Add($"publish {realm} {topic}");
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask OpenRealmAsync(string realm, CancellationToken cancellationToken)
    {
        lock (Log)
        {
            Log.Add($"open {realm}");
        }

        if (OnOpen is not null)
        {
            await OnOpen(realm);
        }
    }

    public ValueTask CloseRealmAsync(string realm, CancellationToken cancellationToken)
    {
        lock (Log)
        {
            Log.Add($"close {realm}");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Calls like the router would: the realm's own registration, else the one for every management realm.</summary>
    public async Task<WampPayload> CallAsync(FakeCallContext context, string uri, WampPayload args)
    {
        if (!Procedures.TryGetValue((context.Realm, uri), out FakeProcedure? handler)
            && (context.Realm == FakeCfcState.GlobalRealm || !Procedures.TryGetValue((null, uri), out handler)))
        {
            throw new WampException("wamp.error.no_such_procedure", uri);
        }

        return await handler(context, args, CancellationToken.None);
    }

    /// <summary>The Fabric-scheme events (each event is published once per scheme).</summary>
    public List<(string Realm, string Topic, WampPayload Payload)> FabricEvents =>
        [.. Events.Where(e => e.Topic.StartsWith("crossbarfabriccenter.", StringComparison.Ordinal))];

    public static WampPayload Args(params object?[] values)
    {
        var b = new WampPayloadBuilder();
        foreach (object? v in values)
        {
            switch (v)
            {
                case null: b.AddNull(); break;
                case string s: b.Add(s); break;
                case int i: b.Add(i); break;
                case long l: b.Add(l); break;
                case bool f: b.Add(f); break;
                case JsonElement e: b.Add(e); break;
                default: throw new ArgumentException($"unsupported {v.GetType()}");
            }
        }

        return b.Build();
    }
}
