using System.Text.Json;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>devices.kubeedge.io/v1beta1 DeviceModel.</summary>
public sealed class DeviceModel : KubernetesObject
{
    public DeviceModelSpec? Spec { get; set; }
}

public sealed class DeviceModelSpec : KubernetesModel
{
    public List<ModelProperty>? Properties { get; set; }

    public string? Protocol { get; set; }

    public JsonElement? ProtocolConfigData { get; set; }
}

public sealed class ModelProperty : KubernetesModel
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>INT, FLOAT, DOUBLE, STRING, BOOLEAN, BYTES or STREAM.</summary>
    public string? Type { get; set; }

    /// <summary>ReadWrite or ReadOnly.</summary>
    public string? AccessMode { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public string? Unit { get; set; }
}
