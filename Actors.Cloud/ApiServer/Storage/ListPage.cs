namespace Actors.Cloud.ApiServer.Storage;

/// <summary>
/// A page of a list: the stored JSON texts in (namespace, name) order, the store revision the page was read at,
/// whether more matching items follow, and the key ("ns/name") of the last item.
/// </summary>
public sealed record ListPage(IReadOnlyList<string> Items, long Revision, bool HasMore, string? LastKey);
