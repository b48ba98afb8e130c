using System.CommandLine;
using System.Text.Json;
using Cfc.Cli.Hosting;
using Cfc.Wamp;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc call</c> and <c>cfc publish</c>: anything the typed commands lack, through the raw WAMP session.</summary>
internal static class RawCommands
{
    public static IEnumerable<Command> Build()
    {
        Argument<string> procedure = new("procedure") { Description = "The procedure URI, e.g. crossbarfabriccenter.mrealm.get_nodes" };
        Argument<string[]> callArgs = new("args") { Description = "Positional arguments, each one JSON value ('\"text\"', 42, '{\"a\":1}')", Arity = ArgumentArity.ZeroOrMore };
        Option<string?> callKw = Kw();
        var timeout = new Option<double?>("--timeout") { Description = "Give up after this many seconds (the call is cancelled)" };
        Argument<string> topic = new("topic") { Description = "The topic URI" };
        Argument<string[]> pubArgs = new("args") { Description = "Positional arguments, each one JSON value", Arity = ArgumentArity.ZeroOrMore };
        Option<string?> pubKw = Kw();

        yield return Verb.Make("call", "Call any procedure on the connected realm (--realm, else the global realm)", [procedure, callArgs, callKw, timeout], RealmScope.Configured, async c =>
        {
            WampPayload payload = Payload(c.Get(callArgs), c.Get(callKw));
            WampCallOptions? options = c.Get(timeout) is { } seconds ? new WampCallOptions { Timeout = TimeSpan.FromSeconds(seconds) } : null;
            WampResult result = await c.Client.Wamp.CallAsync(c.Get(procedure), payload, options, c.Cancel).ConfigureAwait(false);
            return new CliResult(Unwrap(result.Payload));
        });
        yield return Verb.Make("publish", "Publish an event on the connected realm (acknowledged)", [topic, pubArgs, pubKw], RealmScope.Configured, async c =>
        {
            WampPayload payload = Payload(c.Get(pubArgs), c.Get(pubKw));
            long? id = await c.Client.Wamp.PublishAsync(c.Get(topic), payload, new WampPublishOptions { Acknowledge = true }, c.Cancel).ConfigureAwait(false);
            return new CliResult(CliJson.Build(w =>
            {
                w.WriteString("topic", c.Get(topic));
                w.WriteNumber("publication", id ?? 0);
            }));
        });
    }

    private static Option<string?> Kw() => new("--kw") { Description = "Keyword arguments as one JSON object" };

    private static WampPayload Payload(string[]? args, string? kw)
    {
        JsonElement? positional = null;
        if (args is { Length: > 0 })
        {
            positional = CliJson.Array(args.Select((a, i) => CliJson.Parse(a, $"argument {i + 1} ({a})")));
        }

        JsonElement? keywords = null;
        if (kw is not null)
        {
            keywords = CliJson.Parse(kw, "--kw");
            if (keywords.Value.ValueKind != JsonValueKind.Object)
            {
                throw new CliUsageException("--kw must be a JSON object, e.g. --kw '{\"return_names\":true}'.");
            }
        }

        return new WampPayload(positional, keywords);
    }

    /// <summary>A result with one positional value and no keywords is that value; anything else is {args, kwargs}.</summary>
    internal static JsonElement Unwrap(WampPayload payload)
    {
        bool noKeywords = payload.ArgumentsKeywords is not { } k || !k.EnumerateObject().Any();
        if (payload.Count == 1 && noKeywords)
        {
            return payload[0];
        }

        if (payload.Count == 0 && noKeywords)
        {
            return CliJson.Parse("null", "result");
        }

        return CliJson.Build(w =>
        {
            w.WritePropertyName("args");
            (payload.Arguments ?? CliJson.Parse("[]", "args")).WriteTo(w);
            w.WritePropertyName("kwargs");
            (payload.ArgumentsKeywords ?? CliJson.Parse("{}", "kwargs")).WriteTo(w);
        });
    }
}
