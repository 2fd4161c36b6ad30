using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeD.Support;

/// <summary>
/// EdgeD on a module bus next to a <see cref="FakeMetaManager"/>, with its own temp directory (pods, logs, process
/// runtime). <see cref="Runtime"/> is the runtime EdgeD created (for inspection), <see cref="Meta"/> what it sent.
/// </summary>
internal sealed class EdgedHarness : IDisposable
{
    private readonly ActorSystem _system;
    private readonly TimeProvider _time;
    private CriRuntime? _runtime;

    public EdgedHarness(ActorSystem system, TimeProvider time, Func<EdgedSettings, EdgedSettings>? configure = null, CriOptions? cri = null, Action<FakeMetaManager>? prepare = null)
    {
        _system = system;
        _time = time;
        Root = Directory.CreateTempSubdirectory("edged-test-").FullName;
        var options = cri ?? new CriOptions { Runtime = CriRuntimeKind.Process, ProcessRootDirectory = Path.Combine(Root, "process") };
        var settings = new EdgedSettings("edge-test-node", Path.Combine(Root, "pods"), Path.Combine(Root, "logs"), t =>
        {
            _runtime = CriRuntime.Create(options, t);
            return _runtime;
        })
        {
            PlegRelistPeriod = TimeSpan.FromMilliseconds(200),
            PodStatusPeriod = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        };
        Settings = configure?.Invoke(settings) ?? settings;
        MetaManager = new FakeMetaManager(Meta);
        prepare?.Invoke(MetaManager);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        Bus = ModuleHost.Start(system, [new EdgedModule(Settings), MetaManager], new ModuleHostOptions(correlation));
    }

    public string Root { get; }

    public EdgedSettings Settings { get; }

    public ModuleBus Bus { get; }

    public MetaRecorder Meta { get; } = new();

    public FakeMetaManager MetaManager { get; }

    public CriRuntime Runtime => _runtime ?? throw new InvalidOperationException("EdgeD has not created its runtime yet");

    public string PodsRoot => Settings.PodsRoot;

    public void AddPod(JsonObject pod, string operation = Operations.Insert) => SendPod(pod, operation);

    public void DeletePod(JsonObject pod) => SendPod(pod, Operations.Delete);

    public void SendRaw(string operation, string resource, MessageContent content) =>
        Bus.Send(ModuleNames.EdgeD, new BusMessage(new MessageEnvelope(
            MessageHeader.New(_time), new MessageRoute(ModuleNames.MetaManager, Groups.EdgeD, operation, resource), content)));

    public void PutObject(string resource, JsonObject obj) => MetaManager.Objects[resource] = obj.ToJsonString();

    public Task<StatusBox> WaitForStatusAsync(JsonObject pod, Func<JsonElement, bool> match, string what, TimeSpan? deadline = null) =>
        Meta.WaitForStatusAsync("default", Name(pod), match, deadline ?? TimeSpan.FromSeconds(20), what);

    public static string Name(JsonObject pod) => pod["metadata"]!["name"]!.GetValue<string>();

    public void Dispose()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(20));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // files of containers still exiting; the temp directory is left behind
        }
        catch (UnauthorizedAccessException)
        {
            // written by a container as another user
        }
    }

    private void SendPod(JsonObject pod, string operation) =>
        SendRaw(operation, "default/pod/" + Name(pod), MessageContent.FromJson(Encoding.UTF8.GetBytes(pod.ToJsonString())));
}
