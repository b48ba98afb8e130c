using System.Text.Json;

namespace Cfc.Client.Tests.Fake.Master;

/// <summary>The conformance test's shape comparison is strict where it matters: JSON kinds (int vs float vs null), keys, list emptiness.</summary>
public sealed class JsonShapeTests
{
    private static List<string> Compare(string recorded, string fake)
    {
        var problems = new List<string>();
        JsonShape.Compare("$", JsonDocument.Parse(recorded).RootElement, JsonDocument.Parse(fake).RootElement, problems);
        return problems;
    }

    [Theory]
    [InlineData("""{"a":1,"b":"x","c":[1,2],"d":null,"e":0.5}""", """{"e":2.25,"d":null,"c":[7],"b":"y","a":9}""")]
    [InlineData("""{"workers_by_type":{"router":1}}""", """{"workers_by_type":{"container":2,"router":1}}""")]
    [InlineData("[]", "[]")]
    public void Values_may_differ_but_not_shapes(string recorded, string fake) => Assert.Empty(Compare(recorded, fake));

    [Theory]
    [InlineData("""{"uptime":1.5}""", """{"uptime":2}""")]
    [InlineData("""{"created":1796284988301376}""", """{"created":"2026-12-03T08:05:30.369Z"}""")]
    [InlineData("""{"heartbeat":null}""", """{"heartbeat":1}""")]
    [InlineData("""{"oid":"x","label":null}""", """{"oid":"x"}""")]
    [InlineData("""{"a":{"b":true}}""", """{"a":{"b":"true"}}""")]
    [InlineData("""["x"]""", "[]")]
    public void A_different_kind_key_or_emptiness_is_a_difference(string recorded, string fake) => Assert.NotEmpty(Compare(recorded, fake));
}
