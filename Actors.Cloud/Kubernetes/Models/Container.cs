using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Container (also used for init containers).</summary>
public sealed class Container : KubernetesModel
{
    public string? Name { get; set; }

    public string? Image { get; set; }

    public string? ImagePullPolicy { get; set; }

    public List<string>? Command { get; set; }

    public List<string>? Args { get; set; }

    public string? WorkingDir { get; set; }

    public List<EnvVar>? Env { get; set; }

    public List<EnvFromSource>? EnvFrom { get; set; }

    public List<ContainerPort>? Ports { get; set; }

    public List<VolumeMount>? VolumeMounts { get; set; }

    public Probe? LivenessProbe { get; set; }

    public Probe? ReadinessProbe { get; set; }

    public Probe? StartupProbe { get; set; }

    public ResourceRequirements? Resources { get; set; }

    public SecurityContext? SecurityContext { get; set; }
}

public sealed class EnvVar : KubernetesModel
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public EnvVarSource? ValueFrom { get; set; }
}

public sealed class EnvVarSource : KubernetesModel
{
    public KeySelector? ConfigMapKeyRef { get; set; }

    public KeySelector? SecretKeyRef { get; set; }

    public ObjectFieldSelector? FieldRef { get; set; }

    public ResourceFieldSelector? ResourceFieldRef { get; set; }
}

/// <summary>ConfigMapKeySelector / SecretKeySelector (same shape).</summary>
public sealed class KeySelector : KubernetesModel
{
    public string? Name { get; set; }

    public string? Key { get; set; }

    public bool? Optional { get; set; }
}

public sealed class ObjectFieldSelector : KubernetesModel
{
    public string? ApiVersion { get; set; }

    public string? FieldPath { get; set; }
}

public sealed class ResourceFieldSelector : KubernetesModel
{
    public string? ContainerName { get; set; }

    public string? Resource { get; set; }

    public string? Divisor { get; set; }
}

public sealed class EnvFromSource : KubernetesModel
{
    public string? Prefix { get; set; }

    public LocalObjectReference? ConfigMapRef { get; set; }

    public LocalObjectReference? SecretRef { get; set; }
}

public sealed class LocalObjectReference : KubernetesModel
{
    public string? Name { get; set; }

    public bool? Optional { get; set; }
}

public sealed class ContainerPort : KubernetesModel
{
    public string? Name { get; set; }

    /// <summary>The "containerPort" field (a member may not share its class's name).</summary>
    [JsonPropertyName("containerPort")]
    public int? Port { get; set; }

    public int? HostPort { get; set; }

    public string? HostIP { get; set; }

    public string? Protocol { get; set; }
}

public sealed class VolumeMount : KubernetesModel
{
    public string? Name { get; set; }

    public string? MountPath { get; set; }

    public string? SubPath { get; set; }

    public bool? ReadOnly { get; set; }
}

public sealed class Probe : KubernetesModel
{
    public ExecAction? Exec { get; set; }

    public HttpGetAction? HttpGet { get; set; }

    public TcpSocketAction? TcpSocket { get; set; }

    public int? InitialDelaySeconds { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? PeriodSeconds { get; set; }

    public int? SuccessThreshold { get; set; }

    public int? FailureThreshold { get; set; }
}

public sealed class ExecAction : KubernetesModel
{
    public List<string>? Command { get; set; }
}

public sealed class HttpGetAction : KubernetesModel
{
    public string? Path { get; set; }

    public IntOrString? Port { get; set; }

    public string? Host { get; set; }

    public string? Scheme { get; set; }
}

public sealed class TcpSocketAction : KubernetesModel
{
    public IntOrString? Port { get; set; }

    public string? Host { get; set; }
}

/// <summary>Quantities are kept as the API's strings ("100m", "128Mi").</summary>
public sealed class ResourceRequirements : KubernetesModel
{
    public Dictionary<string, string>? Limits { get; set; }

    public Dictionary<string, string>? Requests { get; set; }
}

public sealed class SecurityContext : KubernetesModel
{
    public bool? Privileged { get; set; }

    public long? RunAsUser { get; set; }

    public long? RunAsGroup { get; set; }

    public bool? RunAsNonRoot { get; set; }

    public bool? ReadOnlyRootFilesystem { get; set; }
}
