using Actors.Kernel.Actor;

namespace Actors.TestKit;

/// <summary>A message taken from a test actor's queue, with its sender (Akka's MessageEnvelope).</summary>
public sealed record ReceivedMessage(object Message, IActorRef Sender);
