namespace Actors.Kernel.Persistence.Serialization;

/// <summary>A payload as stored: bytes plus what is needed to read them back.</summary>
public readonly record struct SerializedPayload(string Manifest, int SerializerId, byte[] Bytes);
