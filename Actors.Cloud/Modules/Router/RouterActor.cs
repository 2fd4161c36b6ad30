using Actors.Cloud.Kubernetes.Client;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The Router module's root (KubeEdge's router, §7.3): keeps the rule table (from <see cref="RuleWatcher"/>), serves
/// the REST listener, sends REST → EventBus / ServiceBus envelopes to CloudHub, matches ServiceBus answers to waiting
/// callers by parent id (timeout → 408), subscribes nodes to eventbus-sourced topics, and relays edge uploads to REST
/// targets. Everything it sends to nodes goes through CloudHub.
/// </summary>
public sealed partial class RouterActor : ReceiveActor, IWithTimers
{
    private readonly ModuleContext _context;
    private readonly RouterSettings _settings;
    private readonly Func<CancellationToken, Task<KubernetesClient>>? _client;
    private readonly RestTargets _targets;
    private readonly Dictionary<string, (IActorRef Caller, ResolvedRule Rule)> _pending = new(StringComparer.Ordinal);
    private RuleTable _table = RuleTable.Empty;
    private RestListener? _listener;
    private IActorRef? _status;

    /// <summary>Creates the router; <paramref name="client"/> feeds the rule informers, or is null when rules come only as <see cref="RulesChanged"/> (tests).</summary>
    public RouterActor(ModuleContext context, RouterSettings settings, Func<CancellationToken, Task<KubernetesClient>>? client, HttpClient http)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _client = client;
        _targets = new RestTargets(http, settings.RestTimeout);
        Receive<RulesChanged>(OnRules);
        Receive<RestCall>(OnRestCall);
        Receive<RestTimedOut>(OnTimedOut);
        Receive<BusMessage>(m => OnUpstream(m.Envelope));
        Receive<MessageEnvelope>(OnUpstream);
        Receive<ListenerStarted>(OnListenerStarted);
        Receive<TargetPosted>(p =>
        {
            LogPosted(_context.Logger, p.Rule, p.Target, p.Status, p.Error ?? "ok");
            Record(p.Outcome);
        });
        Receive<ForwardToNode>(f =>
        {
            ToCloudHub(f.Envelope);
            Record(f.Outcome);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_client is not null)
        {
            var client = _client;
            Context.ActorOf(Props.Create(() => new RuleWatcher(client)), "rules");
            var interval = _settings.RuleStatusInterval;
            _status = Context.ActorOf(Props.Create(() => new RuleStatusActor(client, interval)), "status");
        }

        RestListener.StartAsync(_settings.Listen, Self, _settings.RestTimeout).PipeTo(Self, Self,
            l => new ListenerStarted(l, null), e => new ListenerStarted(null, e.Message));
    }

    protected override void PostStop()
    {
        foreach (var (caller, _) in _pending.Values)
        {
            caller.Tell(RestAnswer.Text(503, "router stopped"), Self);
        }

        _listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }

    private void OnListenerStarted(ListenerStarted started)
    {
        if (started.Listener is null)
        {
            throw new InvalidOperationException("router cannot listen on " + _settings.Listen + ": " + started.Error);
        }

        _listener = started.Listener;
        LogListening(_context.Logger, _listener.Address);
        Context.System.EventStream.Publish(new RouterListening(_listener.Address));
    }

    private void OnRules(RulesChanged changed)
    {
        var before = _table;
        _table = changed.Table;
        foreach (var problem in _table.Problems.Except(before.Problems))
        {
            LogRuleProblem(_context.Logger, problem);
        }

        foreach (var envelope in RuleSubscriptions.Diff(before, _table, () => MessageHeader.New(_context.Time)))
        {
            ToCloudHub(envelope);
        }
    }

