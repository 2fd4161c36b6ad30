using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD;
using Actors.Edge.Modules.MetaManager;
using Actors.Edge.Modules.MetaManager.Client;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>
/// One "edgecore instance" for the autonomy tests: its own actor system with the real MetaManager (SQLite file
/// <c>&lt;dir&gt;/edgecore.db</c>) and the real EdgeD (pods, logs and process runtime under <c>dir</c>). Two nodes made in
/// turn on the same directory are an edgecore restart. No cloud: ACKs to the hub group go nowhere.
/// </summary>
internal sealed class AutonomyNode : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private CriRuntime? _runtime;

    public AutonomyNode(string dir, CriOptions? cri = null, Func<EdgedSettings, EdgedSettings>? configure = null)
    {
        _system = ActorSystem.Create("autonomy-" + Guid.NewGuid().ToString("N")[..8]);
        var options = cri ?? new CriOptions { Runtime = CriRuntimeKind.Process, ProcessRootDirectory = Path.Combine(dir, "process") };
        var edged = new EdgedSettings("edge-test-node", Path.Combine(dir, "pods"), Path.Combine(dir, "logs"), t => _runtime = CriRuntime.Create(options, t))
        {
            PlegRelistPeriod = TimeSpan.FromMilliseconds(300),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        };
        var meta = new MetaManagerSettings(Path.Combine(dir, "edgecore.db"), new MetaStoreOptions(), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), null);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        Bus = ModuleHost.Start(_system, [new MetaManagerModule(meta), new EdgedModule(configure?.Invoke(edged) ?? edged)], new ModuleHostOptions(correlation));
        Client = new MetaClient(Bus, TimeProvider.System, TimeSpan.FromSeconds(20));
    }

    public ModuleBus Bus { get; }

    public MetaClient Client { get; }

    public CriRuntime Runtime => _runtime ?? throw new InvalidOperationException("EdgeD has not created its runtime yet");

    /// <summary>A cloud insert of the pod (as EdgeController sends it), stored by MetaManager and forwarded to EdgeD.</summary>
    public void InsertFromCloud(JsonObject pod) => Bus.SendToGroup(Groups.Meta, new BusMessage(new MessageEnvelope(
        new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: "1"),
        new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Insert, "default/pod/" + EdgedHarness.Name(pod)),
        MessageContent.FromJson(Encoding.UTF8.GetBytes(pod.ToJsonString())))));

    /// <summary>The pod's running containers in the runtime (by pod uid label).</summary>
    public async Task<IReadOnlyList<Container>> RunningAsync(string uid)
    {
        if (Volatile.Read(ref _runtime) is null)
        {
            return []; // EdgeD's actor has not started yet
        }

        var filter = new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerRunning } };
        filter.LabelSelector["io.kubernetes.pod.uid"] = uid;
        return await Runtime.Runtime.ListContainersAsync(filter);
    }

    /// <summary>The pod status EdgeD last reported through MetaManager (the stored podpatch row), or null.</summary>
    public async Task<JsonElement?> ReportedStatusAsync(string name)
    {
        string value;
        try
        {
            value = await Client.GetAsync("default", ResourceTypes.PodPatch, name);
        }
        catch (MetaClientException)
        {
            return null;
        }

        var element = JsonDocument.Parse(value).RootElement.Clone();
        while (element.ValueKind == JsonValueKind.String)
        {
            element = JsonDocument.Parse(element.GetString()!).RootElement.Clone();
        }

        return element.TryGetProperty("status", out var status) ? status : null;
    }

    /// <summary>Polls until <paramref name="check"/> returns a value, or fails naming <paramref name="what"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> check, TimeSpan deadline, string what)
        where T : class
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (await check() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"timed out after {deadline.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Stops the whole node (MetaManager closes the store, EdgeD disposes its runtime).</summary>
    public async ValueTask DisposeAsync() => await _system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
}
