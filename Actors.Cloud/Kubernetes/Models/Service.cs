namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Service.</summary>
public sealed class Service : KubernetesObject
{
    public ServiceSpec? Spec { get; set; }

    public ServiceStatus? Status { get; set; }
}

public sealed class ServiceSpec : KubernetesModel
{
    public string? Type { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public List<ServicePort>? Ports { get; set; }

    public string? ClusterIP { get; set; }

    public List<string>? ClusterIPs { get; set; }

    public List<string>? ExternalIPs { get; set; }

    public List<string>? IpFamilies { get; set; }

    public string? IpFamilyPolicy { get; set; }

    public string? SessionAffinity { get; set; }
}

public sealed class ServicePort : KubernetesModel
{
    public string? Name { get; set; }

    public string? Protocol { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public int? NodePort { get; set; }
}

public sealed class ServiceStatus : KubernetesModel
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}

public sealed class LoadBalancerStatus : KubernetesModel
{
    public List<LoadBalancerIngress>? Ingress { get; set; }
}

public sealed class LoadBalancerIngress : KubernetesModel
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }
}
