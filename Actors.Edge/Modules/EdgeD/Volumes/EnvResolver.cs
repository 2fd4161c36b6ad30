using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>
/// Resolves a container's environment before it is created: <c>envFrom</c> sources first (every key, prefixed; keys
/// that are not valid variable names are skipped, as the kubelet does), then <c>env</c> entries, which override
/// earlier ones of the same name. Configmap/secret keys are read through MetaManager (the local store, or the cloud
/// when it is online); downward-API fields stay as field paths for the runtime config to fill in.
/// </summary>
internal sealed partial class EnvResolver(IMetaQuery meta)
{
    /// <summary>The container's variables in order, every <see cref="EnvVarModel.KeyRef"/> replaced by its value.</summary>
    /// <exception cref="ContainerConfigException">A required configmap, secret or key is missing or unreadable.</exception>
    public async Task<IReadOnlyList<EnvVarModel>> ResolveAsync(PodModel pod, ContainerModel container, CancellationToken cancellationToken)
    {
        if (container.EnvFrom.Count == 0 && container.Env.All(e => e.KeyRef is null))
        {
            return container.Env;
        }

        var sources = new Dictionary<(EnvSourceKind, string), IReadOnlyDictionary<string, string>?>();
        var result = new List<EnvVarModel>();
        foreach (var from in container.EnvFrom)
        {
            var data = await ReadAsync(pod, from.Kind, from.Name, from.Optional, sources, cancellationToken);
            foreach (var (key, value) in data ?? new Dictionary<string, string>())
            {
                if (VariableName().IsMatch(from.Prefix + key))
                {
                    Set(result, new EnvVarModel(from.Prefix + key, value, null));
                }
            }
        }

        foreach (var env in container.Env)
        {
            if (env.KeyRef is not { } keyRef)
            {
                Set(result, env);
                continue;
            }

            var data = await ReadAsync(pod, keyRef.Kind, keyRef.Name, keyRef.Optional, sources, cancellationToken);
            if (data is not null && data.TryGetValue(keyRef.Key, out var value))
            {
                Set(result, new EnvVarModel(env.Name, value, null));
            }
            else if (!keyRef.Optional)
            {
                throw new ContainerConfigException($"couldn't find key {keyRef.Key} in {Kind(keyRef.Kind)} {pod.Namespace}/{keyRef.Name}");
            }
        }

        return result;
    }

    /// <summary>A later variable of the same name replaces the earlier one in place.</summary>
    private static void Set(List<EnvVarModel> env, EnvVarModel variable)
    {
        var index = env.FindIndex(e => e.Name == variable.Name);
        if (index >= 0)
        {
            env[index] = variable;
        }
        else
        {
            env.Add(variable);
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> ReadAsync(PodModel pod, EnvSourceKind kind, string name, bool optional,
        Dictionary<(EnvSourceKind, string), IReadOnlyDictionary<string, string>?> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((kind, name), out var known))
        {
            return known;
        }

        JsonElement? obj;
        try
        {
            obj = await meta.QueryAsync(pod.Namespace, kind == EnvSourceKind.ConfigMap ? ResourceTypes.ConfigMap : ResourceTypes.Secret, name, cancellationToken);
        }
        catch (VolumeException e)
        {
            throw new ContainerConfigException($"{Kind(kind)} {pod.Namespace}/{name}: {e.Message}", e);
        }

        if (obj is null && !optional)
        {
            throw new ContainerConfigException($"{Kind(kind)} \"{name}\" not found");
        }

        var data = obj is { } value ? (kind == EnvSourceKind.ConfigMap ? ConfigMapValues(value) : SecretValues(value, name)) : null;
        cache[(kind, name)] = data;
        return data;
    }

    private static Dictionary<string, string> ConfigMapValues(JsonElement obj) => PodSpecParser.Map(obj, "data");

    private static Dictionary<string, string> SecretValues(JsonElement obj, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, encoded) in PodSpecParser.Map(obj, "data"))
        {
            try
            {
                values[key] = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException e)
            {
                throw new ContainerConfigException($"secret {name}: key {key} is not base64", e);
            }
        }

        foreach (var (key, value) in PodSpecParser.Map(obj, "stringData"))
        {
            values[key] = value;
        }

        return values;
    }

    private static string Kind(EnvSourceKind kind) => kind == EnvSourceKind.ConfigMap ? "configmap" : "secret";

    /// <summary>The kubelet's rule for names taken from envFrom keys (C identifier plus '-' and '.').</summary>
    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex VariableName();
}