    private void OnRestCall(RestCall call)
    {
        var match = _table.MatchRest(call.Namespace, call.Path);
        if (match is null)
        {
            Sender.Tell(RestAnswer.Text(404, "no rule matches /" + call.Namespace + call.Path), Self);
            return;
        }

        var target = match.Rule.TargetResource;
        var header = MessageHeader.New(_context.Time);
        if (match.Rule.TargetType == EndpointTypes.EventBus)
        {
            ToCloudHub(RouterEnvelopes.Publish(header, call.Node, target.GetValueOrDefault("topic", string.Empty) + match.Rest, call.Body));
            Sender.Tell(RestAnswer.Text(200, "message delivered"), Self);
            Record(RuleOutcome.Of(match.Rule));
            return;
        }

        var port = match.Rule.TargetProperties.GetValueOrDefault("service_port", string.Empty);
        var path = target.GetValueOrDefault("path", "/") + match.Rest + call.Query;
        _pending[header.MsgId] = (Sender, match.Rule);
        Timers.StartSingleTimer(header.MsgId, new RestTimedOut(header.MsgId), _settings.RestTimeout);
        ToCloudHub(RouterEnvelopes.Call(header, call.Node, port, path, call));
    }

    private void OnTimedOut(RestTimedOut timedOut)
    {
        if (_pending.Remove(timedOut.RequestId, out var call))
        {
            call.Caller.Tell(RestAnswer.Text(408, "wait to get response time out"), Self);
            Record(RuleOutcome.Of(call.Rule, "no answer from the edge within " + _settings.RestTimeout));
        }
    }

    private void OnUpstream(MessageEnvelope envelope)
    {
        if (CloudHubTranslator.TryParseConnectEvent(envelope) is { } connectEvent)
        {
            if (connectEvent is NodeConnected connected)
            {
                foreach (var told in RuleSubscriptions.ForNode(_table, connected.NodeId, () => MessageHeader.New(_context.Time)))
                {
                    ToCloudHub(told);
                }
            }

            return;
        }

        var parent = envelope.Header.ParentMsgId;
        if (parent.Length > 0 && _pending.Remove(parent, out var call))
        {
            Timers.Cancel(parent);
            var answer = ServiceBusAnswer(envelope);
            call.Caller.Tell(answer, Self);
            Record(RuleOutcome.Of(call.Rule, answer.Status >= 500 ? "the edge answered " + answer.Status : null));
            return;
        }

        if (!NodeResource.TryParse(envelope.Route.Resource, out _) && !envelope.Route.Resource.StartsWith("node/", StringComparison.Ordinal))
        {
            LogIgnored(_context.Logger, envelope.Header.MsgId, envelope.Route.Resource);
            return;
        }

        var self = Self;
        foreach (var post in _targets.Relay(_table, envelope, () => MessageHeader.New(_context.Time)))
        {
            post.PipeTo(self, self, r => r, e => new TargetPosted("?", "?", 0, e.Message));
        }
    }

    private static RestAnswer ServiceBusAnswer(MessageEnvelope envelope)
    {
        try
        {
            var response = ServiceBusTranslator.ReadResponse(envelope.Content);
            return response is null
                ? RestAnswer.Text(502, "the edge answered with no content")
                : new RestAnswer(response.StatusCode, response.Header, response.Body ?? ReadOnlyMemory<byte>.Empty);
        }
        catch (System.Text.Json.JsonException e)
        {
            return RestAnswer.Text(502, "the edge's answer is not an HTTP response: " + e.Message);
        }
    }

    private void Record(RuleOutcome? outcome)
    {
        if (outcome is not null)
        {
            _status?.Tell(outcome, Self);
        }
    }

    private void ToCloudHub(MessageEnvelope envelope) => _context.Bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));

    [LoggerMessage(Level = LogLevel.Information, Message = "Router REST listener on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router: {Problem}")]
    private static partial void LogRuleProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Router ignored message {MsgId} on {Resource}")]
    private static partial void LogIgnored(ILogger logger, string msgId, string resource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Router rule {Rule} delivered to {Target}: {Status} {Detail}")]
    private static partial void LogPosted(ILogger logger, string rule, string target, int status, string detail);
}
