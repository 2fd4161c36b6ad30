using Actors.Cri.Grpc;
using Actors.Cri.Logs;
using Runtime.V1;

namespace Actors.Cri.Runtime.Process;

/// <summary>
/// One container of the process runtime: a supervised local process (CREATED → RUNNING →
/// EXITED). Its stdout/stderr go to a CRI-format log; its exit code and time stamps are kept.
/// State changes happen under <c>_gate</c>; the exit monitor is the only writer of EXITED.
/// </summary>
internal sealed class ProcessContainer
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private System.Diagnostics.Process? _process;

    public ProcessContainer(string id, string sandboxId, ContainerConfig config, string logPath, string workingDirectory, string imageRef, TimeProvider time)
    {
        Id = id;
        SandboxId = sandboxId;
        Config = config;
        LogPath = logPath;
        WorkingDirectory = workingDirectory;
        ImageRef = imageRef;
        _time = time;
        CreatedAt = UnixNanos.Now(time);
        Environment = ProcessLaunch.Environment(config.Envs.Select(e => (e.Key, e.Value.ToStringUtf8())));
    }

    public string Id { get; }

    public string SandboxId { get; }

    public ContainerConfig Config { get; }

    public string LogPath { get; }

    public string WorkingDirectory { get; }

    public string ImageRef { get; }

    public long CreatedAt { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public ContainerState State { get; private set; } = ContainerState.ContainerCreated;

    /// <summary>The process id once started (the leader of the container's process group).</summary>
    public int? Pid { get; private set; }

    /// <summary>Completes once the process has exited and its log is flushed.</summary>
    public Task Exited => _exited.Task;

    private long StartedAt { get; set; }

    private long FinishedAt { get; set; }

    private int ExitCode { get; set; }

    private string Reason { get; set; } = string.Empty;

    private string Message { get; set; } = string.Empty;

    /// <summary>The command line: Command then Args (Args alone when Command is empty).</summary>
    public IReadOnlyList<string> Argv => [.. Config.Command, .. Config.Args];

    /// <summary>Starts the process. A launch failure leaves the container EXITED with reason StartError, and throws.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (State != ContainerState.ContainerCreated)
            {
                throw new CriException(GrpcStatusCode.FailedPrecondition, $"container {Id} is in state {State}, not CREATED");
            }

            CriLogWriter? log = null;
            try
            {
                var info = ProcessLaunch.Create(Argv, Environment, WorkingDirectory, newSession: true);
                log = new CriLogWriter(LogPath, _time);
                _process = System.Diagnostics.Process.Start(info) ?? throw new CriException(GrpcStatusCode.Unknown, "the process did not start");
                _process.StandardInput.Close();
                Pid = _process.Id;
                State = ContainerState.ContainerRunning;
                StartedAt = UnixNanos.Now(_time);
                _ = MonitorAsync(_process, log);
            }
            catch (Exception ex) when (ex is CriException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
            {
                log?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                State = ContainerState.ContainerExited;
                (ExitCode, Reason, Message) = (128, "StartError", ex.Message);
                FinishedAt = UnixNanos.Now(_time);
                _exited.TrySetResult();
                throw ex as CriException ?? new CriException(GrpcStatusCode.Unknown, "failed to start container: " + ex.Message, ex);
            }
        }
    }

    /// <summary>SIGTERM to the container's process group, SIGKILL once <paramref name="grace"/> has passed.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        System.Diagnostics.Process? process;
        lock (_gate)
        {
            if (State != ContainerState.ContainerRunning)
            {
                if (State == ContainerState.ContainerCreated)
                {
                    MarkNeverStarted();
                }

                return;
            }

            process = _process!;
        }

        if (grace > TimeSpan.Zero && Signal(process, PosixSignals.SigTerm))
        {
            using var graceCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var graceOver = Task.Delay(grace, _time, graceCts.Token);
            var first = await Task.WhenAny(_exited.Task, graceOver);
            await graceCts.CancelAsync();
            if (first == _exited.Task)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        Signal(process, PosixSignals.SigKill);
        await _exited.Task.WaitAsync(cancellationToken);
    }

    public ContainerStatus ToStatus()
    {
        lock (_gate)
        {
            var status = new ContainerStatus
            {
                Id = Id,
                Metadata = Config.Metadata,
                State = State,
                CreatedAt = CreatedAt,
                StartedAt = StartedAt,
                FinishedAt = FinishedAt,
                ExitCode = ExitCode,
                Image = Config.Image ?? new ImageSpec(),
                ImageRef = ImageRef,
                Reason = Reason,
                Message = Message,
                LogPath = LogPath,
            };
            status.Labels.Add(Config.Labels);
            status.Annotations.Add(Config.Annotations);
            return status;
        }
    }

    public Container ToListEntry()
    {
        lock (_gate)
        {
            var entry = new Container
            {
                Id = Id,
                PodSandboxId = SandboxId,
                Metadata = Config.Metadata,
                Image = Config.Image ?? new ImageSpec(),
                ImageRef = ImageRef,
                State = State,
                CreatedAt = CreatedAt,
            };
            entry.Labels.Add(Config.Labels);
            entry.Annotations.Add(Config.Annotations);
            return entry;
        }
    }

    // A created container that is stopped or removed never runs: it becomes EXITED directly.
    private void MarkNeverStarted()
    {
        State = ContainerState.ContainerExited;
        FinishedAt = UnixNanos.Now(_time);
        Reason = "Stopped";
        _exited.TrySetResult();
    }

    private static bool Signal(System.Diagnostics.Process process, int signal) =>
        !process.HasExited && PosixSignals.SignalGroupOrProcess(process.Id, signal);

    private async Task MonitorAsync(System.Diagnostics.Process process, CriLogWriter log)
    {
        var pumps = Task.WhenAll(
            log.PumpAsync(process.StandardOutput.BaseStream, CriLogStream.Stdout),
            log.PumpAsync(process.StandardError.BaseStream, CriLogStream.Stderr));
        await process.WaitForExitAsync();
        var exitCode = process.ExitCode;

        // Like a container whose init died: whatever the command left behind in its group dies too,
        // which also closes the pipes so the pumps reach end of stream.
        PosixSignals.SignalGroup(process.Id, PosixSignals.SigKill);
        try
        {
            // Bounded: a descendant that left the group could hold the pipes open forever.
            await pumps.WaitAsync(TimeSpan.FromSeconds(10), _time);
        }
        catch (Exception)
        {
            // Pump failures (or the bound) end the log early; the exit is still recorded.
        }

        await log.DisposeAsync();
        lock (_gate)
        {
            State = ContainerState.ContainerExited;
            ExitCode = exitCode;
            FinishedAt = UnixNanos.Now(_time);
            Reason = exitCode == 0 ? "Completed" : "Error";
        }

        process.Dispose();
        _exited.TrySetResult();
    }
}
