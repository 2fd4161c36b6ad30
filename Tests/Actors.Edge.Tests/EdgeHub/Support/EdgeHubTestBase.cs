using Actors.Edge.Modules.EdgeHub;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit.Modules;
using Actors.TestKit;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub.Support;

/// <summary>
/// One actor system on a manual clock per test, a <see cref="CloudStub"/> on loopback, and probe modules in the
/// meta, twin and bus groups (the bus one is named <c>eventbus</c>, so unicasts to EventBus reach it too).
/// Time-driven behaviour (keepalive, reconnect backoff) advances the manual clock; socket I/O is real.
/// </summary>
public abstract class EdgeHubTestBase : Actors.TestKit.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Io = TimeSpan.FromSeconds(20);

    protected EdgeHubTestBase(ITestOutputHelper output)
        : this(new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())), output)
    {
    }

    private EdgeHubTestBase(ManualTimeProvider clock, ITestOutputHelper output)
        : base(ActorSystemSettings.Default with { TimeProvider = clock }, output: output)
    {
        Clock = clock;
        Meta = CreateTestProbe("meta");
        Twin = CreateTestProbe("twin");
        Bus = CreateTestProbe("bus");
        Directory.CreateDirectory(Dir);
    }

    protected ManualTimeProvider Clock { get; }

    protected TestProbe Meta { get; }

    protected TestProbe Twin { get; }

    protected TestProbe Bus { get; }

    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "edgeactors-edgehub-" + Guid.NewGuid().ToString("N"));

    protected string DbPath => Path.Combine(Dir, "edgehub.db");

    protected CloudStub Stub { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Stub = await CloudStub.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        await Stub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Dir))
        {
            Directory.Delete(Dir, recursive: true);
        }
    }

    protected EdgeHubSettings Settings() => new(Stub.BaseUri, "node-1", "project-1", DbPath)
    {
        AllowInsecure = Stub.BaseUri.Scheme == "ws",
        ReconnectBackoffMin = TimeSpan.FromSeconds(1),
        ReconnectBackoffMax = TimeSpan.FromSeconds(2),
        RestartPolicy = ModuleRestartPolicy.Default with { MinBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromMilliseconds(400) },
    };

    protected ModuleBus StartEdge(EdgeHubSettings settings, ActorSystem? system = null)
    {
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        IModule[] modules =
        [
            new EdgeHubModule(settings),
            new ProbeModule("metaprobe", Groups.Meta, Meta.Ref),
            new ProbeModule("twinprobe", Groups.Twin, Twin.Ref),
            new ProbeModule(ModuleNames.EventBus, Groups.Bus, Bus.Ref),
        ];
        return ModuleHost.Start(system ?? Sys, modules, new ModuleHostOptions(correlation));
    }

    /// <summary>Advances the manual clock in small steps until <paramref name="condition"/> holds (deadline: real time).</summary>
    protected void AdvanceUntil(Func<bool> condition, string what) =>
        AwaitCondition(
            () =>
            {
                Clock.Advance(TimeSpan.FromMilliseconds(250));
                return condition();
            },
            Io,
            TimeSpan.FromMilliseconds(25),
            what);

    /// <summary>The next connection, driving the reconnect backoff on the manual clock while waiting.</summary>
    protected StubConnection AwaitConnection()
    {
        StubConnection? connection = null;
        AdvanceUntil(() => Stub.HasConnection(out connection), "the edge connects");
        return connection!;
    }

    /// <summary>The connection broadcast with <paramref name="content"/> on <paramref name="probe"/>, skipping other traffic.</summary>
    protected static BusMessage ExpectLink(TestProbe probe, string content) =>
        probe.FishForMessage<BusMessage>(
            m => m.Envelope.Route.Resource == ResourceTypes.NodeConnection && m.Envelope.Content.AsString() == content,
            Io,
            "connection broadcast " + content);

    protected static MessageEnvelope Envelope(string source, string group, string operation, string resource, string content, string? id = null) =>
        new(
            new MessageHeader(id ?? Guid.NewGuid().ToString(), Timestamp: 1_700_000_000_000),
            new MessageRoute(source, group, operation, resource),
            MessageContent.FromString(content));

    /// <summary>Rows in the outbox table, read through a second connection; -1 while the file or table does not exist yet.</summary>
    protected int OutboxCount()
    {
        if (!File.Exists(DbPath))
        {
            return -1;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM edgehub_outbox";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return -1;
        }
    }
}
