using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.DeviceTwin;

/// <summary>An EdgeHub stand-in that confirms every twin report (as the cloud does) and completes after <paramref name="expected"/> of them.</summary>
internal sealed class ConfirmingCloud(int expected)
{
    private int _received;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Received => Volatile.Read(ref _received);

    public SinkModule Module() => new(ModuleNames.EdgeHub, Groups.Hub, (message, context) =>
    {
        if (message is BusMessage { Envelope: var envelope } && envelope.Route.Resource.EndsWith(ResourcePaths.TwinEdgeUpdatedSuffix, StringComparison.Ordinal))
        {
            context.Bus.Send(ModuleNames.DeviceTwin, new BusMessage(new MessageEnvelope(
                new MessageHeader(Guid.NewGuid().ToString(), envelope.Header.MsgId),
                new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Response, "node/bench/twin"),
                MessageContent.FromString(WellKnownContent.Ok))));
            if (Interlocked.Increment(ref _received) == expected)
            {
                Done.SetResult();
            }
        }
    });
}
