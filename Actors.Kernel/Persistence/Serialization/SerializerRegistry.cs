using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Actors.Kernel.Persistence.Serialization;

/// <summary>
/// Maps persisted types to stable manifest strings and (de)serializes them with System.Text.Json.
/// Stored rows carry the manifest (<c>pod-queued.v1</c>), never a CLR type name, so renaming or
/// moving a class does not break recovery; a changed shape gets a new manifest (<c>.v2</c>) and
/// both can stay registered. Register every type at start-up, before the first write or replay.
/// Thread-safe; one instance per actor system (no static state).
/// </summary>
public sealed class SerializerRegistry
{
    /// <summary>
    /// Value of the <c>serializer_id</c> column for payloads written by this registry. Akka's own
    /// Newtonsoft JSON serializer is id 1; these bytes are not interchangeable with it (no type
    /// names inside), so a distinct id is used and other ids are refused on read.
    /// </summary>
    public const int SystemTextJsonSerializerId = 1001;

    private readonly ConcurrentDictionary<Type, Entry> _byType = new();
    private readonly ConcurrentDictionary<string, Entry> _byManifest = new(StringComparer.Ordinal);
    private readonly Lock _registerLock = new();
    private readonly JsonSerializerOptions _options;
    private JsonSerializerOptions? _reflectionOptions;

    /// <param name="options">JSON options for reflection-based registrations (default: web defaults).</param>
    public SerializerRegistry(JsonSerializerOptions? options = null)
    {
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/> (reflection-based JSON).</summary>
    [RequiresUnreferencedCode("Reflection-based System.Text.Json; use the JsonTypeInfo overload for trimming.")]
    [RequiresDynamicCode("Reflection-based System.Text.Json; use the JsonTypeInfo overload for AOT.")]
    public SerializerRegistry Register<T>(string manifest)
    {
        lock (_registerLock)
        {
            // Reflection metadata is attached on first use, so source-generated-only callers never pay for it.
            _reflectionOptions ??= new JsonSerializerOptions(_options)
            {
                TypeInfoResolver = _options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
            };
        }

        return Register(manifest, (JsonTypeInfo<T>)_reflectionOptions.GetTypeInfo(typeof(T)));
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/> with source-generated metadata.</summary>
    public SerializerRegistry Register<T>(string manifest, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (manifest.Length > 255)
        {
            throw new ArgumentException($"Manifest '{manifest}' is longer than the 255 characters the manifest column holds.", nameof(manifest));
        }

        var entry = new Entry(typeof(T), manifest, typeInfo);
        lock (_registerLock)
        {
            if (_byManifest.TryGetValue(manifest, out var other) && other.Type != typeof(T))
            {
                throw new ArgumentException($"Manifest '{manifest}' is already registered for {other.Type}.", nameof(manifest));
            }

            if (_byType.TryGetValue(typeof(T), out var existing) && existing.Manifest != manifest)
            {
                throw new ArgumentException($"{typeof(T)} is already registered as '{existing.Manifest}'.", nameof(manifest));
            }

            _byManifest[manifest] = entry;
            _byType[typeof(T)] = entry;
        }

        return this;
    }

    /// <summary>True when <paramref name="type"/> has a manifest.</summary>
    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>Serializes <paramref name="payload"/>; throws <see cref="PersistenceSerializationException"/> if its type is not registered.</summary>
    public SerializedPayload Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!_byType.TryGetValue(payload.GetType(), out var entry))
        {
            throw new PersistenceSerializationException(
                $"{payload.GetType()} has no persistence manifest; register it with SerializerRegistry.Register<{payload.GetType().Name}>(\"name.v1\").");
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, entry.TypeInfo);
            return new SerializedPayload(entry.Manifest, SystemTextJsonSerializerId, bytes);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new PersistenceSerializationException($"Cannot serialize {payload.GetType()} as '{entry.Manifest}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads a stored payload back. <paramref name="serializerId"/> <c>null</c> (legacy Akka rows)
    /// is accepted. Throws <see cref="PersistenceSerializationException"/> for an unknown
    /// manifest, a foreign serializer id or bytes that are not valid JSON for the type.
    /// </summary>
    public object Deserialize(string manifest, int? serializerId, ReadOnlySpan<byte> bytes)
    {
        if (serializerId is { } id && id != SystemTextJsonSerializerId)
        {
            throw new PersistenceSerializationException(
                $"Serializer id {id} is unknown (this registry reads id {SystemTextJsonSerializerId}).");
        }

        if (!_byManifest.TryGetValue(manifest, out var entry))
        {
            throw new PersistenceSerializationException(
                $"Manifest '{manifest}' is not registered; register the type that was stored under it.");
        }

        object? value;
        try
        {
            value = JsonSerializer.Deserialize(bytes, entry.TypeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new PersistenceSerializationException($"Payload is not a valid '{manifest}' ({entry.Type.Name}): {ex.Message}", ex);
        }

        return value ?? throw new PersistenceSerializationException($"Payload of manifest '{manifest}' is JSON null.");
    }

    private sealed record Entry(Type Type, string Manifest, JsonTypeInfo TypeInfo);
}
