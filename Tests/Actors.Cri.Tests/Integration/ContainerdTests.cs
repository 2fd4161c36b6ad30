using Actors.Cri.Grpc;
using Actors.Cri.Logs;
using Actors.Cri.Runtime;
using Actors.Cri.Tests.Support;
using Actors.TestKit.Cri;
using Runtime.V1;

namespace Actors.Cri.Tests.Integration;

/// <summary>
/// Against the real containerd + runc started by Tests/setup/30-containerd.sh. Each test builds
/// its own client and removes every sandbox it created, even when it fails.
/// </summary>
public sealed class ContainerdTests : IAsyncLifetime
{
    // A container that logs to both streams, then idles until SIGTERM (sh is PID 1 in the
    // container, which ignores TERM unless trapped).
    private const string Worker = "echo hello-from-$NAME; echo err-from-$NAME >&2; trap 'exit 0' TERM; while true; do sleep 1; done";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly List<string> _sandboxes = [];
    private CriRuntime? _cri;

    private IRuntimeService Runtime => _cri!.Runtime;

    private IImageService Images => _cri!.Images;

    public Task InitializeAsync()
    {
        if (CriEnvironment.Endpoint is not null || CriEnvironment.Required)
        {
            _cri = CriRuntime.Create(new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = CriEnvironment.RequireEndpoint(), RequestTimeout = Deadline });
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_cri is null)
        {
            return;
        }

        foreach (var id in _sandboxes)
        {
            await Runtime.StopPodSandboxAsync(id);
            await Runtime.RemovePodSandboxAsync(id);
        }

