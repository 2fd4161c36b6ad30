using Actors.Edge.Modules.MetaManager.Server;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// MetaManager's root actor and the only owner of the store. Envelopes are handled one at a time (the mailbox waits
/// for each store call), so the store never sees overlapping calls. Remote queries do not hold the mailbox: their
/// answers come back as <see cref="RemoteQueryDone"/>. Cloud messages are group-committed (see MetaManagerActor.Batch)
/// and acknowledged to EdgeHub only after their store write committed; a failed write is retried later and never
/// acknowledged before it succeeds.
/// </summary>
internal sealed partial class MetaManagerActor : ReceiveActor, IWithTimers, IDisposable
{
    private const string SyncTimer = "podstatus-sync";
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ModuleContext _context;
    private readonly MetaManagerSettings _settings;
    private readonly ILogger _log;
    private readonly WatchFeed _feed = new();
    private IMetaStore? _store;
    private MetaServer? _server;
    private bool _connected;

    public MetaManagerActor(ModuleContext context, MetaManagerSettings settings)
    {
        (_context, _settings, _log) = (context, settings, context.Logger);
        ReceiveAsync<BusMessage>(m => HandleAsync(m.Envelope));
        ReceiveAsync<MessageEnvelope>(HandleAsync);
        ReceiveAsync<FlushCloudBatch>(_ => FlushCloudAsync());
        ReceiveAsync<CloudConnected>(async _ => { await FlushCloudAsync(); OnConnected(); });
        ReceiveAsync<CloudDisconnected>(async _ => { await FlushCloudAsync(); OnDisconnected(); });
        ReceiveAsync<RetryCloudMessage>(async m => { await FlushCloudAsync(); await HandleCloudAsync(m.Envelope, m.Attempt); });
        ReceiveAsync<RemoteQueryDone>(async m => { await FlushCloudAsync(); await OnRemoteQueryDoneAsync(m); });
        ReceiveAsync<SyncPodStatus>(async _ => { await FlushCloudAsync(); await SyncPodStatusAsync(); });
        ReceiveAsync<IMetaServerRequest>(async m => { await FlushCloudAsync(); await AnswerMetaServerAsync(m); });
        Receive<StartMetaServer>(m => TryStartMetaServer(m.Attempt));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private IMetaStore Store => _store ?? throw new InvalidOperationException("the meta store is not open");

    protected override void PreStart()
    {
        _store = _settings.Open(_log, _context.Time);
        Timers.StartPeriodicTimer(SyncTimer, SyncPodStatus.Instance, _settings.PodStatusSyncInterval);
        TryStartMetaServer(1);

        _log.LogInformation("MetaManager started on {Database}", _settings.DatabasePath);
    }

    protected override void PostStop() => Dispose();

    /// <summary>Ends watches, stops the MetaServer and closes the store (called from PostStop).</summary>
    public void Dispose()
    {
        _feed.CompleteAll();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server = null;
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _store = null;
    }

    private async Task HandleAsync(MessageEnvelope envelope)
    {
        var source = envelope.Route.Source;
        var fromEdge = source is ModuleNames.EdgeD or ModuleNames.MetaManager;
        var connection = BusTranslator.TryParseConnection(envelope);
        if (!fromEdge && connection is null)
        {
            await EnqueueCloudAsync(envelope);
            return;
        }

        await FlushCloudAsync();
        if (connection is not null)
        {
            if (connection is CloudConnected)
            {
                OnConnected();
            }
            else
            {
                OnDisconnected();
            }

            return;
        }

        await HandleEdgeAsync(envelope);
    }

    private void OnConnected()
    {
        if (!_connected)
        {
            _log.LogInformation("Cloud connected; pod statuses will be synced now");
            _connected = true;
            Self.Tell(SyncPodStatus.Instance, Self);
        }
    }

    private void OnDisconnected()
    {
        if (_connected)
        {
            _log.LogInformation("Cloud disconnected; serving from the local store");
        }

        _connected = false;
    }

    /// <summary>Answers an edge request: through the bus's reply slot when it was sent synchronously, else to its source.</summary>
    private void Reply(MessageEnvelope request, MessageEnvelope answer)
    {
        if (request.Header.Sync)
        {
            _context.Bus.SendResponse(new BusMessage(answer));
        }
        else if (request.Route.Source.Length > 0)
        {
            _context.Bus.Send(request.Route.Source, new BusMessage(answer));
        }
    }

    private void ReplyError(MessageEnvelope request, string error)
    {
        _log.LogWarning("Rejected {Operation} of {Resource} from {Source}: {Error}",
            request.Route.Operation, request.Route.Resource, request.Route.Source, error);
        Reply(request, MetaEnvelopes.Error(request, error, _context.Time));
    }

    private void ToCloud(MessageEnvelope envelope) => _context.Bus.SendToGroup(Groups.Hub, new BusMessage(envelope));

    private void ToEdged(MessageEnvelope envelope) => _context.Bus.Send(ModuleNames.EdgeD, new BusMessage(envelope));

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _settings.WriteRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 10));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
