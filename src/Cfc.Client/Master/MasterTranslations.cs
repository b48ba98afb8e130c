using System.Globalization;
using System.Text.Json;
using Cfc.Client.Api;
using Cfc.Wamp;

namespace Cfc.Client.Master;

/// <summary>
/// The hand-written translations between the seeds' shapes and the master's (<see cref="MasterTranslation"/>), all in
/// JSON space so that the typed results and events decode exactly as under the other schemes.
/// </summary>
internal static class MasterTranslations
{
    // The typed API's parameter that carries worker and component configurations.
    private const string ConfigParameter = "config";

    /// <summary>A call as it goes to the master, plus what the result translation needs to remember.</summary>
    /// <param name="Payload">The arguments for the master.</param>
    /// <param name="Remember">A value the result translation needs (the component id and config), or <see langword="null"/>.</param>
    internal readonly record struct MasterCall(WampPayload Payload, JsonElement? Remember = null);

    /// <summary>Reshapes the seed-ordered arguments for the master (the node argument is handled by the adapter).</summary>
    /// <param name="member">The member.</param>
    /// <param name="payload">The arguments as the typed API built them.</param>
    /// <returns>The master's arguments.</returns>
    /// <exception cref="ArgumentException">An argument the master needs is missing or invalid (nothing was sent).</exception>
    public static MasterCall PrepareCall(MasterMember member, WampPayload payload)
    {
        switch (member.Translation)
        {
            case MasterTranslation.RealmNames:
            case MasterTranslation.NodeNames:
            {
                // without return_names the master lists oids; other keywords (the status filter) pass on
                var names = new WampPayloadBuilder();
                CopyKeywords(payload, names);
                return new(names.Keyword("return_names", true).Build());
            }

            case MasterTranslation.CreateMrealm:
            {
                string name = payload[0].GetString()!;
                MasterArgs.RequireRealmName(name, "realmName");
                return new(new WampPayloadBuilder().Add(WampJson.BuildObject(w => w.WriteString("name", name))).Build());
            }

            case MasterTranslation.StartWorker:
                return new(StartWorker(payload));

            case MasterTranslation.StartComponent:
                return StartComponent(payload);

            default:
                if (member.Member == Uris.CfcMember.ManagementRealmsPairNode)
                {
                    MasterArgs.RequireRealmName(payload[1].GetString()!, "realmName");
                }

                return new(payload);
        }
    }

    /// <summary>Reshapes the master's result into the seed's.</summary>
    /// <param name="member">The member.</param>
    /// <param name="call">The call as sent.</param>
    /// <param name="result">The master's RESULT payload.</param>
    /// <returns>The result the typed API decodes.</returns>
    public static WampPayload TranslateResult(MasterMember member, MasterCall call, WampPayload result)
    {
        if (member.Translation == MasterTranslation.StartComponent &&
            (result.Count == 0 || result[0].ValueKind == JsonValueKind.Null) && call.Remember is { } started)
        {
            // The container answers null; the seed's "component started" object carries the id and config.
            return new WampPayloadBuilder().Add(started).Build();
        }

        return result;
    }

    /// <summary>Replaces positional argument <paramref name="index"/> with <paramref name="value"/>.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The new payload (keyword arguments kept).</returns>
    public static WampPayload ReplaceArgument(WampPayload payload, int index, string value)
    {
        var builder = new WampPayloadBuilder();
        for (int i = 0; i < payload.Count; i++)
        {
            if (i == index)
            {
                builder.Add(value);
            }
            else
            {
                builder.Add(payload[i]);
            }
        }

        CopyKeywords(payload, builder);
        return builder.Build();
    }

    /// <summary>A JSON list of string pairs, <c>[[a, b], ...]</c>.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The list.</returns>
    public static JsonElement PairList(IReadOnlyList<(string First, string Second)> pairs)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(96 * pairs.Count + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach ((string first, string second) in pairs)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(first);
                writer.WriteStringValue(second);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return WampJson.ParseElement(buffer.WrittenSpan);
    }

    /// <summary>The string property <paramref name="name"/> of <paramref name="element"/>, or <see langword="null"/>.</summary>
    /// <param name="element">An object (anything else gives <see langword="null"/>).</param>
    /// <param name="name">The property.</param>
    /// <returns>The string or <see langword="null"/>.</returns>
    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Seed: start_worker(node_id, worker_id, config) with config {"type": ..., "options": {...}} (or the options inline);
    // master: start_worker(node_oid, worker_id, worker_type, worker_options).
#pragma warning disable CA2208 // the parameter named is the typed API's (StartWorkerAsync's config), which this payload came from
    private static WampPayload StartWorker(WampPayload payload)
    {
        JsonElement config = payload[2];
        string type = GetString(config, "type") ?? throw new ArgumentException(
            "config must name the worker type for the Crossbar.io master: {\"type\": \"router\" | \"container\" | \"guest\" | \"proxy\", \"options\": {...}}.",
            ConfigParameter);
        JsonElement options = config.TryGetProperty("options", out JsonElement o) ? o : Without(config, "type");
        return new WampPayloadBuilder().Add(payload[0]).Add(payload[1]).Add(type).Add(options).Build();
    }
#pragma warning restore CA2208

    // Seed: start_container_component(node_id, worker_id, config); master: start_component(node_oid, worker_id, component_id, config).
    private static MasterCall StartComponent(WampPayload payload)
    {
        JsonElement config = payload[2];
        string id = GetString(config, "id") ?? "component-" + Guid.NewGuid().ToString("N")[..8].ToString(CultureInfo.InvariantCulture);
        CfcArgs.RequireId(id, ConfigParameter);
        JsonElement bare = Without(config, "id");
        JsonElement remember = WampJson.BuildObject(w =>
        {
            w.WriteString("id", id);
            w.WritePropertyName("config");
            bare.WriteTo(w);
        });
        return new(new WampPayloadBuilder().Add(payload[0]).Add(payload[1]).Add(id).Add(bare).Build(), remember);
    }

    private static JsonElement Without(JsonElement element, string name) => WampJson.BuildObject(w =>
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Name != name)
            {
                property.WriteTo(w);
            }
        }
    });

    private static void CopyKeywords(WampPayload payload, WampPayloadBuilder builder)
    {
        if (payload.ArgumentsKeywords is { ValueKind: JsonValueKind.Object } keywords)
        {
            foreach (JsonProperty property in keywords.EnumerateObject())
            {
                builder.Keyword(property.Name, property.Value);
            }
        }
    }
}
