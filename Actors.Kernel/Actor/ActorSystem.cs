using System.Text.RegularExpressions;
using Actors.Kernel.Dispatch;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>
/// A hierarchy of actors under <c>/user</c> (yours) and <c>/system</c> (the kernel's), with its
/// event stream, scheduler, dead letters and coordinated shutdown. Create with <see cref="Create"/>.
/// </summary>
public sealed partial class ActorSystem : IActorRefFactory, IDisposable, IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly TimeProviderScheduler _scheduler;
    private readonly object _gate = new();
    private CoordinatedShutdown? _coordinatedShutdown;
    private long _uid;
    private long _tempId;
    private volatile bool _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        StartTime = settings.TimeProvider.GetUtcNow();
        _uid = Random.Shared.NextInt64(1, long.MaxValue / 2);
        EventStream = new EventStream();
        var rootPath = ActorPath.CreateRoot(name);
        Log = new ActorLogger(settings.LoggerFactory.CreateLogger("Actors.Kernel.ActorSystem"), EventStream,
            "ActorSystem(" + name + ")", settings.LogLevel, settings.TimeProvider);
        _scheduler = new TimeProviderScheduler(settings.TimeProvider, Log);
        DeadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");
        TempPath = rootPath / "temp";
        var listener = new DeadLetterListener(
            CreateLogger("Actors.Kernel.Event.DeadLetterListener", (rootPath / "deadLetters").ToString()),
            settings.LogDeadLetters, settings.LogDeadLettersSuspendDuration, settings.TimeProvider,
            () => _terminating, settings.LogDeadLettersDuringShutdown);
        EventStream.Subscribe(typeof(AllDeadLetters), listener.OnEvent);

        _root = new ActorCell(this, Props.Create(() => new RootGuardianActor()), rootPath, new RootParentRef(this, rootPath));
        var guardianProps = Props.Create(() => new GuardianActor(settings.GuardianSupervisorStrategy));
        _userGuardian = ((LocalActorRef)_root.ActorOf(guardianProps, "user")).Cell;
        _systemGuardian = ((LocalActorRef)_root.ActorOf(
            Props.Create(() => new GuardianActor(SupervisorStrategy.DefaultStrategy)), "system")).Cell;

        // Started last: the root's PreStart watches /user, which must exist by then.
        _root.Start();
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public EventStream EventStream { get; }

    public IScheduler Scheduler => _scheduler;

    /// <summary>The system's clock (<see cref="ActorSystemSettings.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    public IActorRef DeadLetters { get; }

    /// <summary>System-level logger (lines are prefixed with the system name).</summary>
    public ILogger Log { get; }

    public DateTimeOffset StartTime { get; }

    public TimeSpan Uptime => TimeProvider.GetUtcNow() - StartTime;

    /// <summary>Completes when the whole hierarchy has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>The system's coordinated shutdown (same as <c>CoordinatedShutdown.Get(system)</c>).</summary>
    public CoordinatedShutdown CoordinatedShutdown
    {
        get
        {
            lock (_gate)
            {
                return _coordinatedShutdown ??= new CoordinatedShutdown(this);
            }
        }
    }

    internal ActorPath TempPath { get; }

    internal IActorRef UserGuardian => _userGuardian.Self;

    internal ActorCell RootCell => _root;

    internal bool IsTerminating => _terminating;

    /// <summary>Sender used by <c>Tell(message)</c> outside any actor (the TestKit sets its TestActor).</summary>
    internal IActorRef? ImplicitSenderOutsideActors { get; set; }

    /// <summary>Creates and starts a system. Names must match <c>^[a-zA-Z0-9][a-zA-Z0-9-]*$</c>.</summary>
    /// <exception cref="ArgumentException">Invalid name or settings (the message names the HOCON keys).</exception>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                "Invalid ActorSystem name [" + name + "], must contain only word characters (i.e. [a-zA-Z0-9] plus non-leading '-')",
                nameof(name));
        }

        settings ??= ActorSystemSettings.Default;
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid actor system settings: " + string.Join("; ", errors), nameof(settings));
        }

        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates an actor under <c>/system</c> (for kernel and infrastructure actors).</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>Selects actors by path, e.g. <c>/user/a/b</c>, <c>akka://name/user/*</c>.</summary>
    public ActorSelection ActorSelection(string actorPath) => new(_root.Self, actorPath);

    /// <summary>Stops the actor asynchronously.</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is InternalActorRef r && ReferenceEquals(r.System, this))
        {
            r.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>
    /// Terminates the system: runs <see cref="CoordinatedShutdown"/> if so configured
    /// (<c>run-by-actor-system-terminate</c>), then stops <c>/user</c>, then <c>/system</c>.
    /// </summary>
    public Task Terminate()
    {
        if (Settings.CoordinatedShutdownRunByActorSystemTerminate && Settings.CoordinatedShutdownTerminateActorSystem)
        {
            _ = CoordinatedShutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
        }
        else
        {
            FinalTerminate();
        }

        return WhenTerminated;
    }

    /// <summary>Stops the hierarchy now (used by the last coordinated-shutdown phase).</summary>
    internal void FinalTerminate()
    {
        _terminating = true;
        _userGuardian.Self.SendSystemMessage(new Terminate());
    }

    public void Dispose()
    {
        Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.LogWarning("ActorSystem did not terminate within 10 s");
        }
    }

    public override string ToString() => "akka://" + Name;

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal ActorPath NextTempPath() => TempPath.Child("$" + Interlocked.Increment(ref _tempId).ToString(System.Globalization.CultureInfo.InvariantCulture), NextUid());

    internal ILogger CreateActorLogger(ActorCell cell) =>
        CreateLogger(cell.Actor?.GetType().FullName ?? cell.Props.ActorType.FullName ?? "Actors.Kernel.Actor", cell.Path.ToString());

    internal ILogger CreateLogger(string category, string source) =>
        new ActorLogger(Settings.LoggerFactory.CreateLogger(category), EventStream, source, Settings.LogLevel, TimeProvider);

    /// <summary>A system message reached a dead actor: answer Watch with "already terminated".</summary>
    internal static void DeadLetterSystemMessage(InternalActorRef recipient, SystemMessage message)
    {
        if (message is Watch w && w.Watcher is InternalActorRef watcher && !w.Watcher.Equals(recipient))
        {
            watcher.SendSystemMessage(new DeathWatchNotification(w.Watchee, false));
        }
    }

    internal void OnRootTerminated()
    {
        _terminating = true;
        _scheduler.Stop();
        _terminated.TrySetResult();
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9-]*$")]
    private static partial Regex ValidName();
}
