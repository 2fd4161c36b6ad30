using System.Text.Json;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// Converts one object type to and from the API's JSON. Implemented for the typed models
/// (<see cref="TypedObjectCodec{T}"/>) and for untyped <c>JsonObject</c>s (<see cref="JsonObjectCodec"/>).
/// Decoding failures throw <see cref="JsonException"/>.
/// </summary>
public abstract class ObjectCodec<T>
    where T : class
{
    /// <summary>The kind this codec decodes, for error messages ("Pod").</summary>
    public abstract string Kind { get; }

    public abstract byte[] Serialize(T value);

    public abstract T Deserialize(ReadOnlySpan<byte> utf8Json);

    public abstract T Deserialize(JsonElement element);

    public abstract ObjectList<T> DeserializeList(ReadOnlySpan<byte> utf8Json);

    public abstract ObjectIdentity Identify(T value);
}
