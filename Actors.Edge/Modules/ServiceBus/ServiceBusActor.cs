using System.Net;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// The ServiceBus module's root: answers the router's REST → ServiceBus calls by calling applications on this node,
/// keeps the allow-list of cloud target URLs (owner of <see cref="ITargetUrlStore"/>) and runs the local server edge
/// applications use to reach those URLs. Calls run concurrently (bounded); answers go to the hub group.
/// </summary>
public sealed partial class ServiceBusActor : ReceiveActor
{
    private readonly ModuleContext _context;
    private readonly ServiceBusSettings _settings;
    private readonly Func<ITargetUrlStore> _openStore;
    private readonly EdgeServiceCaller _caller;
    private ITargetUrlStore? _store;
    private LocalServiceServer? _server;
    private bool _serverStarting;
    private int _inFlight;

    public ServiceBusActor(ModuleContext context, ServiceBusSettings settings, Func<ITargetUrlStore> openStore, HttpClient http)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _openStore = openStore ?? throw new ArgumentNullException(nameof(openStore));
        _caller = new EdgeServiceCaller(http, settings.CallTimeout, settings.MaxBodyBytes);
        Receive<BusMessage>(m => OnEnvelope(m.Envelope));
        Receive<MessageEnvelope>(OnEnvelope);
        Receive<EdgeCallDone>(OnCallDone);
        Receive<LocalUpload>(OnLocalUpload);
        Receive<LocalServerStarted>(OnServerStarted);
    }

    protected override void PreStart()
    {
        _store = _openStore();
        if (_store.All().Count > 0)
        {
            StartServer();
        }
    }

    protected override void PostStop()
    {
        _store?.Dispose();
        if (_server is not null)
        {
            _server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }
    }

    private void OnEnvelope(MessageEnvelope envelope)
    {
        switch (ServiceBusTranslator.TryParse(envelope, out var error))
        {
            case CallEdgeService call:
                Call(call);
                break;
            case AllowTargetUrl allow:
                _store!.Add(allow.TargetUrl);
                LogAllowed(_context.Logger, allow.TargetUrl);
                StartServer();
                break;
            case DisallowTargetUrl disallow:
                _store!.Remove(disallow.TargetUrl);
                LogDisallowed(_context.Logger, disallow.TargetUrl);
                break;
            case null when envelope.Route.Source != ModuleNames.RouterServiceBus:
                // Bus-group broadcasts (e.g. EdgeHub's cloud connected/disconnected) are not for ServiceBus.
                LogIgnored(_context.Logger, envelope.Header.MsgId, envelope.Route.Source);
                break;
            default:
                LogRejected(_context.Logger, envelope.Header.MsgId, error ?? "unknown request");
                if (envelope.Header.MsgId.Length > 0)
                {
                    Answer(ServiceBusTranslator.ErrorResponse(envelope.Header.MsgId, 400, error ?? "bad request", Header()));
                }

                break;
        }
    }

    private void Call(CallEdgeService call)
    {
        if (_inFlight >= _settings.MaxInFlight)
        {
            LogBusy(_context.Logger, call.RequestId, _settings.MaxInFlight);
            Answer(ServiceBusTranslator.ErrorResponse(call.RequestId, 503, "servicebus is busy: " + _settings.MaxInFlight + " calls in flight", Header()));
            return;
        }

        _inFlight++;
        // A call outliving this incarnation ends within the call timeout; its answer then goes to dead letters.
        _caller.CallAsync(call, CancellationToken.None).PipeTo(Self, Self,
            r => new EdgeCallDone(call.RequestId, r),
            e => new EdgeCallDone(call.RequestId, EdgeServiceCaller.Error(HttpStatusCode.InternalServerError, "error to call service: " + e.Message)));
    }

    private void OnCallDone(EdgeCallDone done)
    {
        _inFlight--;
        Answer(ServiceBusTranslator.Response(done.RequestId, done.Response, Header()));
    }

    private void OnLocalUpload(LocalUpload upload)
    {
        var target = upload.Request.TargetUrl!;
        if (!_store!.All().Contains(target))
        {
            Sender.Tell(new ServiceBusServerResponse(403, "target URL " + target + " is not allowed (no ServiceBus rule for it)", null), Self);
            return;
        }

        var request = new ServiceBusHttpRequest(null, upload.Request.Payload, upload.Request.Method ?? "POST", target);
        var envelope = ServiceBusTranslator.Upload(target, request, Header());
        _context.Bus.SendSync(ModuleNames.EdgeHub, new BusMessage(envelope), _settings.UploadTimeout).PipeTo(Sender, Self,
            reply => ToServerResponse(EnvelopeCorrelation.EnvelopeOf(reply)),
            e => new ServiceBusServerResponse(504, "no answer from the cloud: " + e.Message, null));
    }

    private static ServiceBusServerResponse ToServerResponse(MessageEnvelope? reply)
    {
        if (reply is null)
        {
            return new ServiceBusServerResponse(502, "the cloud answered with no message", null);
        }

        if (reply.Route.Operation == "error")
        {
            return new ServiceBusServerResponse(502, reply.Content.AsString() ?? reply.Content.ToString(), null);
        }

        try
        {
            var response = ServiceBusTranslator.ReadResponse(reply.Content);
            return response is null
                ? new ServiceBusServerResponse(200, "ok", reply.Content.GetContentData())
                : new ServiceBusServerResponse(response.StatusCode, "ok", response.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ServiceBusServerResponse(200, "ok", reply.Content.GetContentData());
        }
    }

    private void StartServer()
    {
        if (_server is not null || _serverStarting)
        {
            return;
        }

        _serverStarting = true;
        LocalServiceServer.StartAsync(_settings.Listen, Self, _settings.UploadTimeout).PipeTo(Self, Self,
            s => new LocalServerStarted(s, null),
            e => new LocalServerStarted(null, e.Message));
    }

    private void OnServerStarted(LocalServerStarted started)
    {
        _serverStarting = false;
        if (started.Server is null)
        {
            // Failing the module makes its supervisor retry with backoff, and /readyz shows it meanwhile.
            throw new InvalidOperationException("servicebus cannot listen on " + _settings.Listen + ": " + started.Error);
        }

        _server = started.Server;
        LogListening(_context.Logger, _server.Address);
        Context.System.EventStream.Publish(new ServiceBusServerListening(_server.Address));
    }

    private void Answer(MessageEnvelope envelope) => _context.Bus.SendToGroup(Groups.Hub, new BusMessage(envelope));

    private MessageHeader Header() => MessageHeader.New(_context.Time);

    [LoggerMessage(Level = LogLevel.Information, Message = "ServiceBus local server on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "ServiceBus target URL allowed: {Url}")]
    private static partial void LogAllowed(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "ServiceBus target URL removed: {Url}")]
    private static partial void LogDisallowed(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ServiceBus ignored message {MsgId} from {Source}")]
    private static partial void LogIgnored(ILogger logger, string msgId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ServiceBus rejected message {MsgId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string msgId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ServiceBus refused call {MsgId}: {Max} calls already in flight")]
    private static partial void LogBusy(ILogger logger, string msgId, int max);
}
