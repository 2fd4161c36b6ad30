using Actors.Cri.Grpc;
using Actors.Cri.Logs;
using Actors.Cri.Runtime;
using Actors.Cri.Tests.Support;
using Google.Protobuf;
using Runtime.V1;

namespace Actors.Cri.Tests.Runtime;

/// <summary>The process runtime with real /bin/sh processes; time (grace periods, exec timeouts) is manual.</summary>
public sealed class ProcessRuntimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _root = Directory.CreateTempSubdirectory("cri-process-").FullName;
    private readonly ManualTimeProvider _time = new();
    private CriRuntime _cri = null!;

    private IRuntimeService Runtime => _cri.Runtime;

    public Task InitializeAsync()
    {
        _cri = CriRuntime.Create(new CriOptions { ProcessRootDirectory = _root }, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var sandbox in await Runtime.ListPodSandboxAsync())
        {
            await Runtime.RemovePodSandboxAsync(sandbox.Id);
        }

        await _cri.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Version_ProcessRuntime_NamedAndReady()
    {
        Assert.Equal(CriRuntimeKind.Process, _cri.Kind);
        Assert.Equal("edgeactors-process", (await Runtime.VersionAsync()).RuntimeName);
        Assert.Contains((await Runtime.StatusAsync()).Conditions, c => c.Type == "RuntimeReady" && c.Status);
    }

    [Fact]
    public async Task ShellContainer_RunsToEnd_CriLogsExitCodeAndTimestamps()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "job", "echo out-$NAME; echo err >&2; exit 3");
        Assert.Equal(ContainerState.ContainerCreated, (await Runtime.ContainerStatusAsync(id)).State);

        await Runtime.StartContainerAsync(id);
        var status = await WaitExitedAsync(id);
        var logs = await Runtime.ReadContainerLogsAsync(id);

        Assert.Equal((3, "Error"), (status.ExitCode, status.Reason));
        Assert.True(status.StartedAt > 0 && status.FinishedAt >= status.StartedAt && status.StartedAt >= status.CreatedAt);
        Assert.Equal(Path.Combine(sandbox.LogDirectory, "job", "0.log"), status.LogPath);
        Assert.Contains(new CriLogLine(_time.GetUtcNow(), CriLogStream.Stdout, false, "out-job"), logs.Lines);
        Assert.Contains(new CriLogLine(_time.GetUtcNow(), CriLogStream.Stderr, false, "err"), logs.Lines);
        Assert.Equal(0, logs.MalformedRecords);
    }

    [Fact]
    public async Task Stop_DefaultTermDisposition_ExitsOnSigterm143()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "sleeper", "exec sleep 1000");
        await Runtime.StartContainerAsync(id);

        // A long grace on a clock that never moves: only SIGTERM can end the stop.
        await Runtime.StopContainerAsync(id, TimeSpan.FromMinutes(10)).WaitAsync(Deadline);

        var status = await Runtime.ContainerStatusAsync(id);
        Assert.Equal((ContainerState.ContainerExited, 128 + 15), (status.State, status.ExitCode));
    }

    [Fact]
    public async Task Stop_TermIgnored_KilledAfterGracePeriod()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "stubborn", "trap '' TERM; echo ready; while true; do sleep 1; done");
        await Runtime.StartContainerAsync(id);
        await Poll.UntilAsync(() => Runtime.ReadContainerLogsAsync(id), r => r.Lines.Count > 0, Deadline, "trap installed");

        var stop = Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(30));
                return Task.FromResult(stop.IsCompleted);
            },
            done => done, Deadline, "stop after grace");
        await stop;

        var status = await Runtime.ContainerStatusAsync(id);
        Assert.Equal((ContainerState.ContainerExited, 128 + 9), (status.State, status.ExitCode));
    }

    [Fact]
    public async Task MainProcessExits_BackgroundChildLeft_GroupKilledAndExitRecorded()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "forker", "sleep 1000 & echo $! > child.pid; exit 0");
        await Runtime.StartContainerAsync(id);

        var status = await WaitExitedAsync(id);
        var childPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(SandboxDirectory(sandboxId), "child.pid")), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((0, "Completed"), (status.ExitCode, status.Reason));
        await Poll.UntilAsync(() => Task.FromResult(ProcessGone(childPid)), gone => gone, Deadline, "background child killed");
    }

    [Fact]
    public async Task ExecSync_RunningContainer_EnvWorkingDirOutputAndExitCode()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "web", "while true; do sleep 1; done");
        await Runtime.StartContainerAsync(id);

        var result = await Runtime.ExecSyncAsync(id, ["/bin/sh", "-c", "echo $NAME; pwd; echo bad >&2; exit 4"], TimeSpan.FromSeconds(30));

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"web\n{SandboxDirectory(sandboxId)}\n", result.StdoutText);
        Assert.Equal("bad\n", result.StderrText);
    }

    [Fact]
    public async Task ExecSync_CommandOutlivesTimeout_DeadlineExceeded()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "web", "while true; do sleep 1; done");
        await Runtime.StartContainerAsync(id);

        var exec = Runtime.ExecSyncAsync(id, ["sleep", "1000"], TimeSpan.FromSeconds(5));
        await Poll.UntilAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(5));
                return Task.FromResult(exec.IsCompleted);
            },
            done => done, Deadline, "exec timeout");

        var ex = await Assert.ThrowsAsync<CriException>(() => exec);
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task ListAndRemove_TwoContainers_FilteredThenGone()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var a = await CreateAsync(sandboxId, sandbox, "a", "while true; do sleep 1; done");
        var b = await CreateAsync(sandboxId, sandbox, "b", "exit 0");
        await Runtime.StartContainerAsync(a);

        var running = await Runtime.ListContainersAsync(new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerRunning } });
        var labelled = await Runtime.ListContainersAsync(new ContainerFilter { LabelSelector = { ["container"] = "b" } });
        Assert.Equal([a], running.Select(c => c.Id));
        Assert.Equal([b], labelled.Select(c => c.Id));

        await Runtime.RemoveContainerAsync(a);
        var ex = await Assert.ThrowsAsync<CriException>(() => Runtime.ContainerStatusAsync(a));
        Assert.Equal(GrpcStatusCode.NotFound, ex.StatusCode);

        await Runtime.StopPodSandboxAsync(sandboxId);
        Assert.Equal(PodSandboxState.SandboxNotready, (await Runtime.PodSandboxStatusAsync(sandboxId)).State);
        await Runtime.RemovePodSandboxAsync(sandboxId);
        Assert.Empty(await Runtime.ListContainersAsync());
        Assert.Empty(await Runtime.ListPodSandboxAsync());
        Assert.False(Directory.Exists(SandboxDirectory(sandboxId)));
    }

    [Fact]
    public async Task UnknownIds_EveryCall_NotFound()
    {
        const string Missing = "0123456789abcdef";
        var calls = new Func<Task>[]
        {
            () => Runtime.ContainerStatusAsync(Missing),
            () => Runtime.StartContainerAsync(Missing),
            () => Runtime.StopContainerAsync(Missing, TimeSpan.Zero),
            () => Runtime.ExecSyncAsync(Missing, ["true"], TimeSpan.Zero),
            () => Runtime.PodSandboxStatusAsync(Missing),
            () => Runtime.StopPodSandboxAsync(Missing),
            () => Runtime.CreateContainerAsync(Missing, PodSpecs.ShellContainer("x", "img", "true"), new PodSandboxConfig()),
        };

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<CriException>(call);
            Assert.Equal(GrpcStatusCode.NotFound, ex.StatusCode);
        }

        await Runtime.RemoveContainerAsync(Missing); // removal is idempotent
        await Runtime.RemovePodSandboxAsync(Missing);
    }

    [Fact]
    public async Task Start_MissingExecutableOrTwice_TypedErrorsAndStartError()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var config = PodSpecs.ShellContainer("ghost", "img", "true");
        config.Command[0] = "/no/such/binary";
        var ghost = await Runtime.CreateContainerAsync(sandboxId, config, sandbox);
        var ok = await CreateAsync(sandboxId, sandbox, "ok", "exit 0");

        var missing = await Assert.ThrowsAsync<CriException>(() => Runtime.StartContainerAsync(ghost));
        await Runtime.StartContainerAsync(ok);
        var twice = await Assert.ThrowsAsync<CriException>(() => Runtime.StartContainerAsync(ok));

        Assert.Equal(GrpcStatusCode.Unknown, missing.StatusCode);
        var status = await Runtime.ContainerStatusAsync(ghost);
        Assert.Equal((ContainerState.ContainerExited, "StartError", 128), (status.State, status.Reason, status.ExitCode));
        Assert.Equal(GrpcStatusCode.FailedPrecondition, twice.StatusCode);
    }

    [Fact]
    public async Task Images_RecordedNotPulled_ListStatusRemoveAndFsInfo()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        await CreateAsync(sandboxId, sandbox, "a", "true", image: "registry.example/app:1");
        var pulledRef = await _cri.Images.PullImageAsync("registry.example/other:2");

        var list = await _cri.Images.ListImagesAsync();
        var status = await _cri.Images.ImageStatusAsync("registry.example/app:1");
        await _cri.Images.RemoveImageAsync(pulledRef);
        var fs = Assert.Single(await _cri.Images.ImageFsInfoAsync());

        Assert.Equal(["registry.example/app:1", "registry.example/other:2"], list.Select(i => i.RepoTags.Single()));
        Assert.NotNull(status);
        Assert.StartsWith("sha256:", status.Id, StringComparison.Ordinal);
        Assert.Null(await _cri.Images.ImageStatusAsync("registry.example/other:2"));
        Assert.Equal(_root, fs.FsId.Mountpoint);
        Assert.True(fs.InodesUsed.Value > 0);
    }

    [Fact]
    public async Task NewInstance_SameRootAfterHostDied_KillsLeftoverContainerAndDropsSandbox()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await CreateAsync(sandboxId, sandbox, "left", "sleep 600");
        await Runtime.StartContainerAsync(id);

        // A second instance on the same root, as after the first one's host process died without disposing it.
        await using var next = new Actors.Cri.Runtime.Process.ProcessRuntimeService(_root, _time);

        Assert.Equal(1, next.LeftoversKilled);
        Assert.Equal(137, (await WaitExitedAsync(id)).ExitCode);
        Assert.False(Directory.Exists(SandboxDirectory(sandboxId)));
        Assert.Empty(await next.ListPodSandboxAsync());
    }

    private async Task<(string Id, PodSandboxConfig Config)> RunSandboxAsync()
    {
        var config = PodSpecs.Sandbox(Path.Combine(_root, "pod-logs"));
        return (await Runtime.RunPodSandboxAsync(config), config);
    }

    private async Task<string> CreateAsync(string sandboxId, PodSandboxConfig sandbox, string name, string script, string image = "localhost/edgeactors/busybox:latest")
    {
        var config = PodSpecs.ShellContainer(name, image, script);
        config.Envs.Add(new KeyValue { Key = "NAME", Value = ByteString.CopyFromUtf8(name) });
        return await Runtime.CreateContainerAsync(sandboxId, config, sandbox);
    }

    private Task<ContainerStatus> WaitExitedAsync(string id) =>
        Poll.UntilAsync(() => Runtime.ContainerStatusAsync(id), s => s.State == ContainerState.ContainerExited, Deadline, $"container {id} exited");

    private string SandboxDirectory(string sandboxId) => Path.Combine(_root, "sandboxes", sandboxId);

    private static bool ProcessGone(int pid)
    {
        // A killed child may linger as a zombie until init reaps it: state 'Z' counts as gone.
        var stat = $"/proc/{pid}/stat";
        return !File.Exists(stat) || File.ReadAllText(stat).Split(") ")[^1].StartsWith('Z');
    }
}
