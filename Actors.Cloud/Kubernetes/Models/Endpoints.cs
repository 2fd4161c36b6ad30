namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Endpoints.</summary>
public sealed class Endpoints : KubernetesObject
{
    public List<EndpointSubset>? Subsets { get; set; }
}

public sealed class EndpointSubset : KubernetesModel
{
    public List<EndpointAddress>? Addresses { get; set; }

    public List<EndpointAddress>? NotReadyAddresses { get; set; }

    public List<EndpointPort>? Ports { get; set; }
}

public sealed class EndpointAddress : KubernetesModel
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }

    public string? NodeName { get; set; }

    public ObjectReference? TargetRef { get; set; }
}

public sealed class EndpointPort : KubernetesModel
{
    public string? Name { get; set; }

    public int Port { get; set; }

    public string? Protocol { get; set; }
}
