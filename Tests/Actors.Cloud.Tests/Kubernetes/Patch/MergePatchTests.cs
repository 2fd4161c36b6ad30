using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Patch;

namespace Actors.Cloud.Tests.Kubernetes.Patch;

public sealed class MergePatchTests
{
    [Fact]
    public void CreateTwoWay_ChangedRemovedAndAddedFields_MinimalPatch()
    {
        var original = JsonNode.Parse("""{"metadata":{"labels":{"a":"1","b":"2"},"name":"x"},"status":{"phase":"Pending","ips":[1]}}""")!.AsObject();
        var modified = JsonNode.Parse("""{"metadata":{"labels":{"a":"1","c":"3"},"name":"x"},"status":{"phase":"Running","ips":[1,2]}}""")!.AsObject();

        var patch = MergePatch.CreateTwoWay(original, modified);

        Assert.Equal("""{"metadata":{"labels":{"b":null,"c":"3"}},"status":{"phase":"Running","ips":[1,2]}}""", patch.ToJsonString());
        Assert.True(JsonNode.DeepEquals(modified, MergePatch.Apply(original, patch)));
    }

    [Fact]
    public void CreateTwoWay_Identical_EmptyPatch()
    {
        var doc = JsonNode.Parse("""{"a":{"b":[1,{"c":null}]}}""")!.AsObject();

        Assert.Equal("{}", MergePatch.CreateTwoWay(doc, (JsonObject)doc.DeepClone()).ToJsonString());
    }

    [Fact]
    public void JsonPatchBuilder_Operations_EscapePointers()
    {
        var ops = new JsonPatchBuilder()
            .Test(JsonPatchBuilder.Pointer("metadata", "resourceVersion"), "5")
            .Replace(JsonPatchBuilder.Pointer("metadata", "annotations", "a~b/c"), "v")
            .Remove("/spec/unschedulable")
            .Build();

        Assert.Equal(
            """[{"op":"test","path":"/metadata/resourceVersion","value":"5"},{"op":"replace","path":"/metadata/annotations/a~0b~1c","value":"v"},{"op":"remove","path":"/spec/unschedulable"}]""",
            ops.ToJsonString());
    }

    [Fact]
    public void FromJson_Malformed_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KubernetesPatch.FromJson(PatchType.Merge, "{oops"));
    }
}
