using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cfc.Client.Api;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Tolerance;

/// <summary>
/// Issue 8, item 2: whatever JSON kind a server puts in a field, every model still decodes, the field that does not
/// fit is null, every other field keeps its value, and the raw value is kept; the same for every event.
/// </summary>
public sealed class ModelToleranceTests
{
    public static TheoryData<string> ModelNames() => [.. ModelShapes.Models.Select(t => t.Name)];

    public static TheoryData<string> EventNames() => [.. ModelShapes.Events.Select(t => t.Name)];

    [Fact]
    public void Every_model_is_registered_in_the_source_generated_context_and_every_field_is_nullable()
    {
        Assert.True(ModelShapes.Models.Count >= 50, $"only {ModelShapes.Models.Count} models found");
        foreach (Type model in ModelShapes.Models)
        {
            Assert.NotNull(CfcJsonContext.Default.GetTypeInfo(model));
            foreach (JsonPropertyInfo field in ModelShapes.Fields(model))
            {
                // A missing field must read as null, never as a default that looks like data (Tick = 0, Now = 0001-01-01).
                Assert.True(
                    !field.PropertyType.IsValueType || Nullable.GetUnderlyingType(field.PropertyType) is not null,
                    $"{model.Name}.{field.Name} is a non-nullable {field.PropertyType.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Every_field_replaced_by_every_json_kind_decodes_keeps_the_raw_value_and_spoils_no_other_field(string modelName)
    {
        Type model = ModelShapes.Models.Single(t => t.Name == modelName);
        JsonTypeInfo info = ModelShapes.TypeInfo(model);
        JsonObject wellFormed = ModelShapes.WellFormed(model);
        CfcObject baseline = (CfcObject)CfcModelReader.Read(ModelShapes.Json(wellFormed.ToJsonString()), info);
        foreach (JsonPropertyInfo field in ModelShapes.Fields(model))
        {
            Assert.True(field.Get!(baseline) is not null, $"{model.Name}.{field.Name} is null for a well-formed value");
        }

        foreach (JsonPropertyInfo field in ModelShapes.Fields(model))
        {
            foreach ((string kind, string? json) in ModelShapes.AllKinds)
            {
                JsonObject shape = (JsonObject)wellFormed.DeepClone();
                shape.Remove(field.Name);
                if (json is not null)
                {
                    shape[field.Name] = JsonNode.Parse(json);
                }

                string where = $"{model.Name}.{field.Name} = {kind}";
                CfcObject decoded;
                using (CfcMismatchScope scope = CfcMismatchScope.Begin())
                {
                    decoded = (CfcObject)CfcModelReader.Read(ModelShapes.Json(shape.ToJsonString()), info);
                    object? value = field.Get!(decoded);
                    bool sent = json is not null and not "null";
                    Assert.True(sent || value is null, $"{where}: a missing or null field must read as null, got {value}");
                    bool reported = scope.Mismatches.Any(m => m.Field == field.Name && m.Model == model);
                    Assert.True(!sent || value is not null || reported, $"{where}: the field was dropped without a mismatch being reported");
                    Assert.True(value is not null || !reported || sent, $"{where}: a mismatch was reported for a field that was not sent");
                }

                // The raw value is always there, exactly as sent.
                if (json is null)
                {
                    Assert.False(decoded.RawJson.TryGetProperty(field.Name, out _), $"{where}: RawJson has the missing field");
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(decoded.RawJson.GetProperty(field.Name).GetRawText())), $"{where}: RawJson lost the value");
                }

                // One bad field spoils no other.
                foreach (JsonPropertyInfo other in ModelShapes.Fields(model).Where(o => o.Name != field.Name))
                {
                    Assert.True(other.Get!(decoded) is not null, $"{where}: {other.Name} was lost too");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Every_event_argument_replaced_by_every_json_kind_is_delivered_or_skipped_never_thrown(string eventName)
    {
        Type eventType = ModelShapes.Events.Single(t => t.Name == eventName);
        ParameterInfo[] parameters = eventType.GetConstructors().Single().GetParameters();
        string[] wellFormed = [.. parameters.Select(p => ModelShapes.SampleFor(p.ParameterType, $"{eventName}({p.Name})"))];
        object baseline = Decode(eventType, Args(wellFormed));
        Assert.All(parameters, p => Assert.NotNull(eventType.GetProperty(p.Name!)!.GetValue(baseline)));

        for (int i = 0; i < parameters.Length; i++)
        {
            foreach ((string kind, string? json) in ModelShapes.AllKinds)
            {
                string[] args = [.. wellFormed];
                args[i] = json ?? "null";
                string where = $"{eventName}({parameters[i].Name} = {kind})";
                object? decoded = TryDecode(eventType, Args(args), out CfcEventFormatException? skipped);
                Type type = parameters[i].ParameterType;
                bool fits = type == typeof(string) ? kind is "string" or "number" or "fraction" or "huge number"
                    : type == typeof(long) ? kind is "number"
                    : type.IsSubclassOf(typeof(CfcObject)) && kind is "object" or "null" or "missing";
                Assert.True(fits == (decoded is not null), $"{where}: {(decoded is null ? "skipped: " + skipped!.Message : "delivered")}");
            }
        }

        // The object argument's own fields are as tolerant as a call result's.
        int objectIndex = Array.FindIndex(parameters, p => p.ParameterType.IsSubclassOf(typeof(CfcObject)));
        if (objectIndex >= 0)
        {
            Type model = parameters[objectIndex].ParameterType;
            foreach (JsonPropertyInfo field in ModelShapes.Fields(model))
            {
                foreach ((string kind, string? json) in ModelShapes.AllKinds.Where(k => k.Json is not null))
                {
                    JsonObject details = ModelShapes.WellFormed(model);
                    details[field.Name] = JsonNode.Parse(json!);
                    string[] args = [.. wellFormed];
                    args[objectIndex] = details.ToJsonString();
                    object decoded = Decode(eventType, Args(args));
                    var raw = (CfcObject)eventType.GetProperty(parameters[objectIndex].Name!)!.GetValue(decoded)!;
                    Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json!), JsonNode.Parse(raw.RawJson.GetProperty(field.Name).GetRawText())), $"{eventName}: {field.Name} = {kind} lost");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void An_event_with_nothing_to_read_is_skipped_and_one_sent_by_keywords_is_read_from_them(string eventName)
    {
        Type eventType = ModelShapes.Events.Single(t => t.Name == eventName);
        ParameterInfo[] parameters = eventType.GetConstructors().Single().GetParameters();

        foreach (WampPayload empty in new[] { WampPayload.Empty, Args("null"), new WampPayload(ModelShapes.Json("[]"), ModelShapes.Json("{}")) })
        {
            Assert.Null(TryDecode(eventType, empty, out CfcEventFormatException? skipped));
            Assert.True(skipped!.IsEmptyPayload, $"{eventName}: {skipped.Message}");
        }

        // Keyword-only: each argument under its seed name (snake_case); the object's fields at the top level.
        var keywords = new JsonObject();
        foreach (ParameterInfo p in parameters)
        {
            if (p.ParameterType.IsSubclassOf(typeof(CfcObject)))
            {
                foreach ((string key, JsonNode? value) in ModelShapes.WellFormed(p.ParameterType))
                {
                    keywords[key] = value?.DeepClone();
                }
            }
            else
            {
                keywords[JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!)] = JsonNode.Parse(ModelShapes.SampleFor(p.ParameterType, p.Name!));
            }
        }

        object decoded = Decode(eventType, new WampPayload(null, ModelShapes.Json(keywords.ToJsonString())));
        foreach (ParameterInfo p in parameters)
        {
            object? value = eventType.GetProperty(p.Name!)!.GetValue(decoded);
            Assert.NotNull(value);
            if (value is CfcObject details)
            {
                Assert.All(ModelShapes.Fields(details.GetType()), f => Assert.NotNull(f.Get!(details)));
            }
        }
    }

    private static WampPayload Args(params string[] json) => new(ModelShapes.Json("[" + string.Join(",", json) + "]"), null);

    private static object Decode(Type eventType, WampPayload payload) =>
        TryDecode(eventType, payload, out CfcEventFormatException? skipped) ?? throw new Xunit.Sdk.XunitException($"{eventType.Name} skipped: {skipped!.Message}");

    // Calls the generated Decode; returns null when the event is skipped (CfcEventFormatException). Any other
    // exception escapes and fails the test: a malformed event must never break the stream.
    private static object? TryDecode(Type eventType, WampPayload payload, out CfcEventFormatException? skipped)
    {
        skipped = null;
        try
        {
            return eventType.GetMethod("Decode", BindingFlags.Static | BindingFlags.NonPublic, [typeof(WampPayload)])!.Invoke(null, [payload]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is CfcEventFormatException format)
        {
            skipped = format;
            return null;
        }
        catch (TargetInvocationException ex)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
            throw;
        }
    }
}
