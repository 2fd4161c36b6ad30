using System.Collections.Immutable;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Messages.Bus;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>Messages between the DeviceTwin controller and its children (in-process only).</summary>
internal interface IControllerMessage;

/// <summary>Controller → worker: plan request <paramref name="Seq"/> against this snapshot.</summary>
internal sealed record PlanWork(long Seq, TwinRequest Request, ImmutableDictionary<string, DeviceEntry> Devices) : IControllerMessage;

/// <summary>
/// Worker → controller: the plan for request <paramref name="Seq"/>, with the work the controller would otherwise do on
/// its own thread done in advance: the outbox text of each cloud message and the bus message of each publication.
/// </summary>
internal sealed record WorkPlanned(long Seq, WorkPlan Plan, IReadOnlyList<string> OutboxTexts, IReadOnlyList<BusMessage> Publications)
    : IControllerMessage;

/// <summary>A child is being restarted after a failure; <paramref name="Seq"/> is the request it failed on, if any.</summary>
internal sealed record ChildFailed(string Child, long? Seq, string Reason) : IControllerMessage;

/// <summary>Controller → communication: the whole durable outbox and the link state (at start and after a restart).</summary>
internal sealed record OutboxLoaded(IReadOnlyList<CloudOutboxRow> Rows, bool Connected) : IControllerMessage;

/// <summary>Controller → communication: messages just committed to the outbox (with their rows' sequence numbers).</summary>
internal sealed record OutboxAdded(IReadOnlyList<(long Seq, MessageEnvelope Envelope)> Messages) : IControllerMessage;

/// <summary>Controller → communication: the cloud link went up or down.</summary>
internal sealed record LinkChanged(bool Connected) : IControllerMessage;

/// <summary>Controller → communication: the cloud answered a message with this id.</summary>
internal sealed record ConfirmReceived(string MsgId) : IControllerMessage;

/// <summary>Communication → controller: delete this confirmed row from the outbox.</summary>
internal sealed record OutboxConfirmed(string MsgId) : IControllerMessage;

/// <summary>Communication's own timer tick: resend what is unconfirmed.</summary>
internal sealed record ResendTick : IControllerMessage
{
    public static ResendTick Instance { get; } = new();
}

/// <summary>The controller's own signal to commit what it collected since the last flush.</summary>
internal sealed record FlushBatch : IControllerMessage
{
    public static FlushBatch Instance { get; } = new();
}
