using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.Cloud.ApiServer.Http;

namespace Actors.Cloud.ApiServer.Crd;

/// <summary>
/// Validates a custom resource against its structural openAPIV3Schema: type, nullable, required, enum, properties,
/// additionalProperties, items, min/max (length, items, value), pattern and the formats date-time, date, byte, uuid,
/// int32, int64. Unknown fields are pruned as Kubernetes does (unless x-kubernetes-preserve-unknown-fields); with
/// fieldValidation=Strict they are refused (400, "strict decoding error") and with Warn they are pruned and reported.
/// </summary>
public static class SchemaValidator
{
    public static void ValidateObject(JsonObject schema, JsonObject obj, string fieldValidation,
        List<(string Field, string Type, string Message)> causes, List<string> warnings)
    {
        var unknown = new List<string>();
        foreach (var (key, value) in obj.ToList())
        {
            if (key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            var propSchema = schema["properties"]?[key] as JsonObject;
            if (propSchema is null && !PreservesUnknown(schema))
            {
                unknown.Add(key);
                continue;
            }

            if (propSchema is not null)
            {
                Validate(propSchema, value, key, causes, unknown);
            }
        }

        RequireFields(schema, obj, string.Empty, causes);
        if (unknown.Count == 0)
        {
            return;
        }

        if (fieldValidation == "Strict")
        {
            throw ApiException.BadRequest("strict decoding error: " + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
        }

        foreach (var path in unknown)
        {
            Prune(obj, path);
            if (fieldValidation == "Warn")
            {
                warnings.Add($"unknown field \"{path}\"");
            }
        }
    }

    private static void Validate(JsonObject schema, JsonNode? value, string path, List<(string, string, string)> causes, List<string> unknown)
    {
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true)
            {
                causes.Add((path, "FieldValueTypeInvalid", "Invalid value: \"null\": " + path + " in body must be of type " + TypeOf(schema)));
            }

            return;
        }

        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            CheckKind(value, path, causes, JsonValueKind.Number, JsonValueKind.String);
            return;
        }

        var type = TypeOf(schema);
        var ok = type switch
        {
            "object" => CheckKind(value, path, causes, JsonValueKind.Object),
            "array" => CheckKind(value, path, causes, JsonValueKind.Array),
            "string" => CheckKind(value, path, causes, JsonValueKind.String),
            "boolean" => CheckKind(value, path, causes, JsonValueKind.True, JsonValueKind.False),
            "number" => CheckKind(value, path, causes, JsonValueKind.Number),
            "integer" => CheckInteger(value, path, causes),
            _ => true,
        };
        if (!ok)
        {
            return;
        }

        CheckEnum(schema, value, path, causes);
        CheckBounds(schema, value, path, causes);
        switch (value)
        {
            case JsonObject o: ValidateChildren(schema, o, path, causes, unknown); break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    Validate(items, a[i], $"{path}[{i}]", causes, unknown);
                }

