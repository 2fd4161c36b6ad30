using System.Text;
using System.Text.Json;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.MetaManager.Client;

/// <summary>
/// EdgeD's typed view of MetaManager over the module bus (KubeEdge's <c>metaclient</c>): every call is a synchronous
/// bus request to <c>metamanager</c> with source <c>edged</c>, group <c>meta</c>. Objects come back as their JSON text.
/// Errors (not found offline, malformed input, store failure) throw <see cref="MetaClientException"/>; no answer
/// within the timeout throws <see cref="TimeoutException"/>.
/// </summary>
public sealed class MetaClient(ModuleBus bus, TimeProvider time, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(70);

    public Task<string> GetConfigMapAsync(string ns, string name) => GetAsync(ns, ResourceTypes.ConfigMap, name);

    public Task<string> GetSecretAsync(string ns, string name) => GetAsync(ns, ResourceTypes.Secret, name);

    public Task<string> GetPodAsync(string ns, string name) => GetAsync(ns, ResourceTypes.Pod, name);

    public Task<string> GetNodeAsync(string name) => GetAsync(ResourceTypes.NullNamespace, ResourceTypes.Node, name);

    /// <summary>Every stored pod (of one namespace, or all with <c>null</c>), e.g. to restore pods after a restart.</summary>
    public Task<IReadOnlyList<string>> ListPodsAsync(string ns) => ListAsync(ns, ResourceTypes.Pod);

    /// <summary>A service-account token: <paramref name="tokenRequestJson"/> is the TokenRequest sent to the cloud.</summary>
    public Task<string> GetServiceAccountTokenAsync(string ns, string serviceAccount, string tokenRequestJson) =>
        FirstAsync(Request(Operations.Query, $"{ns}/{ResourceTypes.ServiceAccountToken}/{serviceAccount}", Json(tokenRequestJson)));

    /// <summary>One object's JSON (local copy first; from the cloud when missing and connected).</summary>
    public Task<string> GetAsync(string ns, string type, string name) => FirstAsync(Request(Operations.Query, $"{ns}/{type}/{name}", MessageContent.Null));

    /// <summary>The stored objects of a type in a namespace.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string ns, string type) =>
        Values(await CallAsync(Request(Operations.Query, $"{ns}/{type}", MessageContent.Null)));

    /// <summary>Stores the pod's status and sends it to the cloud when connected (else it goes with the next sync).</summary>
    public Task SendPodStatusAsync(string ns, string podName, string statusJson) =>
        CallAsync(Request(Operations.Update, $"{ns}/{ResourceTypes.PodStatus}/{podName}", Json(statusJson)));

    /// <summary>Stores the node's status and sends it to the cloud when connected.</summary>
    public Task SendNodeStatusAsync(string nodeName, string statusJson) =>
        CallAsync(Request(Operations.Update, $"{ResourceTypes.NullNamespace}/{ResourceTypes.NodeStatus}/{nodeName}", Json(statusJson)));

    private async Task<string> FirstAsync(MessageEnvelope request)
    {
        var values = Values(await CallAsync(request));
        return values.Count > 0 ? values[0] : throw new MetaClientException($"not found: {request.Route.Resource}");
    }

    private async Task<MessageEnvelope> CallAsync(MessageEnvelope request)
    {
        var reply = await bus.SendSync(ModuleNames.MetaManager, new BusMessage(request), _timeout);
        var answer = EnvelopeCorrelation.EnvelopeOf(reply) ?? throw new MetaClientException("metamanager answered without an envelope");
        return answer.Route.Operation == Operations.Error
            ? throw new MetaClientException(answer.Content.AsString() ?? answer.Content.ToString())
            : answer;
    }

    /// <summary>The object texts of a query answer (a JSON array of strings; a bare object is one value).</summary>
    private static List<string> Values(MessageEnvelope answer)
    {
        var content = answer.Content;
        if (content.Kind == ContentKind.Object)
        {
            return [Encoding.UTF8.GetString(content.Json.Span)];
        }

        if (content.Kind != ContentKind.Array)
        {
            return [];
        }

        return [.. content.ToElement().EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
    }

    private MessageEnvelope Request(string operation, string resource, MessageContent content) => new(
        MessageHeader.New(time),
        new MessageRoute(ModuleNames.EdgeD, Groups.Meta, operation, resource),
        content);

    private static MessageContent Json(string json) => MessageContent.FromJson(Encoding.UTF8.GetBytes(json));
}
