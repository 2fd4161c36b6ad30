using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;

namespace Actors.Bench.EdgeController;

/// <summary>
/// Stands in for CloudHub: a bus module named <c>cloudhub</c> that counts pod inserts, checks each went to the node its
/// pod is bound to (pod <c>p-&lt;i&gt;</c> belongs to node <c>edge-&lt;i mod nodes&gt;</c>), and completes when all arrived.
/// </summary>
internal sealed class DeliveryCounter(int nodes)
{
    private readonly HashSet<string> _nodesSeen = new(StringComparer.Ordinal);
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _delivered;
    private int _misrouted;

    public int Delivered => Volatile.Read(ref _delivered);

    public int Misrouted => Volatile.Read(ref _misrouted);

    public int NodesSeen
    {
        get
        {
            lock (_nodesSeen)
            {
                return _nodesSeen.Count;
            }
        }
    }

    public void Reset(int expected)
    {
        lock (_nodesSeen)
        {
            _nodesSeen.Clear();
        }

        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _delivered, 0);
        Volatile.Write(ref _misrouted, 0);
        Volatile.Write(ref _expected, expected);
    }

    public Task WaitAsync(TimeSpan timeout) => _done.Task.WaitAsync(timeout);

    public IModule Module() => new CounterModule(this);

    private void Count(BusMessage message)
    {
        var route = message.Envelope.Route;
        if (route.Operation != Operations.Insert || !NodeResource.TryParse(route.Resource, out var r) || r.ResourceType != ResourceTypes.Pod)
        {
            return;
        }

        var index = int.Parse(r.Name.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        if (r.NodeId != "edge-" + (index % nodes))
        {
            Interlocked.Increment(ref _misrouted);
        }

        lock (_nodesSeen)
        {
            _nodesSeen.Add(r.NodeId);
        }

        if (Interlocked.Increment(ref _delivered) == Volatile.Read(ref _expected))
        {
            _done.TrySetResult();
        }
    }

    private sealed class CounterModule(DeliveryCounter counter) : IModule
    {
        public string Name => ModuleNames.CloudHub;

        public string Group => Groups.CloudHub;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new CounterActor(counter));
    }

    private sealed class CounterActor : ReceiveActor
    {
        public CounterActor(DeliveryCounter counter) => Receive<BusMessage>(counter.Count);
    }
}
