using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Codec for a source-generated model type.</summary>
public sealed class TypedObjectCodec<T> : ObjectCodec<T>
    where T : KubernetesObject
{
    private readonly JsonTypeInfo<T> _item;
    private readonly JsonTypeInfo<KubernetesList<T>> _list;

    public TypedObjectCodec(string kind, JsonTypeInfo<T> item, JsonTypeInfo<KubernetesList<T>> list)
    {
        Kind = kind;
        _item = item;
        _list = list;
    }

    public override string Kind { get; }

    public override byte[] Serialize(T value) => JsonSerializer.SerializeToUtf8Bytes(value, _item);

    public override T Deserialize(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, _item) ?? throw new JsonException($"{Kind}: the body is JSON null");

    public override T Deserialize(JsonElement element)
        => element.Deserialize(_item) ?? throw new JsonException($"{Kind}: the object is JSON null");

    public override ObjectList<T> DeserializeList(ReadOnlySpan<byte> utf8Json)
    {
        var list = JsonSerializer.Deserialize(utf8Json, _list) ?? throw new JsonException($"{Kind}List: the body is JSON null");
        return new ObjectList<T>(list.Items, list.Metadata.ResourceVersion, list.Metadata.Continue, list.Metadata.RemainingItemCount);
    }

    public override ObjectIdentity Identify(T value)
        => new(value.Metadata.Namespace, value.Metadata.Name, value.Metadata.ResourceVersion, value.Metadata.Uid);
}
