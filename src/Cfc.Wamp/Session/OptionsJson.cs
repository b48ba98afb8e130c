using System.Text.Json;

namespace Cfc.Wamp.Session;

/// <summary>
/// The option dictionaries the client sends. The common ones are built once and shared, so the call and
/// publish hot paths allocate no JSON for their options.
/// </summary>
internal static class OptionsJson
{
    private static readonly JsonElement ReceiveProgress = Parse("""{"receive_progress":true}""");
    private static readonly JsonElement DiscloseMe = Parse("""{"disclose_me":true}""");
    private static readonly JsonElement ReceiveProgressDiscloseMe = Parse("""{"receive_progress":true,"disclose_me":true}""");
    private static readonly JsonElement CancelKillNoWait = Parse("""{"mode":"killnowait"}""");
    private static readonly JsonElement CancelKill = Parse("""{"mode":"kill"}""");
    private static readonly JsonElement CancelSkip = Parse("""{"mode":"skip"}""");
    private static readonly JsonElement MatchPrefix = Parse("""{"match":"prefix"}""");
    private static readonly JsonElement MatchWildcard = Parse("""{"match":"wildcard"}""");
    private static readonly JsonElement AcknowledgeOnly = Parse("""{"acknowledge":true}""");

    /// <summary>YIELD options of a progressive result.</summary>
    public static JsonElement Progress { get; } = Parse("""{"progress":true}""");

    public static JsonElement Call(bool receiveProgress, bool discloseMe) => (receiveProgress, discloseMe) switch
    {
        (false, false) => WampJson.EmptyObject,
        (true, false) => ReceiveProgress,
        (false, true) => DiscloseMe,
        _ => ReceiveProgressDiscloseMe,
    };

    public static JsonElement Cancel(WampCancelMode mode) => mode switch
    {
        WampCancelMode.Kill => CancelKill,
        WampCancelMode.Skip => CancelSkip,
        _ => CancelKillNoWait,
    };

    public static string MatchName(WampMatch match) => match switch
    {
        WampMatch.Prefix => "prefix",
        WampMatch.Wildcard => "wildcard",
        _ => "exact",
    };

    /// <summary>SUBSCRIBE options: <c>match</c> only for patterns (exact is the default and is omitted).</summary>
    public static JsonElement Subscribe(WampMatch match) => match switch
    {
        WampMatch.Prefix => MatchPrefix,
        WampMatch.Wildcard => MatchWildcard,
        _ => WampJson.EmptyObject,
    };

    public static JsonElement Register(WampRegisterOptions? options)
    {
        if (options is null || (options.Match == WampMatch.Exact && options.Invoke is null && !options.DiscloseCaller))
        {
            return WampJson.EmptyObject;
        }

        return WampJson.BuildObject(w =>
        {
            if (options.Match != WampMatch.Exact)
            {
                w.WriteString("match", MatchName(options.Match));
            }

            if (options.Invoke is { } invoke)
            {
                w.WriteString("invoke", invoke);
            }

            if (options.DiscloseCaller)
            {
                w.WriteBoolean("disclose_caller", true);
            }
        });
    }

    /// <summary>PUBLISH options: only what differs from the WAMP defaults (exclude_me only when false).</summary>
    public static JsonElement Publish(WampPublishOptions? options)
    {
        if (options is null || (!options.Acknowledge && options.ExcludeMe && options.Exclude is null && options.Eligible is null && !options.DiscloseMe))
        {
            return WampJson.EmptyObject;
        }

        if (options.Acknowledge && options.ExcludeMe && options.Exclude is null && options.Eligible is null && !options.DiscloseMe)
        {
            return AcknowledgeOnly;
        }

        return WampJson.BuildObject(w =>
        {
            if (options.Acknowledge)
            {
                w.WriteBoolean("acknowledge", true);
            }

            if (!options.ExcludeMe)
            {
                w.WriteBoolean("exclude_me", false);
            }

            WriteIds(w, "exclude", options.Exclude);
            WriteIds(w, "eligible", options.Eligible);
            if (options.DiscloseMe)
            {
                w.WriteBoolean("disclose_me", true);
            }
        });
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IReadOnlyList<long>? ids)
    {
        if (ids is null)
        {
            return;
        }

        w.WriteStartArray(name);
        for (int i = 0; i < ids.Count; i++)
        {
            w.WriteNumberValue(ids[i]);
        }

        w.WriteEndArray();
    }

    private static JsonElement Parse(string json) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json));
}
