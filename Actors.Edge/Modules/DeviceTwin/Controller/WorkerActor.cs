using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Kernel.Actor;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// A planning child of the controller (membership, twin or device): turns a request and a snapshot into a
/// <see cref="WorkPlan"/>. It holds no state, so a restart loses nothing; before restarting it tells the controller
/// which request it failed on, and the controller hands that request to the new incarnation.
/// </summary>
internal sealed class WorkerActor(string name, ITwinEngine engine) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is not PlanWork work)
        {
            return false;
        }

        Sender.Tell(new WorkPlanned(work.Seq, engine.Plan(work.Request, work.Devices)), Self);
        return true;
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        Context.Parent.Tell(new ChildFailed(name, (message as PlanWork)?.Seq, reason.Message), Self);
        base.PreRestart(reason, message);
    }
}
