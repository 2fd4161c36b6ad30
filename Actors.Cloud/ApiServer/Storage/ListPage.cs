using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>A page of a list: items in (namespace, name) order, the store revision the page was read at, and whether more matching items follow.</summary>
public sealed record ListPage(IReadOnlyList<JsonObject> Items, long Revision, bool HasMore);
