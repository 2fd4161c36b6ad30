using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>
/// Base of every Kubernetes model. Fields this client does not model are kept in
/// <see cref="ExtensionData"/> and written back unchanged, so a read-modify-write never drops data
/// the server has.
/// </summary>
public abstract class KubernetesModel
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
