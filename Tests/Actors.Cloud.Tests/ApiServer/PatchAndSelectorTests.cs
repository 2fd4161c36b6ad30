using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Crd;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Patch;
using Actors.Messages.Kubernetes;

namespace Actors.Cloud.Tests.ApiServer;

public sealed class PatchAndSelectorTests
{
    private static JsonNode J(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void StrategicMerge_ContainersByName_MergesEnvByNameAndDeletesWithDirective()
    {
        var pod = J("""{"spec":{"containers":[{"name":"a","image":"x","env":[{"name":"E1","value":"1"},{"name":"E2","value":"2"}]},{"name":"b","image":"y"}]}}""");
        var patch = J("""{"spec":{"containers":[{"name":"a","env":[{"name":"E2","value":"two"},{"name":"E3","value":"3"}]},{"name":"b","$patch":"delete"}]}}""");
        var result = StrategicMergePatch.Apply(pod, patch)!;
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.Single(containers);
        Assert.Equal("x", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal("""[{"name":"E1","value":"1"},{"name":"E2","value":"two"},{"name":"E3","value":"3"}]""", containers[0]!["env"]!.ToJsonString());
    }

    [Fact]
    public void StrategicMerge_ListWithoutMergeKey_IsReplacedAndNullDeletes()
    {
        var obj = J("""{"spec":{"args":["a","b"],"keep":1,"drop":2}}""");
        var result = StrategicMergePatch.Apply(obj, J("""{"spec":{"args":["c"],"drop":null}}"""))!;
        Assert.Equal("""{"spec":{"args":["c"],"keep":1}}""", result.ToJsonString());
    }

    [Fact]
    public void JsonMergePatch_NestedNull_RemovesKey()
    {
        var result = JsonMergePatch.Apply(J("""{"a":{"b":1,"c":2},"d":[1]}"""), J("""{"a":{"b":null},"d":[2]}"""))!;
        Assert.Equal("""{"a":{"c":2},"d":[2]}""", result.ToJsonString());
    }

    [Fact]
    public void JsonPatch_FailedTest_IsRefusedWith422()
    {
        var doc = J("""{"a":[1,2]}""");
        Assert.Equal("""{"a":[1,3,2]}""", JsonPatch.Apply(doc, J("""[{"op":"add","path":"/a/1","value":3}]""")).ToJsonString());
        var e = Assert.Throws<ApiException>(() => JsonPatch.Apply(doc, J("""[{"op":"test","path":"/a/0","value":9}]""")));
        Assert.Equal(422, e.Code);
        Assert.Equal(422, Assert.Throws<ApiException>(() => JsonPatch.Apply(doc, J("""[{"op":"remove","path":"/nope"}]"""))).Code);
    }

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("!tier", false)]
    [InlineData("!missing,tier notin (back)", true)]
    public void LabelSelector_Operators_MatchAsKubernetes(string selector, bool expected)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(labels));
    }

    [Fact]
    public async Task LabelSelector_Malformed_IsBadRequest()
    {
        Assert.Throws<FormatException>(() => LabelSelector.Parse("app in web"));
        Assert.Throws<FormatException>(() => LabelSelector.Parse("a,,b"));
        Assert.Throws<FormatException>(() => FieldSelector.Parse("metadata.name"));

        await using var h = await ApiServerHarness.StartAsync();
        using var response = await h.Client().GetAsync("api/v1/namespaces/default/configmaps?labelSelector=app%20in%20web");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid label selector", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaValidator_TypesEnumsFormatsAndUnknownFields()
    {
        var schema = (JsonObject)J("""
            {"type":"object","properties":{"spec":{"type":"object","required":["size"],"properties":{
              "size":{"type":"integer","minimum":1},"color":{"type":"string","enum":["red"]},
              "when":{"type":"string","format":"date-time"},"open":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}
            """);
        var causes = new List<(string, string, string)>();
        var warnings = new List<string>();
        var obj = (JsonObject)J("""{"spec":{"size":0,"color":"blue","when":"yesterday","open":{"any":1},"extra":true}}""");
        SchemaValidator.ValidateObject(schema, obj, "Warn", causes, warnings);
        Assert.Equal(["spec.size", "spec.color", "spec.when"], causes.Select(c => c.Item1).ToList());
        Assert.Equal(["unknown field \"spec.extra\""], warnings);
        Assert.False(obj["spec"]!.AsObject().ContainsKey("extra"));
        Assert.Equal(1, obj["spec"]!["open"]!["any"]!.GetValue<int>());

        var strict = (JsonObject)J("""{"spec":{"size":2,"extra":true}}""");
        Assert.Equal(400, Assert.Throws<ApiException>(() => SchemaValidator.ValidateObject(schema, strict, "Strict", [], [])).Code);
        var missing = new List<(string, string, string)>();
        SchemaValidator.ValidateObject(schema, (JsonObject)J("""{"spec":{}}"""), "Ignore", missing, []);
        Assert.Equal("spec.size", Assert.Single(missing).Item1);
    }
}
