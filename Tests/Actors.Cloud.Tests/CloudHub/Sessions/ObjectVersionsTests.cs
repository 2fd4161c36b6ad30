using System.Text;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.CloudHub.Sessions;

public sealed class ObjectVersionsTests
{
    private const string Resource = "node/edge-1/default/pod/web";

    [Theory]
    [InlineData("""{"metadata":{"name":"web","uid":"u-1"}}""", "u-1")]
    [InlineData("""{"kind":"Pod","spec":{"uid":"not-this","list":[{"uid":"x"}]},"metadata":{"labels":{"uid":"no"},"uid":"u-2"}}""", "u-2")]
    [InlineData("""{"metadata":{"name":"web"}}""", Resource)]
    [InlineData("""{"metadata":{"uid":7}}""", Resource)]
    [InlineData("""{"metadata":{"uid":""}}""", Resource)]
    [InlineData("""{"metadata":"u-3"}""", Resource)]
    [InlineData("""{"spec":{"metadata":{"uid":"nested"}}}""", Resource)]
    public void KeyOf_ObjectContent_IsTopLevelMetadataUidElseResource(string json, string expected)
    {
        var envelope = new MessageEnvelope(
            new MessageHeader("m-1", ResourceVersion: "1"),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update, Resource),
            MessageContent.FromJson(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, ObjectVersions.KeyOf(envelope));
    }

    [Fact]
    public void KeyOf_StringContent_IsResource()
    {
        var envelope = new MessageEnvelope(
            new MessageHeader("m-1"),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Delete, Resource),
            MessageContent.FromString("gone"));

        Assert.Equal(Resource, ObjectVersions.KeyOf(envelope));
    }
}
