using System.Text.Json;
using Cfc.Client.Tests.Fakes;

namespace Cfc.Client.Tests.Api;

public sealed class ExtensionDataTests
{
    private const string StatusJson =
        "{\"version\":\"v17.8.1\",\"tick\":5,\"later_field\":{\"a\":1},\"other\":[true]}";

    [Fact]
    public async Task Unknown_fields_are_kept_read_only_and_named_in_ToString()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args(StatusJson) };
        await using CfcClient client = CfcClient.Create(peer);

        SystemStatus status = await client.System.GetStatusAsync();

        Assert.Equal(2, status.ExtensionData.Count);
        Assert.Equal("{\"a\":1}", status.ExtensionData["later_field"].GetRawText());
        Assert.Equal("[true]", status.ExtensionData["other"].GetRawText());

        // No cast reaches a mutator: the view is neither a Dictionary nor any IDictionary.
        Assert.IsNotType<Dictionary<string, JsonElement>>(status.ExtensionData);
        Assert.False(status.ExtensionData is IDictionary<string, JsonElement>);
        Assert.False(status.ExtensionData is System.Collections.IDictionary);
        Assert.False(status.ExtensionData is ICollection<KeyValuePair<string, JsonElement>>);
        Assert.DoesNotContain(
            typeof(SystemStatus).GetProperties(),
            p => p.PropertyType.IsAssignableTo(typeof(IDictionary<string, JsonElement>)));

        string text = status.ToString();
        Assert.Contains("ExtensionData = { later_field, other }", text, StringComparison.Ordinal);
        Assert.Contains("Version = v17.8.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_unknown_fields_the_view_is_empty_and_ToString_omits_it()
    {
        SystemStatus status = JsonSerializer.Deserialize("{\"version\":\"v1\"}", CfcJsonContext.Default.SystemStatus)!;

        Assert.NotNull(status.ExtensionData);
        Assert.Empty(status.ExtensionData);
        Assert.Empty(new SystemStatus().ExtensionData);
        Assert.DoesNotContain("ExtensionData", status.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("SystemStatus { Version = v1,", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_survive_a_serialization_round_trip_and_with()
    {
        SystemStatus status = JsonSerializer.Deserialize(StatusJson, CfcJsonContext.Default.SystemStatus)!;

        string json = JsonSerializer.Serialize(status, CfcJsonContext.Default.SystemStatus);
        using JsonDocument written = JsonDocument.Parse(json);
        Assert.Equal("{\"a\":1}", written.RootElement.GetProperty("later_field").GetRawText());
        Assert.False(written.RootElement.TryGetProperty("extension_data", out _));
        Assert.False(written.RootElement.TryGetProperty("extension_store", out _));

        SystemStatus copy = status with { Tick = 6 };
        Assert.Equal(["later_field", "other"], copy.ExtensionData.Keys.Order(StringComparer.Ordinal));
    }
}
