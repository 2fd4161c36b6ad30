using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;
using Actors.Messages.Kubernetes;

namespace Actors.Cloud.ApiServer.Resources;

public sealed partial class ResourceService
{
    /// <summary>
    /// Lists objects matching the selectors, <paramref name="limit"/> at a time (0 = all). The continue token
    /// carries the last returned key; each page reflects the store at the time it is read.
    /// </summary>
    public JsonObject List(ResourceType rt, string? ns, LabelSelector labels, FieldSelector fields, int limit, string? continueToken)
    {
        var (meta, items) = ListRaw(rt, ns, labels, fields, limit, continueToken);
        return new JsonObject
        {
            ["kind"] = rt.ListKind,
            ["apiVersion"] = rt.GroupVersion,
            ["metadata"] = meta,
            ["items"] = new JsonArray(items.Select(i => (JsonNode)Present(rt, (JsonObject)JsonNode.Parse(i)!)).ToArray()),
        };
    }

    /// <summary>The list metadata and the stored JSON texts of the matching items (not yet presented in rt's version).</summary>
    public (JsonObject Meta, IReadOnlyList<string> Items) ListRaw(ResourceType rt, string? ns, LabelSelector labels, FieldSelector fields, int limit, string? continueToken)
    {
        var after = DecodeContinue(continueToken);
        Func<JsonObject, bool>? filter = labels.IsEverything && fields.IsEverything
            ? null : o => labels.Matches(Meta.Labels(o)) && fields.Matches(o);
        var page = store.List(rt.KindKey, rt.Namespaced ? ns : null, after, limit, filter);
        var meta = new JsonObject { ["resourceVersion"] = page.Revision.ToString(CultureInfo.InvariantCulture) };
        if (page.HasMore && page.LastKey is not null)
        {
            meta["continue"] = EncodeContinue(page.LastKey, page.Revision);
        }

        return (meta, page.Items);
    }

    private static string EncodeContinue(string after, long revision)
    {
        var json = new JsonObject { ["v"] = "edgeactors/1", ["rv"] = revision, ["start"] = after }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string? DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            return Meta.Str(node?["start"]) ?? throw ApiException.BadRequest("invalid continue token");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw ApiException.BadRequest("invalid continue token: " + e.Message);
        }
    }
}
