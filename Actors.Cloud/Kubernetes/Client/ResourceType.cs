namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Everything the client needs to talk about one resource: where it lives and how to (de)code it.</summary>
public sealed record ResourceType<T>(GroupVersionResource Resource, string Kind, bool Namespaced, ObjectCodec<T> Codec)
    where T : class;
