using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Tests.Persistence;

public sealed class SerializerRegistryTests
{
    [Fact]
    public void Serialize_RegisteredType_UsesManifestNotClrName()
    {
        var registry = PersistenceTestEvents.CreateRegistry();

        var payload = registry.Serialize(new PodQueued("web", 2));

        Assert.Equal("pod-queued.v1", payload.Manifest);
        Assert.Equal(SerializerRegistry.SystemTextJsonSerializerId, payload.SerializerId);
        Assert.DoesNotContain(nameof(PodQueued), System.Text.Encoding.UTF8.GetString(payload.Bytes), StringComparison.Ordinal);
        Assert.Equal(new PodQueued("web", 2), registry.Deserialize(payload.Manifest, payload.SerializerId, payload.Bytes));
    }

    [Fact]
    public void Deserialize_RenamedTypeUnderSameManifest_ReadsOldBytes()
    {
        var written = PersistenceTestEvents.CreateRegistry().Serialize(new PodQueued("web", 3));
        var renamed = new SerializerRegistry().Register<PodQueuedRenamed>("pod-queued.v1");

        var value = renamed.Deserialize(written.Manifest, written.SerializerId, written.Bytes);

        Assert.Equal(new PodQueuedRenamed("web", 3), value);
    }

    [Fact]
    public void Deserialize_UnknownManifest_ThrowsNamingIt()
    {
        var ex = Assert.Throws<PersistenceSerializationException>(
            () => PersistenceTestEvents.CreateRegistry().Deserialize("gone.v1", null, "{}"u8));

        Assert.Contains("'gone.v1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ForeignSerializerId_Throws()
    {
        var ex = Assert.Throws<PersistenceSerializationException>(
            () => PersistenceTestEvents.CreateRegistry().Deserialize("pod-queued.v1", 1, "{}"u8));

        Assert.Contains("Serializer id 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"pod\": 5")]
    public void Deserialize_InvalidBytes_ThrowsSerializationException(string text)
    {
        Assert.Throws<PersistenceSerializationException>(
            () => PersistenceTestEvents.CreateRegistry().Deserialize("pod-queued.v1", null, System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Serialize_UnregisteredType_ThrowsNamingType()
    {
        var ex = Assert.Throws<PersistenceSerializationException>(() => PersistenceTestEvents.CreateRegistry().Serialize(new NotRegistered(1)));

        Assert.Contains(nameof(NotRegistered), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_ManifestTakenByOtherType_Throws()
    {
        var registry = PersistenceTestEvents.CreateRegistry();

        Assert.Throws<ArgumentException>(() => registry.Register<NotRegistered>("pod-queued.v1"));
        Assert.Throws<ArgumentException>(() => registry.Register<PodQueued>("pod-queued.v2"));
        registry.Register<PodQueued>("pod-queued.v1"); // same pair again is harmless
    }

    public sealed record PodQueuedRenamed(string Pod, int Attempt);
}
