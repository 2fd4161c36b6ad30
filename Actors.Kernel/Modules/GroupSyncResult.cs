namespace Actors.Kernel.Modules;

/// <summary>The answers to a <c>SendToGroupSync</c>: all members' (TimedOut false) or those received before the timeout.</summary>
public sealed record GroupSyncResult(IReadOnlyList<object> Responses, int Expected, bool TimedOut);