                break;
        }
    }

    private static void ValidateChildren(JsonObject schema, JsonObject o, string path, List<(string, string, string)> causes, List<string> unknown)
    {
        var props = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        foreach (var (key, child) in o.ToList())
        {
            var childPath = path + "." + key;
            if (props?[key] is JsonObject ps)
            {
                Validate(ps, child, childPath, causes, unknown);
            }
            else if (additional is JsonObject addSchema)
            {
                Validate(addSchema, child, childPath, causes, unknown);
            }
            else if (!(additional is JsonValue av && av.GetValue<bool>()) && !PreservesUnknown(schema))
            {
                unknown.Add(childPath);
            }
        }

        RequireFields(schema, o, path, causes);
    }

    private static void RequireFields(JsonObject schema, JsonObject o, string path, List<(string, string, string)> causes)
    {
        if (schema["required"] is not JsonArray required)
        {
            return;
        }

        foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (!o.ContainsKey(name))
            {
                causes.Add(((path.Length == 0 ? string.Empty : path + ".") + name, "FieldValueRequired", "Required value"));
            }
        }
    }

    private static void CheckEnum(JsonObject schema, JsonNode value, string path, List<(string, string, string)> causes)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var list = string.Join(", ", allowed.Select(a => a?.ToJsonString()));
            causes.Add((path, "FieldValueNotSupported", $"Unsupported value: {value.ToJsonString()}: supported values: {list}"));
        }
    }

    private static void CheckBounds(JsonObject schema, JsonNode value, string path, List<(string, string, string)> causes)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            if (Num(schema, "minLength") is { } min && s.Length < min) causes.Add((path, "FieldValueInvalid", $"Invalid value: should be at least {min} chars long"));
            if (Num(schema, "maxLength") is { } max && s.Length > max) causes.Add((path, "FieldValueTooLong", $"Too long: may not be longer than {max}"));
            if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                causes.Add((path, "FieldValueInvalid", $"Invalid value: \"{s}\": {path} in body should match '{pattern}'"));
            if (schema["format"]?.GetValue<string>() is { } format && !FormatOk(format, s))
                causes.Add((path, "FieldValueInvalid", $"Invalid value: \"{s}\": {path} in body must be of type {format}"));
        }
        else if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
        {
            var d = n.GetValue<double>();
            if (Num(schema, "minimum") is { } min && d < min) causes.Add((path, "FieldValueInvalid", $"Invalid value: {d}: {path} in body should be greater than or equal to {min}"));
            if (Num(schema, "maximum") is { } max && d > max) causes.Add((path, "FieldValueInvalid", $"Invalid value: {d}: {path} in body should be less than or equal to {max}"));
        }
        else if (value is JsonArray a)
        {
            if (Num(schema, "minItems") is { } min && a.Count < min) causes.Add((path, "FieldValueInvalid", $"Invalid value: {path} in body should have at least {min} items"));
            if (Num(schema, "maxItems") is { } max && a.Count > max) causes.Add((path, "FieldValueTooMany", $"Too many: {a.Count}: must have at most {max} items"));
        }
    }

    private static bool FormatOk(string format, string s) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && s.Contains('T', StringComparison.Ordinal),
        "date" => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "byte" => Convert.TryFromBase64String(s, new byte[s.Length], out _),
        "uuid" => Guid.TryParse(s, out _),
        _ => true,
    };

    private static double? Num(JsonObject schema, string field) =>
        schema[field] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string TypeOf(JsonObject schema) => schema["type"]?.GetValue<string>() ?? string.Empty;

    private static bool PreservesUnknown(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

    private static bool CheckKind(JsonNode value, string path, List<(string, string, string)> causes, params JsonValueKind[] kinds)
    {
        if (kinds.Contains(value.GetValueKind()))
        {
            return true;
        }

        causes.Add((path, "FieldValueTypeInvalid", $"Invalid value: {Describe(value)}: {path} in body must be of type {Name(kinds[0])}"));
        return false;
    }

    private static bool CheckInteger(JsonNode value, string path, List<(string, string, string)> causes)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && Math.Floor(d) == d)
        {
            return true;
        }

        causes.Add((path, "FieldValueTypeInvalid", $"Invalid value: {Describe(value)}: {path} in body must be of type integer"));
        return false;
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "\"object\"",
        JsonValueKind.Array => "\"array\"",
        JsonValueKind.String => "\"string\"",
        JsonValueKind.Number => "\"number\"",
        _ => "\"boolean\"",
    };

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static void Prune(JsonObject obj, string path)
    {
        var parts = Regex.Split(path, @"\.|(?=\[)");
        JsonNode? node = obj;
        for (var i = 0; i < parts.Length - 1 && node is not null; i++)
        {
            node = parts[i].StartsWith('[') ? (node as JsonArray)?[int.Parse(parts[i][1..^1], CultureInfo.InvariantCulture)] : node[parts[i]];
        }

        (node as JsonObject)?.Remove(parts[^1]);
    }
}