        await _cri.DisposeAsync();
    }

    [CriFact]
    public async Task Version_Containerd_ReportsRuntimeAndApiV1()
    {
        var version = await Runtime.VersionAsync();
        var status = await Runtime.StatusAsync();

        Assert.Equal("containerd", version.RuntimeName);
        Assert.Equal("v1", version.RuntimeApiVersion);
        Assert.Contains(status.Conditions, c => c.Type == "RuntimeReady" && c.Status);
    }

    [CriFact]
    public async Task PodWithTwoContainers_Started_BothRunAndLogToBothStreams()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var a = await StartWorkerAsync(sandboxId, sandbox, "a");
        var b = await StartWorkerAsync(sandboxId, sandbox, "b");

        Assert.Equal(ContainerState.ContainerRunning, (await Runtime.ContainerStatusAsync(a)).State);
        Assert.Equal(ContainerState.ContainerRunning, (await Runtime.ContainerStatusAsync(b)).State);
        var listed = await Runtime.ListContainersAsync(new ContainerFilter { PodSandboxId = sandboxId });
        Assert.Equal(new[] { a, b }.Order(), listed.Select(c => c.Id).Order());
        Assert.Equal(PodSandboxState.SandboxReady, (await Runtime.PodSandboxStatusAsync(sandboxId)).State);

        var logs = await Poll.UntilAsync(() => Runtime.ReadContainerLogsAsync(b), r => r.Lines.Count >= 2, Deadline, "two log lines of b");
        Assert.Contains(logs.Lines, l => l.Stream == CriLogStream.Stdout && l.Content == "hello-from-b" && !l.IsPartial);
        Assert.Contains(logs.Lines, l => l.Stream == CriLogStream.Stderr && l.Content == "err-from-b");
        Assert.Equal(0, logs.MalformedRecords);
    }

    [CriFact]
    public async Task ExecSync_RunningContainer_ReturnsOutputAndExitCode()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var a = await StartWorkerAsync(sandboxId, sandbox, "a");

        var result = await Runtime.ExecSyncAsync(a, ["/bin/sh", "-c", "echo out-$NAME; echo oops >&2; exit 3"], TimeSpan.FromSeconds(30));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out-a\n", result.StdoutText);
        Assert.Equal("oops\n", result.StderrText);
    }

    [CriFact]
    public async Task StopAndRemove_ContainerThenSandbox_AreGone()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var a = await StartWorkerAsync(sandboxId, sandbox, "a");

        await Runtime.StopContainerAsync(a, TimeSpan.FromSeconds(30));
        var stopped = await Runtime.ContainerStatusAsync(a);
        Assert.Equal(ContainerState.ContainerExited, stopped.State);
        Assert.Equal(0, stopped.ExitCode);
        Assert.True(stopped.FinishedAt >= stopped.StartedAt && stopped.StartedAt > 0);

        await Runtime.RemoveContainerAsync(a);
        var gone = await Assert.ThrowsAsync<CriException>(() => Runtime.ContainerStatusAsync(a));
        Assert.Equal(GrpcStatusCode.NotFound, gone.StatusCode);

        await Runtime.StopPodSandboxAsync(sandboxId);
        Assert.Equal(PodSandboxState.SandboxNotready, (await Runtime.PodSandboxStatusAsync(sandboxId)).State);
        await Runtime.RemovePodSandboxAsync(sandboxId);
        _sandboxes.Remove(sandboxId);
        var sandboxGone = await Assert.ThrowsAsync<CriException>(() => Runtime.PodSandboxStatusAsync(sandboxId));
        Assert.Equal(GrpcStatusCode.NotFound, sandboxGone.StatusCode);
        Assert.DoesNotContain(await Runtime.ListPodSandboxAsync(), s => s.Id == sandboxId);
    }

    [CriFact]
    public async Task ContainerExits_ByItself_ExitCodeRecorded()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var id = await Runtime.CreateContainerAsync(sandboxId, PodSpecs.ShellContainer("quit", CriEnvironment.BusyboxImage, "exit 7"), sandbox);
        await Runtime.StartContainerAsync(id);

        var status = await Poll.UntilAsync(() => Runtime.ContainerStatusAsync(id), s => s.State == ContainerState.ContainerExited, Deadline, "container exit");

        Assert.Equal(7, status.ExitCode);
    }

    [CriFact]
    public async Task Images_Imported_StatusListAndFsUsage()
    {
        var busybox = await Images.ImageStatusAsync(CriEnvironment.BusyboxImage);
        var images = await Images.ListImagesAsync();
        var fs = await Images.ImageFsInfoAsync();

        Assert.NotNull(busybox);
        Assert.Contains(CriEnvironment.BusyboxImage, busybox.RepoTags);
        Assert.True(busybox.Size > 1_000_000, $"busybox image size {busybox.Size}");
        Assert.Contains(images, i => i.RepoTags.Contains(CriEnvironment.PauseImage));
        Assert.NotEmpty(fs);
        Assert.True(fs[0].UsedBytes.Value > 0);
        Assert.Null(await Images.ImageStatusAsync("localhost/edgeactors/absent:" + Guid.NewGuid().ToString("N")));
    }

    [CriFact]
    public async Task ExecSync_CommandOutlivesTimeout_TypedError()
    {
        var (sandboxId, sandbox) = await RunSandboxAsync();
        var a = await StartWorkerAsync(sandboxId, sandbox, "a");

        var ex = await Assert.ThrowsAsync<CriException>(() => Runtime.ExecSyncAsync(a, ["/bin/sleep", "30"], TimeSpan.FromSeconds(1)));

        Assert.True(ex.StatusCode == GrpcStatusCode.DeadlineExceeded, ex.ToString());
    }

    [CriFact]
    public async Task PullAndRemove_NoRegistry_TypedPullErrorAndIdempotentRemove()
    {
        // Nothing listens on loopback port 1: the pull fails inside containerd and comes back typed.
        var ex = await Assert.ThrowsAsync<CriException>(() => Images.PullImageAsync("127.0.0.1:1/edgeactors/absent:latest"));
        await Images.RemoveImageAsync("localhost/edgeactors/absent:" + Guid.NewGuid().ToString("N"));

        Assert.NotEqual(GrpcStatusCode.Ok, ex.StatusCode);
        Assert.Contains("127.0.0.1:1", ex.Detail, StringComparison.Ordinal);
    }

    [CriFact]
    public async Task ContainerStatus_UnknownId_NotFound()
    {
        var ex = await Assert.ThrowsAsync<CriException>(() => Runtime.ContainerStatusAsync(Guid.NewGuid().ToString("N")));

        Assert.Equal(GrpcStatusCode.NotFound, ex.StatusCode);
    }

    [CriFact]
    public async Task UnknownMethod_Containerd_Unimplemented()
    {
        using var client = new GrpcUnaryClient(CriOptions.SocketPath(CriEnvironment.RequireEndpoint())!, new GrpcClientOptions());

        var ex = await Assert.ThrowsAsync<CriException>(() =>
            client.CallAsync("/runtime.v1.RuntimeService/NoSuchMethod", new VersionRequest(), VersionResponse.Parser, Deadline, default));

        Assert.Equal(GrpcStatusCode.Unimplemented, ex.StatusCode);
    }

    private async Task<(string Id, PodSandboxConfig Config)> RunSandboxAsync()
    {
        var config = PodSpecs.Sandbox(CriEnvironment.PodLogRoot);
        var id = await Runtime.RunPodSandboxAsync(config);
        _sandboxes.Add(id);
        return (id, config);
    }

    private async Task<string> StartWorkerAsync(string sandboxId, PodSandboxConfig sandbox, string name)
    {
        var config = PodSpecs.ShellContainer(name, CriEnvironment.BusyboxImage, Worker);
        config.Envs.Add(new KeyValue { Key = "NAME", Value = Google.Protobuf.ByteString.CopyFromUtf8(name) });
        var id = await Runtime.CreateContainerAsync(sandboxId, config, sandbox);
        await Runtime.StartContainerAsync(id);
        return id;
    }
}
