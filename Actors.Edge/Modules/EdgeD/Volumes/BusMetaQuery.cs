using System.Text.Json;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.MetaManager;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>
/// <see cref="IMetaQuery"/> over the module bus: a <c>query</c> on <c>&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c> sent with
/// SendSync to <c>metamanager</c>. The answer's content may be MetaManager's local form (a JSON array of stored values,
/// each a JSON string or object; empty = not found), or an object (a cloud round-trip); operation <c>error</c> fails.
/// </summary>
internal sealed class BusMetaQuery(ModuleBus bus, TimeProvider time, TimeSpan timeout) : IMetaQuery
{
    public async Task<JsonElement?> QueryAsync(string ns, string type, string name, CancellationToken cancellationToken)
    {
        var resource = new EdgeResource(ns, type, name);
        var request = MetaTranslator.ToEnvelope(new ObjectQueryRequest(resource, MessageContent.Null, ModuleNames.EdgeD), MessageHeader.New(time));
        object reply;
        try
        {
            reply = await bus.SendSync(ModuleNames.MetaManager, new BusMessage(request), timeout).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or ModuleDeliveryException)
        {
            throw new VolumeException($"query {resource} to metamanager failed: {e.Message}", e);
        }

        var envelope = EnvelopeCorrelation.EnvelopeOf(reply)
            ?? throw new VolumeException($"query {resource}: unexpected answer {reply.GetType().Name}");
        if (envelope.Route.Operation == Operations.Error)
        {
            throw new VolumeException($"query {resource}: metamanager answered error: {envelope.Content.AsString() ?? envelope.Content.ToString()}");
        }

        return Unwrap(resource.ToString(), envelope.Content);
    }

    /// <summary>The object inside an answer, or null when the answer says "none".</summary>
    internal static JsonElement? Unwrap(string resource, MessageContent content)
    {
        try
        {
            var element = content.ToElement();
            return Unwrap(element);
        }
        catch (JsonException e)
        {
            throw new VolumeException($"query {resource}: the answer is not JSON: {e.Message}", e);
        }
    }

    private static JsonElement? Unwrap(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.GetArrayLength() == 0 ? null : Unwrap(element[0]),
        JsonValueKind.String => Unwrap(JsonDocument.Parse(element.GetString()!).RootElement.Clone()),
        JsonValueKind.Object when element.TryGetProperty("Object", out var inner) => Unwrap(inner),
        JsonValueKind.Object => element,
        _ => throw new JsonException("expected an object, an array or a JSON string, got " + element.ValueKind),
    };
}
