using System.Collections.Immutable;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// What one twin update did. On <see cref="ErrorReason"/> (a rejected REST update, code 400) nothing changed and
/// <see cref="Twins"/> is the unchanged state. Otherwise <see cref="Twins"/> is the device's new twin set,
/// <see cref="Added"/>/<see cref="Updated"/> name the rows to insert/replace, <see cref="Result"/> (versions stripped)
/// feeds <c>.../twin/update/result</c>, <see cref="Document"/> feeds <c>.../twin/update/document</c> and
/// <see cref="SyncResult"/> (with versions) is what goes to the cloud as <c>twin/edge_updated</c>: the changed twins of
/// a REST update, or the edge's own state of twins whose cloud sync was rejected by the version check.
/// </summary>
public sealed record TwinUpdateOutcome(
    string? ErrorReason,
    ImmutableSortedDictionary<string, MsgTwin> Twins,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    ImmutableSortedDictionary<string, MsgTwin> Result,
    ImmutableSortedDictionary<string, TwinDoc> Document,
    ImmutableSortedDictionary<string, MsgTwin> SyncResult)
{
    /// <summary>Whether any row must be written.</summary>
    public bool HasChanges => Added.Count > 0 || Updated.Count > 0;
}
