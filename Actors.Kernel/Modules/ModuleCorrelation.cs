namespace Actors.Kernel.Modules;

/// <summary>
/// How the bus reads correlation ids from messages it does not otherwise understand (the host passes pure functions;
/// for beehive envelopes these read <c>msg_id</c> and <c>parent_msg_id</c>).
/// </summary>
/// <param name="IdOf">The message's own id, or null when it has none.</param>
/// <param name="ParentIdOf">The id of the request a message answers, or null/empty when it is not a response.</param>
/// <param name="MarkSync">Optional: returns the message flagged as a synchronous request (beehive sets <c>sync</c>).</param>
public sealed record ModuleCorrelation(
    Func<object, string?> IdOf,
    Func<object, string?> ParentIdOf,
    Func<object, object>? MarkSync = null);
