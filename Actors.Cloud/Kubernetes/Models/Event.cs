using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Event.</summary>
public sealed class Event : KubernetesObject
{
    public ObjectReference? InvolvedObject { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public EventSource? Source { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? FirstTimestamp { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTimestamp { get; set; }

    public int? Count { get; set; }

    public string? Type { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }

    public string? Action { get; set; }
}

public sealed class EventSource : KubernetesModel
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
