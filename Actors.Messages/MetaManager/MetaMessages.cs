using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.MetaManager;

/// <summary>Object traffic handled by MetaManager (module <c>metamanager</c>, group <c>meta</c>).</summary>
public interface IMetaMessage;

/// <summary>Kind of change to a stored object.</summary>
public enum ObjectChangeKind
{
    Insert,
    Update,
    Delete,
}

/// <summary>
/// The cloud inserted, updated or deleted an object (group <c>resource</c>, header resourceversion = object RV).
/// <paramref name="MsgId"/> is the cloud message id the edge acknowledges.
/// </summary>
public sealed record ObjectChanged(
    string MsgId,
    ObjectChangeKind Change,
    EdgeResource Resource,
    string ResourceVersion,
    MessageContent Object,
    string Source) : IMetaMessage;

/// <summary>The edge asks the cloud for an object or a list (operation <c>query</c>).</summary>
public sealed record ObjectQueryRequest(EdgeResource Resource, MessageContent Options, string Source) : IMetaMessage;

/// <summary>The cloud's answer to a query (operation <c>response</c>, parent = query id).</summary>
public sealed record ObjectQueryResponse(
    string QueryMsgId,
    EdgeResource Resource,
    string ResourceVersion,
    MessageContent Object) : IMetaMessage;

/// <summary>The edge sends a patch (resource types <c>podpatch</c>, <c>nodepatch</c>; content is the patch).</summary>
public sealed record ObjectPatch(EdgeResource Resource, MessageContent Patch, string Source) : IMetaMessage;

/// <summary>An error answer (operation <c>error</c>, content = text).</summary>
public sealed record ObjectError(string RequestMsgId, string Resource, string Error) : IMetaMessage;
