using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>An error answered as a Kubernetes Status object (kind Status, status Failure).</summary>
public sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Details?.DeepClone(),
        ["code"] = Code,
    };

    public static ApiException NotFound(string resource, string name, string group = "") => new(404, "NotFound",
        $"{Qualified(resource, group)} \"{name}\" not found", DetailsOf(resource, name, group));

    public static ApiException AlreadyExists(string resource, string name, string group = "") => new(409, "AlreadyExists",
        $"{Qualified(resource, group)} \"{name}\" already exists", DetailsOf(resource, name, group));

    public static ApiException Conflict(string resource, string name, string group = "") => new(409, "Conflict",
        $"Operation cannot be fulfilled on {Qualified(resource, group)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
        DetailsOf(resource, name, group));

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Invalid(string kind, string name, string group, IReadOnlyList<(string Field, string Type, string Message)> causes)
    {
        var details = DetailsOf(null, name, group);
        details["kind"] = kind;
        details["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = c.Type,
            ["message"] = c.Message,
            ["field"] = c.Field,
        }).ToArray());
        var text = string.Join(", ", causes.Select(c => c.Field + ": " + c.Message));
        var prefix = group.Length == 0 ? kind : kind + "." + group;
        return new ApiException(422, "Invalid", $"{prefix} \"{name}\" is invalid: {text}", details);
    }

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    private static string Qualified(string resource, string group) => group.Length == 0 ? resource : resource + "." + group;

    private static JsonObject DetailsOf(string? resource, string name, string group)
    {
        var d = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            d["group"] = group;
        }

        if (resource is not null)
        {
            d["kind"] = resource;
        }

        return d;
    }
}
