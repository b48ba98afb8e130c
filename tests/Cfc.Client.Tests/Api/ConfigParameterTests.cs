using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cfc.Client.Api;
using Cfc.Client.Testing;

namespace Cfc.Client.Tests.Api;

/// <summary>Configuration parameters accept dictionaries, JsonNode, JsonElement and typed objects with their JsonTypeInfo.</summary>
public sealed class ConfigParameterTests
{
    private const string RealmConfigJson = """{"name":"realm-x","roles":[{"name":"anonymous","permissions":[{"uri":"","match":"prefix","allow":{"call":true}}]}],"options":{"n":1.5,"on":true,"none":null}}""";

    [Fact]
    public void A_JsonNode_config_goes_out_as_the_same_JSON()
    {
        JsonNode config = JsonNode.Parse(RealmConfigJson)!;

        JsonElement sent = CfcJsonArgs.ToElement(CfcConfig.From(config), "realmConfig");

        Assert.Equal(RealmConfigJson, sent.GetRawText());
    }

    [Fact]
    public void A_JsonElement_config_and_nodes_inside_a_dictionary_go_out_as_JSON()
    {
        using JsonDocument doc = JsonDocument.Parse(RealmConfigJson);
        Assert.Equal(RealmConfigJson, CfcJsonArgs.ToElement(CfcConfig.From(doc.RootElement), "realmConfig").GetRawText());

        var mixed = new Dictionary<string, object?>
        {
            ["roles"] = JsonNode.Parse("""[{"name":"a"}]"""),
            ["options"] = doc.RootElement.GetProperty("options"),
            ["list"] = new List<object?> { 1, "two", new JsonObject { ["three"] = 3 } },
        };
        Assert.Equal("""{"roles":[{"name":"a"}],"options":{"n":1.5,"on":true,"none":null},"list":[1,"two",{"three":3}]}""", CfcJsonArgs.ToElement(mixed, "realmConfig").GetRawText());
    }

    [Fact]
    public void A_typed_config_is_serialized_with_its_JsonTypeInfo()
    {
        var config = new TransportConfig("websocket", new Endpoint("tcp", 8080));

        JsonElement sent = CfcJsonArgs.ToElement(CfcConfig.From(config, ConfigTestJson.Default.TransportConfig), "transportConfig");

        Assert.Equal("""{"type":"websocket","endpoint":{"type":"tcp","port":8080}}""", sent.GetRawText());
    }

    [Fact]
    public void A_config_that_is_not_a_JSON_object_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => CfcConfig.From(JsonNode.Parse("[1,2]")!));
        Assert.Contains("must be a JSON object, not an array", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_value_is_refused_with_its_path_and_its_type_in_words()
    {
        var config = new Dictionary<string, object?>
        {
            ["roles"] = new List<object?> { new List<KeyValuePair<string, int>> { new("a", 1) } },
        };

        var ex = Assert.Throws<ArgumentException>(() => CfcJsonArgs.ToElement(config, "realmConfig"));

        Assert.Equal("realmConfig", ex.ParamName);
        Assert.StartsWith("realmConfig.roles[0][0] is a key-value pair (KeyValuePair<string, int>)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CfcConfig.From(value, jsonTypeInfo)", ex.Message, StringComparison.Ordinal);

        var typed = Assert.Throws<ArgumentException>(() => CfcJsonArgs.ToElement(new Dictionary<string, object?> { ["endpoint"] = new Endpoint("tcp", 1) }, "transportConfig"));
        Assert.StartsWith("transportConfig.endpoint is an object of type Endpoint", typed.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task A_JsonNode_realm_config_reaches_the_node()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync();
        using CryptosignKey key = CryptosignKey.Generate();
        fake.AddUser("alice@example.com", key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>> { ["lab"] = ["owner"] });
        fake.AddNode("lab", "node1");
        await using CfcClient lab = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = "lab",
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
        });

        await lab.RemoteRouter.StartRouterRealmAsync("node1", "worker1", "realm-x", CfcConfig.From(JsonNode.Parse(RealmConfigJson)!));
        RouterRealm realm = await lab.RemoteRouter.GetRouterRealmAsync("node1", "worker1", "realm-x");

        Assert.Equal("anonymous", realm.Config?.GetProperty("roles")[0].GetProperty("name").GetString());
    }
}

public sealed record Endpoint(string Type, int Port);

public sealed record TransportConfig(string Type, Endpoint Endpoint);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TransportConfig))]
internal sealed partial class ConfigTestJson : JsonSerializerContext;
