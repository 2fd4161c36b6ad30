namespace Actors.Kernel.Persistence.Actors;

/// <summary>A handler waiting for its event to be written (or, for DeferAsync, for its turn).</summary>
internal sealed record PendingInvocation(object Event, Action<object> Handler, bool Stashing);
