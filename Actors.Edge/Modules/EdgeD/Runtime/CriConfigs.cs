using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Volumes;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Runtime;

/// <summary>Maps a <see cref="PodModel"/> to CRI sandbox and container configs (pure).</summary>
internal static class CriConfigs
{
    /// <summary>The sandbox config; logs go under <c>&lt;logRoot&gt;/&lt;ns&gt;_&lt;name&gt;_&lt;uid&gt;</c>.</summary>
    public static PodSandboxConfig Sandbox(PodModel pod, string logRoot, bool hostNetwork, int attempt)
    {
        var config = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = pod.Name, Namespace = pod.Namespace, Uid = pod.Uid, Attempt = (uint)attempt },
            Hostname = pod.Name.Length <= 63 ? pod.Name : pod.Name[..63],
            LogDirectory = Path.Combine(logRoot, pod.Namespace + "_" + pod.Name + "_" + pod.Uid),
            Linux = new LinuxPodSandboxConfig
            {
                SecurityContext = new LinuxSandboxSecurityContext
                {
                    NamespaceOptions = new NamespaceOption { Network = hostNetwork ? NamespaceMode.Node : NamespaceMode.Pod },
                },
            },
        };
        if (hostNetwork)
        {
            config.Hostname = string.Empty;
        }

        AddPodLabels(config.Labels, pod);
        foreach (var (key, value) in pod.Labels)
        {
            config.Labels.TryAdd(key, value);
        }

        foreach (var (key, value) in pod.Annotations)
        {
            config.Annotations[key] = value;
        }

        return config;
    }

    /// <summary>
    /// The container config for attempt <paramref name="restartCount"/>; <paramref name="env"/> is the resolved
    /// environment (configmap/secret references already replaced by values), the container's own when null.
    /// </summary>
    public static ContainerConfig Container(
        PodModel pod, ContainerModel container, int restartCount, IReadOnlyDictionary<string, string> volumePaths, bool hostNetwork, PodAddresses addresses,
        IReadOnlyList<EnvVarModel>? env = null)
    {
        var config = new ContainerConfig
        {
            Metadata = new ContainerMetadata { Name = container.Name, Attempt = (uint)restartCount },
            Image = new ImageSpec { Image = container.Image },
            WorkingDir = container.WorkingDir,
            LogPath = container.Name + "/" + restartCount + ".log",
            Linux = new LinuxContainerConfig
            {
                Resources = ContainerResources.For(container),
                SecurityContext = new LinuxContainerSecurityContext
                {
                    NamespaceOptions = new NamespaceOption { Network = hostNetwork ? NamespaceMode.Node : NamespaceMode.Pod },
                },
            },
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in env ?? container.Env)
        {
            var value = variable.FieldPath is not null
                ? DownwardApi.Field(pod, variable.FieldPath, addresses.PodIp, addresses.HostIp, addresses.NodeName) ?? string.Empty
                : variable.Expand ? VariableExpansion.Expand(variable.Value, values.GetValueOrDefault) : variable.Value;
            values[variable.Name] = value;
            config.Envs.Add(new KeyValue { Key = variable.Name, Value = Google.Protobuf.ByteString.CopyFromUtf8(value) });
        }

        config.Command.AddRange(container.Command.Select(c => VariableExpansion.Expand(c, values.GetValueOrDefault)));
        config.Args.AddRange(container.Args.Select(a => VariableExpansion.Expand(a, values.GetValueOrDefault)));

        foreach (var mount in container.Mounts)
        {
            var host = volumePaths[mount.Name];
            config.Mounts.Add(new Mount
            {
                ContainerPath = mount.MountPath,
                HostPath = mount.SubPath.Length == 0 ? host : Path.Combine(host, VolumeParser.SafePath(mount.Name, mount.SubPath)),
                Readonly = mount.ReadOnly,
            });
        }

        AddPodLabels(config.Labels, pod);
        config.Labels[PodLabels.ContainerName] = container.Name;
        config.Annotations[PodLabels.SpecHash] = container.SpecHash;
        config.Annotations[PodLabels.RestartCount] = restartCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return config;
    }

    private static void AddPodLabels(Google.Protobuf.Collections.MapField<string, string> labels, PodModel pod)
    {
        labels[PodLabels.PodUid] = pod.Uid;
        labels[PodLabels.PodName] = pod.Name;
        labels[PodLabels.PodNamespace] = pod.Namespace;
        labels[PodLabels.ManagedBy] = PodLabels.ManagedByValue;
    }
}
