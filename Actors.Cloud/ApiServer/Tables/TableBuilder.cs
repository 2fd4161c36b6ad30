using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Tables;

/// <summary>Builds meta.k8s.io/v1 Table responses: built-in columns, CRD additionalPrinterColumns, or NAME/AGE.</summary>
public sealed class TableBuilder(TimeProvider time)
{
    /// <summary>A Table of <c>objects</c>; includeObject is "None", "Metadata" (PartialObjectMetadata) or "Object".</summary>
    public JsonObject Build(ResourceType rt, IEnumerable<JsonObject> objects, JsonObject listMeta, string includeObject, bool withColumns = true)
    {
        var (columns, cells) = Layout(rt);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMeta.DeepClone(),
        };
        if (withColumns)
        {
            table["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["type"] = c.Type, ["format"] = c.Format, ["description"] = c.Description, ["priority"] = c.Priority,
            }).ToArray());
        }

        table["rows"] = new JsonArray(objects.Select(o => (JsonNode)new JsonObject
        {
            ["cells"] = new JsonArray(cells(o, Age)),
            ["object"] = RowObject(o, includeObject),
        }).ToArray());
        return table;
    }

    private (IReadOnlyList<Column>, BuiltinPrinters.Cells) Layout(ResourceType rt)
    {
        if (BuiltinPrinters.For(rt.KindKey) is { } builtin)
        {
            return builtin;
        }

        if (rt.Columns.Count == 0)
        {
            return ([new Column("Name", "string", 0, "name"), new Column("Age", "date")], (o, age) => [Meta.Name(o), age(o)]);
        }

        var columns = new List<Column> { new("Name", "string", 0, "name") };
        columns.AddRange(rt.Columns.Select(c => new Column(c.Name, c.Type, c.Priority, c.Format, c.Description)));
        return (columns, (o, _) => [Meta.Name(o), .. rt.Columns.Select(c => Cell(o, c))]);
    }

    private JsonNode? Cell(JsonObject o, PrinterColumn c)
    {
        var value = c.JsonPath is null ? null : SimpleJsonPath.Evaluate(o, c.JsonPath);
        if (c.Type == "date" && Meta.ParseTimestamp(value) is { } t)
        {
            return HumanDuration.Format(time.GetUtcNow() - t);
        }

        return value?.DeepClone();
    }

    private string Age(JsonObject o) =>
        Meta.ParseTimestamp(o["metadata"]?["creationTimestamp"]) is { } t ? HumanDuration.Format(time.GetUtcNow() - t) : "<unknown>";

    private static JsonNode? RowObject(JsonObject o, string includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => o.DeepClone(),
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = o["metadata"]?.DeepClone(),
        },
    };

    public static string RevisionText(long rv) => rv.ToString(CultureInfo.InvariantCulture);
}
