using System.Collections.Concurrent;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Tests.Tolerance;

/// <summary>
/// Issue 8, items 1 and 3, through the typed API: a call the server did never fails in the client because of a
/// field's shape; a result that cannot be the documented thing carries what the server returned; an event with
/// nothing to read is skipped, one sent by keywords is read from them.
/// </summary>
public sealed class TolerantCallTests
{
    [Fact]
    public async Task Creating_a_realm_on_a_server_that_sends_iso_times_succeeds_and_the_time_is_typed()
    {
        var peer = new ScriptedWampClient
        {
            Responder = (_, _) => Payload.Args("""{"oid":"o1","name":"lab","created":"2026-12-03T08:05:30.369Z","tags":"not-a-list"}"""),
        };
        await using CfcClient client = CfcClient.Create(peer);

        ManagementRealmInfo realm = await client.ManagementRealms.CreateRealmAsync("lab");

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 5, 30, 369, TimeSpan.Zero), realm.Created);
        Assert.Null(realm.Tags);
        Assert.Equal("not-a-list", realm.RawJson.GetProperty("tags").GetString());
    }

    [Fact]
    public async Task A_list_where_an_object_is_promised_is_a_protocol_exception_that_carries_the_raw_result()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args("""["lab","default"]""") };
        await using CfcClient client = CfcClient.Create(peer);

        CfcProtocolException ex = await Assert.ThrowsAsync<CfcProtocolException>(() => client.ManagementRealms.GetRealmAsync("lab"));

        Assert.NotNull(ex.RawResult);
        Assert.Equal("""[["lab","default"]]""", Payload.ArgsJson(ex.RawResult.Value));
        Assert.Contains("a list, not an object", ex.Message);
        Assert.Contains("RawResult", ex.Message);
    }

    [Fact]
    public async Task A_field_that_does_not_fit_is_logged_once_at_debug_however_often_it_comes()
    {
        var logs = new ConcurrentQueue<(LogLevel Level, string Text)>();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new QueueLoggerProvider(logs)));
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args("""{"name":"lab","created":true}""") };
        await using CfcClient client = CfcClient.Create(peer, loggerFactory: factory);

        for (int i = 0; i < 3; i++)
        {
            Assert.Null((await client.ManagementRealms.GetRealmAsync("lab")).Created);
        }

        (LogLevel level, string text) = Assert.Single(logs, l => l.Text.Contains("ManagementRealmInfo.created", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, level);
    }

    [Fact]
    public async Task An_empty_tick_is_skipped_and_a_tick_sent_by_keywords_is_read_from_them()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var ticks = new Recorder<TickEvent>();
        await using CfcEventSubscription _ = await client.System.OnTick.SubscribeAsync(ticks);   // in place when it returns

        const string topic = "crossbarfabriccenter.system.on_tick";
        await peer.PublishEventAsync(topic, WampPayload.Empty);
        await peer.PublishEventAsync(topic, Payload.Args("null"));
        await peer.PublishEventAsync(topic, new WampPayload(null, Payload.Json("""{"now":"2026-12-03T08:03:43.986Z","tick":"4"}""")));

        TickEvent tick = Assert.Single(ticks.Values);
        Assert.Equal(4, tick.Tick);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 3, 43, 986, TimeSpan.Zero), tick.Now);
        Assert.Null(ticks.Error);
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<(LogLevel Level, string Text)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Text)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
