using Actors.Messages.Routing;

namespace Actors.Messages.Tests.Routing;

public sealed class ResourcePathTests
{
    [Theory]
    [InlineData("node/e1/default/pod/nginx", "default/pod/nginx")]
    [InlineData("node/e1/null/node/e1", "null/node/e1")]
    [InlineData("node/e1/membership", "membership")]
    [InlineData("node/e1/default/configmap", "default/configmap")]
    [InlineData("node/e1", "node/e1")]
    [InlineData("node", "node")]
    [InlineData("default/pod/nginx", "default/pod/nginx")]
    [InlineData("rule/r1", "rule/r1")]
    [InlineData("membership", "membership")]
    public void TrimForEdge_Resource_AsCloudHubTrimMessage(string resource, string expected)
    {
        Assert.Equal(expected, ResourcePaths.TrimForEdge(resource));
    }

    [Theory]
    [InlineData("default/podpatch/nginx", "node/e1/default/podpatch/nginx")]
    [InlineData("kube-node-lease/lease/e1", "node/e1/kube-node-lease/lease/e1")]
    [InlineData("null/nodepatch/e1", "node/e1/null/nodepatch/e1")]
    [InlineData("device/default/thermo-01/twin/edge_updated", "node/e1/device/default/thermo-01/twin/edge_updated")]
    public void PrefixForCloud_EdgeResource_NodePrefixed(string edge, string expected)
    {
        Assert.Equal(expected, ResourcePaths.PrefixForCloud("e1", edge));
        Assert.Equal(edge, ResourcePaths.TrimForEdge(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public void PrefixForCloud_BadNodeId_Throws(string nodeId)
    {
        Assert.Throws<ArgumentException>(() => ResourcePaths.PrefixForCloud(nodeId, "default/pod/p"));
    }

    [Theory]
    [InlineData("node/e1/default/pod/nginx", "e1")]
    [InlineData("node/e1", "e1")]
    [InlineData("node/", null)]
    [InlineData("default/pod/nginx", null)]
    [InlineData("nodes/e1/x", null)]
    [InlineData("x/node/e2/y", "e2")]
    [InlineData("node//node/e3", "e3")]
    public void NodeIdOf_Resource_AsGetNodeID(string resource, string? expected)
    {
        Assert.Equal(expected, ResourcePaths.NodeIdOf(resource));
    }

    [Fact]
    public void NodeResource_BuildAndParse_RoundTrip()
    {
        var resource = NodeResource.Create("e1", "default", ResourceTypes.Pod, "nginx");

        Assert.Equal("node/e1/default/pod/nginx", resource.ToString());
        Assert.Equal(resource, NodeResource.Parse(resource.ToString()));
        Assert.Equal(new EdgeResource("default", "pod", "nginx"), resource.ToEdge());
        Assert.False(resource.IsClusterScoped);
    }

    [Fact]
    public void NodeResource_ClusterScopedWithoutName_NullNamespaceNoNameSegment()
    {
        var node = NodeResource.Create("e1", ResourceTypes.NullNamespace, ResourceTypes.Node, "e1");
        var list = NodeResource.Create("e1", "default", ResourceTypes.PodList);

        Assert.Equal("node/e1/null/node/e1", node.ToString());
        Assert.True(node.IsClusterScoped);
        Assert.Equal("node/e1/default/podlist", list.ToString());
        Assert.Equal(list, NodeResource.Parse("node/e1/default/podlist"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("node/e1")]
    [InlineData("node/e1/default")]
    [InlineData("pod/e1/default/pod/x")]
    [InlineData("node//default/pod")]
    [InlineData("node/e1//pod")]
    public void NodeResource_Malformed_NotParsed(string resource)
    {
        Assert.False(NodeResource.TryParse(resource, out _));
        Assert.Throws<FormatException>(() => NodeResource.Parse(resource));
    }

    [Fact]
    public void NodeResource_Create_EmptySegment_Throws()
    {
        Assert.Throws<ArgumentException>(() => NodeResource.Create("e1", "", ResourceTypes.Pod, "x"));
        Assert.Throws<ArgumentException>(() => NodeResource.Create("e1", "default", "", "x"));
    }

    [Theory]
    [InlineData("default/pod/nginx", "default", "pod", "nginx", false)]
    [InlineData("null/node/e1", "null", "node", "e1", false)]
    [InlineData("default/configmap", "default", "configmap", "", true)]
    public void EdgeResource_Parse_AsMetaManagerParseResource(string text, string ns, string type, string name, bool isList)
    {
        var parsed = EdgeResource.Parse(text);

        Assert.Equal(new EdgeResource(ns, type, name), parsed);
        Assert.Equal(isList, parsed.IsList);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal("node/e9/" + text, parsed.ToNode("e9").ToString());
    }

    [Theory]
    [InlineData("pod")]
    [InlineData("a/b/c/d")]
    [InlineData("/pod/x")]
    [InlineData("default//x")]
    public void EdgeResource_Malformed_NotParsed(string text)
    {
        Assert.False(EdgeResource.TryParse(text, out _));
    }

    [Fact]
    public void DeviceResources_BuildAndExtractId()
    {
        var twin = ResourcePaths.DeviceTwinEdgeUpdated("default", "thermo-01");
        var state = ResourcePaths.DeviceStateUpdate("default", "thermo-01");

        Assert.Equal("device/default/thermo-01/twin/edge_updated", twin);
        Assert.Equal("device/default/thermo-01/state/update", state);
        Assert.Equal("default/thermo-01", ResourcePaths.DeviceIdOf(twin));
        Assert.Equal("default/thermo-01", ResourcePaths.DeviceIdOf(ResourcePaths.PrefixForCloud("e1", state)));
        Assert.Null(ResourcePaths.DeviceIdOf("default/pod/x"));
        Assert.Null(ResourcePaths.DeviceIdOf("device/default"));
        Assert.Equal("node/e1/membership", ResourcePaths.Membership("e1"));
        Assert.Equal("node/e1/twin", ResourcePaths.Twin("e1"));
        Assert.Equal("rule/r1", ResourcePaths.ForRouter(ResourceTypes.Rule, "r1"));
    }

    [Fact]
    public void Names_MirrorKubeEdge()
    {
        Assert.Equal("websocket", ModuleNames.EdgeHub);
        Assert.Equal("hub", Groups.Hub);
        Assert.Equal("meta", Groups.Meta);
        Assert.Equal("cloudStream", ModuleNames.CloudStream);
        Assert.Equal("unhold-upgrade", Operations.UnholdUpgrade);
        Assert.Equal("k8s/ca.crt", ResourceTypes.K8sCaCert);
        Assert.Equal("null", ResourceTypes.NullNamespace);
    }
}
