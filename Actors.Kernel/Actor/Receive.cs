namespace Actors.Kernel.Actor;

/// <summary>A behaviour: returns false when the message is not handled (it then goes to <c>Unhandled</c>).</summary>
public delegate bool Receive(object message);

/// <summary>A behaviour of an <see cref="UntypedActor"/>; call <c>Unhandled</c> yourself for unknown messages.</summary>
public delegate void UntypedReceive(object message);
