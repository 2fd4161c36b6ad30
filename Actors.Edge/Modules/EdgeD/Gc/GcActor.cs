using Actors.Cri.Grpc;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Gc;

/// <summary>
/// Garbage collection for EdgeD: container GC every <c>ContainerGcPeriod</c> (dead containers per
/// <see cref="ContainerGcPlanner"/>, plus orphaned pods: EdgeD's sandboxes and pod directories whose pod is no longer on
/// this node), and image GC every <c>ImageGcPeriod</c> (<see cref="ImageGcPlanner"/> on the image filesystem usage).
/// The root keeps it told of the live pod uids with <see cref="LivePods"/>; orphaned pods are removed only once the root
/// says the list is complete (the pods stored in MetaManager were restored at start), so a restart never kills pods
/// that are merely not re-fed yet.
/// </summary>
internal sealed class GcActor : ReceiveActor, IWithTimers
{
    private readonly CriRuntime _runtime;
    private readonly EdgedSettings _settings;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _imageLastUsed = new(StringComparer.Ordinal);
    private HashSet<string> _live = new(StringComparer.Ordinal);
    private bool _liveComplete;

    public GcActor(CriRuntime runtime, EdgedSettings settings, TimeProvider time)
    {
        _runtime = runtime;
        _settings = settings;
        _time = time;
        Receive<LivePods>(l => (_live, _liveComplete) = (new HashSet<string>(l.Uids, StringComparer.Ordinal), l.Complete));
        ReceiveAsync<ContainerGcTick>(_ => Guard("container", () => Task.Run(ContainerGcAsync)));
        ReceiveAsync<ImageGcTick>(_ => Guard("image", () => Task.Run(ImageGcAsync)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("containers", new ContainerGcTick(), _settings.ContainerGcPeriod);
        Timers.StartPeriodicTimer("images", new ImageGcTick(), _settings.ImageGcPeriod);
    }

    private async Task Guard(string what, Func<Task> run)
    {
        try
        {
            await run();
            EdgedMetrics.Get(Context.System).GcRun(what);
        }
        catch (Exception e) when (e is CriException or IOException or UnauthorizedAccessException)
        {
            Context.GetLogger().LogWarning("EdgeD {What} GC failed: {Error}", what, e.Message);
        }
    }

    private async Task ContainerGcAsync()
    {
        var live = _live;
        var filter = new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerExited } };
        filter.LabelSelector[PodLabels.ManagedBy] = PodLabels.ManagedByValue;
        var dead = new List<DeadContainer>();
        foreach (var c in await _runtime.Runtime.ListContainersAsync(filter))
        {
            var status = await _runtime.Runtime.ContainerStatusAsync(c.Id);
            var uid = c.Labels.TryGetValue(PodLabels.PodUid, out var u) ? u : string.Empty;
            dead.Add(new DeadContainer(c.Id, uid, c.Metadata.Name, DateTimeOffset.FromUnixTimeMilliseconds(status.FinishedAt / 1_000_000)));
        }

        var remove = ContainerGcPlanner.Plan(dead, live, _time.GetUtcNow(), _settings.ContainerGcMinAge, _settings.MaxPerPodContainer, _settings.MaxContainers);
        foreach (var id in remove)
        {
            await _runtime.Runtime.RemoveContainerAsync(id);
        }

        var orphans = _liveComplete ? await RemoveOrphanedPodsAsync(live) : 0;
        if (remove.Count + orphans > 0)
        {
            Context.GetLogger().LogInformation("EdgeD GC removed {Containers} dead containers and {Pods} orphaned pods", remove.Count, orphans);
        }
    }

    private async Task<int> RemoveOrphanedPodsAsync(HashSet<string> live)
    {
        var filter = new PodSandboxFilter();
        filter.LabelSelector[PodLabels.ManagedBy] = PodLabels.ManagedByValue;
        var orphans = 0;
        var sandboxes = await _runtime.Runtime.ListPodSandboxAsync(filter);
        foreach (var sandbox in sandboxes.Where(s => !live.Contains(s.Metadata.Uid)))
        {
            await _runtime.Runtime.StopPodSandboxAsync(sandbox.Id);
            await _runtime.Runtime.RemovePodSandboxAsync(sandbox.Id);
            orphans++;
        }

        if (Directory.Exists(_settings.PodsRoot))
        {
            foreach (var dir in Directory.EnumerateDirectories(_settings.PodsRoot).Where(d => !live.Contains(Path.GetFileName(d))))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return orphans;
    }

    private async Task ImageGcAsync()
    {
        var now = _time.GetUtcNow();
        var containers = await _runtime.Runtime.ListContainersAsync();
        var inUse = containers.SelectMany(c => new[] { c.Image?.Image ?? string.Empty, c.ImageRef }).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var images = await _runtime.Images.ListImagesAsync();
        var usages = new List<ImageUsage>();
        foreach (var image in images)
        {
            var used = inUse.Contains(image.Id) || image.RepoTags.Any(inUse.Contains) || image.RepoDigests.Any(inUse.Contains);
            if (used || !_imageLastUsed.TryGetValue(image.Id, out var lastUsed))
            {
                lastUsed = now;
                _imageLastUsed[image.Id] = now;
            }

            usages.Add(new ImageUsage(image.Id, image.Size, lastUsed, used));
        }

        foreach (var gone in _imageLastUsed.Keys.Except(images.Select(i => i.Id)).ToList())
        {
            _imageLastUsed.Remove(gone);
        }

        var filesystems = await _runtime.Images.ImageFsInfoAsync();
        var fs = filesystems.Count > 0 ? filesystems[0] : null;
        if (fs?.FsId?.Mountpoint is not { Length: > 0 } mount || !Directory.Exists(mount))
        {
            return;
        }

        var capacity = (ulong)new DriveInfo(mount).TotalSize;
        var remove = ImageGcPlanner.Plan(usages, capacity, fs.UsedBytes?.Value ?? 0, _settings.ImageGcHighThreshold, _settings.ImageGcLowThreshold);
        foreach (var id in remove)
        {
            await _runtime.Images.RemoveImageAsync(id);
            _imageLastUsed.Remove(id);
        }

        if (remove.Count > 0)
        {
            Context.GetLogger().LogInformation("EdgeD image GC removed {Count} unused images", remove.Count);
        }
    }
}
