using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>devices.kubeedge.io/v1beta1 Device.</summary>
public sealed class Device : KubernetesObject
{
    public DeviceSpec? Spec { get; set; }

    public DeviceStatus? Status { get; set; }
}

public sealed class DeviceSpec : KubernetesModel
{
    public LocalObjectReference? DeviceModelRef { get; set; }

    public string? NodeName { get; set; }

    public List<DeviceProperty>? Properties { get; set; }

    public ProtocolConfig? Protocol { get; set; }

    public List<DeviceMethod>? Methods { get; set; }
}

public sealed class DeviceProperty : KubernetesModel
{
    public string? Name { get; set; }

    public TwinProperty? Desired { get; set; }

    public VisitorConfig? Visitors { get; set; }

    public long? ReportCycle { get; set; }

    public long? CollectCycle { get; set; }

    public bool? ReportToCloud { get; set; }

    public PushMethod? PushMethod { get; set; }
}

/// <summary>A twin value with its metadata (timestamp, type).</summary>
public sealed class TwinProperty : KubernetesModel
{
    public string? Value { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }
}

public sealed class VisitorConfig : KubernetesModel
{
    public string? ProtocolName { get; set; }

    /// <summary>Protocol-specific configuration, kept as raw JSON.</summary>
    public JsonElement? ConfigData { get; set; }
}

public sealed class ProtocolConfig : KubernetesModel
{
    public string? ProtocolName { get; set; }

    public JsonElement? ConfigData { get; set; }
}

public sealed class PushMethod : KubernetesModel
{
    public PushMethodHttp? Http { get; set; }

    public PushMethodMqtt? Mqtt { get; set; }

    public PushMethodOtel? Otel { get; set; }

    public JsonElement? DbMethod { get; set; }
}

public sealed class PushMethodHttp : KubernetesModel
{
    public string? HostName { get; set; }

    public long? Port { get; set; }

    public string? RequestPath { get; set; }

    public long? Timeout { get; set; }
}

public sealed class PushMethodMqtt : KubernetesModel
{
    public string? Address { get; set; }

    public string? Topic { get; set; }

    public int? Qos { get; set; }

    public bool? Retained { get; set; }
}

public sealed class PushMethodOtel : KubernetesModel
{
    [JsonPropertyName("endpointURL")]
    public string? EndpointUrl { get; set; }
}

public sealed class DeviceMethod : KubernetesModel
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<string>? PropertyNames { get; set; }
}

/// <summary>Device status (v1beta1 up to KubeEdge 1.22; 1.23 moved it to a DeviceStatus object of the same shape).</summary>
public sealed class DeviceStatus : KubernetesModel
{
    public List<DeviceTwin>? Twins { get; set; }

    public string? State { get; set; }

    public string? LastOnlineTime { get; set; }

    public bool? ReportToCloud { get; set; }

    public long? ReportCycle { get; set; }
}

public sealed class DeviceTwin : KubernetesModel
{
    public string? PropertyName { get; set; }

    public TwinProperty? Reported { get; set; }

    public TwinProperty? ObservedDesired { get; set; }
}
