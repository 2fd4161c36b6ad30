using System.Collections.Concurrent;

namespace Actors.Bench.K8sClient;

/// <summary>Counts pods delivered per node and signals when the expected number has arrived.</summary>
internal sealed class NodeFanOut(int expected)
{
    private readonly ConcurrentDictionary<string, int> _perNode = new(StringComparer.Ordinal);
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = expected;

    public int Nodes => _perNode.Count;

    public void Deliver(string node)
    {
        _perNode.AddOrUpdate(node, 1, (_, n) => n + 1);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }

    public void Reset(int expectedNext)
    {
        _perNode.Clear();
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, expectedNext);
    }

    public Task WaitAsync(TimeSpan timeout) => _done.Task.WaitAsync(timeout);
}
