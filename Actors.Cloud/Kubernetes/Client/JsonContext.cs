using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Source-generated serializer for untyped JSON nodes (keeps the build trimming-safe).</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
internal sealed partial class JsonContext : JsonSerializerContext;
