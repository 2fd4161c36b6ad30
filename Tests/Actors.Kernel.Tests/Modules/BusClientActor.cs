using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

/// <summary>Asks a <see cref="BusClientActor"/> to send <paramref name="Message"/> to <paramref name="Module"/> as itself.</summary>
internal sealed record SendVia(string Module, BusMsg Message);

/// <summary>
/// A module's peer: sends through the bus from inside an actor (so it is the message's Sender) and forwards
/// whatever it receives back (replies of modules) to its probe.
/// </summary>
internal sealed class BusClientActor(ModuleBus bus, IActorRef probe) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is SendVia send)
        {
            bus.Send(send.Module, send.Message);
        }
        else
        {
            probe.Tell(message, Sender);
        }

        return true;
    }
}
