using System.Diagnostics.CodeAnalysis;
using System.Text;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The router module's root: runs the REST listener, watches Rules and RuleEndpoints (rebuilding the shared
/// <see cref="RuleTable"/> on every change and sending subscribe/unsubscribe to the nodes of eventbus-source rules),
/// completes service calls with the edge's answers, and POSTs what edge applications publish on a rule's topic to the
/// rule's REST target (header <c>NodeName</c>). A listener that cannot bind fails the actor (the module supervisor
/// restarts it with backoff).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed in PostStop, the actor's end of life.")]
public sealed partial class RouterActor : ReceiveActor
{
    private readonly ModuleContext _module;
    private readonly ApiClientSource _clients;
    private readonly RouterSettings _settings;
    private readonly RouterState _state = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private HashSet<(string Node, string Topic)> _subscriptions = [];
    private SharedInformer<Rule>? _rules;
    private SharedInformer<RuleEndpoint>? _endpoints;
    private RestServer? _server;

    public RouterActor(ModuleContext module, ApiClientSource clients, RouterSettings settings)
    {
        _module = module;
        _clients = clients;
        _settings = settings;
        Receive<KubernetesClient>(OnClient);
        Receive<InformerEvent<Rule>>(_ => Rebuild());
        Receive<InformerEvent<RuleEndpoint>>(_ => Rebuild());
        Receive<InformerFailed>(f => throw new InvalidOperationException("the " + f.Kind + " informer stopped", f.Cause));
        Receive<BusMessage>(m => OnEdge(m.Envelope));
        Receive<MessageEnvelope>(OnEdge);
        Receive<Kernel.Actor.Status.Failure>(f => throw new InvalidOperationException("router: " + f.Cause.Message, f.Cause));
        Receive<PostResult>(r => LogPosted(_module.Logger, r.Url, r.Outcome));
    }

    /// <summary>The REST listener's endpoint once bound (tests bind port 0).</summary>
    internal RestServer? Server => _server;

    protected override void PreStart()
    {
        _server = new RestServer(_state, _module.Bus, _module.Time, _settings.RestTimeout, _module.Logger);
        _server.StartAsync(_settings.Address, _settings.Port, _stop.Token).PipeTo(Self, success: () => new PostResult("listener", "started on " + _server.Endpoint));
        _clients.GetAsync(_stop.Token).PipeTo(Self);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
        _stop.Dispose();
    }

    private void OnClient(KubernetesClient client)
    {
        _rules = new SharedInformer<Rule>(client.Resource(KnownResources.Rules));
        _endpoints = new SharedInformer<RuleEndpoint>(client.Resource(KnownResources.RuleEndpoints));
        InformerRunner.Run(_rules, Self, _stop.Token);
        InformerRunner.Run(_endpoints, Self, _stop.Token);
    }

    private void Rebuild()
    {
        var table = RuleTable.Build(_rules!.Store.List(), _endpoints!.Store.List());
        _state.Table = table;
        var wanted = table.Rules
            .Where(r => r.SourceType == RuleTable.EventBus && r.SourceResource.GetValueOrDefault("node_name") is { Length: > 0 })
            .Select(r => (r.SourceResource["node_name"], r.Namespace + "/" + r.SourceResource.GetValueOrDefault("topic")))
            .ToHashSet();
        foreach (var (node, topic) in wanted.Except(_subscriptions))
        {
            Send(RouterEnvelopes.Subscription(_module.Time, node, topic, subscribe: true));
        }

        foreach (var (node, topic) in _subscriptions.Except(wanted))
        {
            Send(RouterEnvelopes.Subscription(_module.Time, node, topic, subscribe: false));
        }

        _subscriptions = wanted;
    }

    private void OnEdge(MessageEnvelope envelope)
    {
        if (_state.TryAnswer(envelope))
        {
            return;
        }

        var resource = envelope.Route.Resource;
        var node = ResourcePaths.NodeIdOf(resource);
        if (envelope.Route.Operation != Operations.Upload || node is null)
        {
            LogIgnored(_module.Logger, envelope.Route.Operation, resource);
            return;
        }

        var topic = resource[(ResourceTypes.NodePrefix.Length + node.Length + 2)..];
        var body = envelope.Content.Kind == ContentKind.String ? Encoding.UTF8.GetBytes(envelope.Content.AsString()!) : envelope.Content.GetContentData();
        foreach (var rule in _state.Table.MatchEventBus(node, topic).Where(r => r.TargetType == RuleTable.Rest))
        {
            var url = rule.TargetResource.GetValueOrDefault("resource") ?? string.Empty;
            PostAsync(url, node, body).PipeTo(Self);
        }
    }

    private async Task<PostResult> PostAsync(string url, string node, byte[] body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("NodeName", node);
            using var response = await _http.SendAsync(request, _stop.Token).ConfigureAwait(false);
            return new PostResult(url, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or UriFormatException or TaskCanceledException)
        {
            return new PostResult(url, e.Message);
        }
    }

    private void Send(MessageEnvelope envelope) => _module.Bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));

    private sealed record PostResult(string Url, string Outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "router: {Url}: {Outcome}")]
    private static partial void LogPosted(ILogger logger, string url, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "router ignored {Operation} of {Resource}")]
    private static partial void LogIgnored(ILogger logger, string operation, string resource);
}
