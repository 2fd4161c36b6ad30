using System.Text.Json;
using static Actors.Edge.Modules.EdgeD.Pods.PodSpecParser;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>A container's <c>env</c> and <c>envFrom</c> entries (pure; part of <see cref="PodSpecParser"/>).</summary>
internal static class EnvParser
{
    public static EnvVarModel ParseEnv(JsonElement e)
    {
        var name = Str(e, "name");
        if (name.Length == 0)
        {
            throw new PodSpecException("an env entry has no name");
        }

        var from = Object(e, "valueFrom");
        if (from.ValueKind != JsonValueKind.Object)
        {
            return new EnvVarModel(name, Str(e, "value"), null) { Expand = true };
        }

        var field = Object(from, "fieldRef");
        if (field.ValueKind == JsonValueKind.Object)
        {
            return new EnvVarModel(name, string.Empty, Str(field, "fieldPath"));
        }

        var (kind, source) = Object(from, "configMapKeyRef") is { ValueKind: JsonValueKind.Object } cm ? (EnvSourceKind.ConfigMap, cm)
            : Object(from, "secretKeyRef") is { ValueKind: JsonValueKind.Object } secret ? (EnvSourceKind.Secret, secret)
            : throw new PodSpecException($"env '{name}': valueFrom supports fieldRef, configMapKeyRef and secretKeyRef");
        var refName = Str(source, "name");
        var key = Str(source, "key");
        if (refName.Length == 0 || key.Length == 0)
        {
            throw new PodSpecException($"env '{name}': {Source(kind)}KeyRef needs a name and a key");
        }

        return new EnvVarModel(name, string.Empty, null) { KeyRef = new EnvKeyRef(kind, refName, key, Bool(source, "optional")) };
    }

    public static EnvFromModel ParseEnvFrom(JsonElement e)
    {
        var (kind, source) = Object(e, "configMapRef") is { ValueKind: JsonValueKind.Object } cm ? (EnvSourceKind.ConfigMap, cm)
            : Object(e, "secretRef") is { ValueKind: JsonValueKind.Object } secret ? (EnvSourceKind.Secret, secret)
            : throw new PodSpecException("an envFrom entry needs configMapRef or secretRef");
        var name = Str(source, "name");
        return name.Length == 0
            ? throw new PodSpecException($"envFrom {Source(kind)}Ref needs a name")
            : new EnvFromModel(kind, name, Str(e, "prefix"), Bool(source, "optional"));
    }

    private static string Source(EnvSourceKind kind) => kind == EnvSourceKind.ConfigMap ? "configMap" : "secret";
}
