using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Messages.Wire;

/// <summary>Source-generated metadata for the primitive values the wire layer serializes.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
