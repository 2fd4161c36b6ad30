using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>Source-generated serializers for every model, with the API's camelCase names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubernetesList<Pod>))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(KubernetesList<Node>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(KubernetesList<ConfigMap>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubernetesList<Secret>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubernetesList<Service>))]
[JsonSerializable(typeof(Endpoints))]
[JsonSerializable(typeof(KubernetesList<Endpoints>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(KubernetesList<Event>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(ServiceAccount))]
[JsonSerializable(typeof(KubernetesList<ServiceAccount>))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubernetesList<Namespace>))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(KubernetesList<Device>))]
[JsonSerializable(typeof(DeviceModel))]
[JsonSerializable(typeof(KubernetesList<DeviceModel>))]
[JsonSerializable(typeof(Rule))]
[JsonSerializable(typeof(KubernetesList<Rule>))]
[JsonSerializable(typeof(RuleEndpoint))]
[JsonSerializable(typeof(KubernetesList<RuleEndpoint>))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
