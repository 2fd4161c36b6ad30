using System.Text.Json;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>Everything EdgeD sent to the stand-in MetaManager, with awaitable conditions (thread-safe).</summary>
internal sealed class MetaRecorder
{
    private readonly object _gate = new();
    private readonly List<MessageEnvelope> _received = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(MessageEnvelope envelope)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _received.Add(envelope);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    public IReadOnlyList<MessageEnvelope> Snapshot()
    {
        lock (_gate)
        {
            return _received.ToList();
        }
    }

    /// <summary>The status object of every pod patch for <paramref name="ns"/>/<paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<JsonElement> PodStatuses(string ns, string name) =>
        Snapshot()
            .Where(e => e.Route.Operation == "patch" && e.Route.Resource == ns + "/podpatch/" + name)
            .Select(e => JsonDocument.Parse(e.Content.AsString()!).RootElement.GetProperty("status").Clone())
            .ToList();

    /// <summary>Waits (real time) until <paramref name="probe"/> finds a value; fails with the last value after the deadline.</summary>
    public async Task<T> WaitAsync<T>(Func<MetaRecorder, T?> probe, TimeSpan deadline, string what)
        where T : class
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe(this) is { } value)
            {
                return value;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{what} not seen within {deadline}; last pod messages: {string.Join(" | ", Snapshot().Where(e => !e.Route.Resource.Contains("nodepatch", StringComparison.Ordinal)).TakeLast(3).Select(e => e.Route.Resource + " " + e.Content))}");
            }

            await Task.WhenAny(changed, Task.Delay(left > TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : left));
        }
    }

    /// <summary>Waits for a status of the pod that satisfies <paramref name="match"/>.</summary>
    public Task<StatusBox> WaitForStatusAsync(string ns, string name, Func<JsonElement, bool> match, TimeSpan deadline, string what) =>
        WaitAsync(r => r.PodStatuses(ns, name).Where(match).Select(s => new StatusBox(s)).LastOrDefault(), deadline, what);
}

/// <summary>A status found by <see cref="MetaRecorder.WaitForStatusAsync"/>.</summary>
internal sealed record StatusBox(JsonElement Status);
