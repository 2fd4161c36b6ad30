using System.Text;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Kernel.Actor;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// A planning child of the controller (membership, twin or device): turns a request and a snapshot into a
/// <see cref="WorkPlan"/>. It holds no state, so a restart loses nothing; before restarting it tells the controller
/// which request it failed on, and the controller hands that request to the new incarnation.
/// </summary>
internal sealed class WorkerActor(string name, ITwinEngine engine, TimeProvider time) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is not PlanWork work)
        {
            return false;
        }

        var plan = engine.Plan(work.Request, work.Devices);
        var outbox = plan.ToCloud.Select(e => Encoding.UTF8.GetString(EnvelopeCodec.Encode(e))).ToList();
        var publications = plan.Publications.Select(p => Prepare(p, time)).ToList();
        Sender.Tell(new WorkPlanned(work.Seq, plan, outbox, publications), Self);
        return true;
    }

    /// <summary>The bus message that publishes <paramref name="publication"/> through EventBus.</summary>
    public static BusMessage Prepare(MqttPublication publication, TimeProvider time) =>
        new(TwinMqttTranslator.ToPublish(publication.Topic, publication.Payload, MessageHeader.New(time)));

    protected override void PreRestart(Exception reason, object? message)
    {
        Context.Parent.Tell(new ChildFailed(name, (message as PlanWork)?.Seq, reason.Message), Self);
        base.PreRestart(reason, message);
    }
}
