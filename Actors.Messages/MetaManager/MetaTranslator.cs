using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.MetaManager;

/// <summary>Envelope ↔ record for MetaManager (edge-form resources <c>&lt;ns&gt;/&lt;type&gt;[/&lt;name&gt;]</c>).</summary>
public static class MetaTranslator
{
    /// <summary>Recognises object traffic; null (with a reason) for anything else.</summary>
    public static IMetaMessage? TryParse(MessageEnvelope envelope, out string? reason)
    {
        reason = null;
        var route = envelope.Route;
        if (route.Operation == Operations.Error)
        {
            return new ObjectError(envelope.Header.ParentMsgId, route.Resource, envelope.Content.AsString() ?? envelope.Content.ToString());
        }

        if (!EdgeResource.TryParse(route.Resource, out var resource))
        {
            reason = $"resource '{route.Resource}' is not <namespace>/<type>[/<name>]";
            return null;
        }

        IMetaMessage? parsed = route.Operation switch
        {
            Operations.Insert => Changed(envelope, ObjectChangeKind.Insert, resource),
            Operations.Update => Changed(envelope, ObjectChangeKind.Update, resource),
            Operations.Delete => Changed(envelope, ObjectChangeKind.Delete, resource),
            Operations.Query => new ObjectQueryRequest(resource, envelope.Content, route.Source),
            Operations.Response when envelope.Header.IsResponse => new ObjectQueryResponse(
                envelope.Header.ParentMsgId, resource, envelope.Header.ResourceVersion, envelope.Content),
            Operations.Patch => new ObjectPatch(resource, envelope.Content, route.Source),
            _ => null,
        };
        reason = parsed is null ? $"operation '{route.Operation}' is not object traffic" : null;
        return parsed;
    }

    /// <summary>A cloud → edge object change (group <c>resource</c>), keeping its msg id and resource version.</summary>
    public static MessageEnvelope ToEnvelope(ObjectChanged message, MessageHeader header) => new(
        header with { MsgId = message.MsgId, ResourceVersion = message.ResourceVersion },
        new MessageRoute(message.Source, Groups.Resource, OperationOf(message.Change), message.Resource.ToString()),
        message.Object);

    /// <summary>An edge → cloud query (group <c>meta</c>, as edged sends it).</summary>
    public static MessageEnvelope ToEnvelope(ObjectQueryRequest message, MessageHeader header) => new(
        header,
        new MessageRoute(message.Source, Groups.Meta, Operations.Query, message.Resource.ToString()),
        message.Options);

    /// <summary>A cloud → edge query answer from edgecontroller (group <c>resource</c>, parent = query id).</summary>
    public static MessageEnvelope ToEnvelope(ObjectQueryResponse message, MessageHeader header) => new(
        header with { ParentMsgId = message.QueryMsgId, ResourceVersion = message.ResourceVersion },
        new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, message.Resource.ToString()),
        message.Object);

    /// <summary>An edge → cloud patch (group <c>meta</c>).</summary>
    public static MessageEnvelope ToEnvelope(ObjectPatch message, MessageHeader header) => new(
        header,
        new MessageRoute(message.Source, Groups.Meta, Operations.Patch, message.Resource.ToString()),
        message.Patch);

    /// <summary>The wire operation of a change kind.</summary>
    public static string OperationOf(ObjectChangeKind change) => change switch
    {
        ObjectChangeKind.Insert => Operations.Insert,
        ObjectChangeKind.Update => Operations.Update,
        _ => Operations.Delete,
    };

    private static ObjectChanged Changed(MessageEnvelope envelope, ObjectChangeKind change, EdgeResource resource) =>
        new(envelope.Header.MsgId, change, resource, envelope.Header.ResourceVersion, envelope.Content, envelope.Route.Source);
}
