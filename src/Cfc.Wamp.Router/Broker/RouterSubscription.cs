using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Wamp.Router;

/// <summary>One subscription (topic + match policy); its id is shared by all its subscribers.</summary>
internal sealed class RouterSubscription(long id, string topic, string match, DateTimeOffset created)
{
    public long Id { get; } = id;

    public string Topic { get; } = topic;

    public string Match { get; } = match;

    public DateTimeOffset Created { get; } = created;

    /// <summary>The subscribers in subscription order.</summary>
    public List<RouterSession> Subscribers { get; } = [];

    /// <summary>The meta-API description: {id, created, uri, match}.</summary>
    public JsonElement Describe() => WampJson.BuildObject(w =>
    {
        w.WriteNumber("id", Id);
        w.WriteString("created", Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("uri", Topic);
        w.WriteString("match", Match);
    });
}
