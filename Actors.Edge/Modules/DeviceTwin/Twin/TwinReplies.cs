namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// The publications one twin update causes, in KubeEdge's order: <see cref="Result"/> on <c>.../twin/update/result</c>
/// (REST only; success or error body), <see cref="Document"/> on <c>.../twin/update/document</c> (when a key changed),
/// <see cref="Delta"/> on <c>.../twin/update/delta</c> (when some desired value is unmet) and <see cref="Cloud"/>, the
/// content of <c>device/&lt;id&gt;/twin/edge_updated</c> to the cloud. <see cref="Outcome"/> is null when the request
/// never reached the algorithm (malformed payload, unknown device).
/// </summary>
public sealed record TwinUpdateReplies(
    string? Result,
    string? Document,
    string? Delta,
    string? Cloud,
    TwinUpdateOutcome? Outcome);
