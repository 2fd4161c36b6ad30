namespace Actors.Kernel.Actor;

/// <summary>A message together with its sender, as stashed or queued.</summary>
public readonly record struct Envelope(object Message, IActorRef? Sender);
