using System.Text;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>The discovery documents clients (kubectl) fetch before a request: <c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/version</c>.</summary>
internal static class Discovery
{
    public static byte[]? Document(string path) => path.TrimEnd('/') switch
    {
        "/api" => Utf8("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}"""),
        "/apis" => Utf8("""{"kind":"APIGroupList","apiVersion":"v1","groups":[]}"""),
        "/api/v1" => ResourceList(),
        "/version" => Utf8("""{"major":"1","minor":"30","gitVersion":"v1.30.0-edgeactors-metaserver","platform":"linux/amd64"}"""),
        _ => null,
    };

    private static byte[] ResourceList()
    {
        var resources = KubeResources.ByPlural.Values.OrderBy(r => r.Plural, StringComparer.Ordinal).Select(r =>
            $$"""{"name":"{{r.Plural}}","singularName":"{{r.Type}}","namespaced":{{(r.Namespaced ? "true" : "false")}},"kind":"{{r.Kind}}","verbs":["get","list","watch"]}""");
        return Utf8("""{"kind":"APIResourceList","groupVersion":"v1","resources":[""" + string.Join(",", resources) + "]}");
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
