using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Kernel.Actor;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// Child of the router: runs informers on Rules and RuleEndpoints (all namespaces) and tells its parent a rebuilt
/// <see cref="RuleTable"/> after every change. A failed informer fails this actor; the router restarts it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The informers' token is cancelled and disposed in PostStop, the actor's end of life.")]
internal sealed class RuleWatcher : ReceiveActor
{
    private readonly Func<CancellationToken, Task<KubernetesClient>> _client;
    private readonly CancellationTokenSource _stop = new();
    private SharedInformer<Rule>? _rules;
    private SharedInformer<RuleEndpoint>? _endpoints;

    public RuleWatcher(Func<CancellationToken, Task<KubernetesClient>> client)
    {
        _client = client;
        Receive<Changed>(_ => Context.Parent.Tell(new RulesChanged(RuleTable.Build(_rules!.Store.List(), _endpoints!.Store.List())), Self));
        Receive<ClientReady>(r => StartInformers(r.Client));
        Receive<Kernel.Actor.Status.Failure>(f => throw new InvalidOperationException("rule informer stopped: " + f.Cause.Message, f.Cause));
    }

    // With the embedded API server the client exists only once the server has written its kubeconfig.
    protected override void PreStart() => _client(_stop.Token).PipeTo(Self, Self, c => new ClientReady(c));

    private void StartInformers(KubernetesClient client)
    {
        _rules = new SharedInformer<Rule>(client.Resource(KnownResources.Rules));
        _endpoints = new SharedInformer<RuleEndpoint>(client.Resource(KnownResources.RuleEndpoints));
        var self = Self;
        _rules.AddEventHandler(Callbacks<Rule>(self));
        _endpoints.AddEventHandler(Callbacks<RuleEndpoint>(self));
        Run(_rules.RunAsync(_stop.Token));
        Run(_endpoints.RunAsync(_stop.Token));
        Task.WhenAll(_rules.WaitForSyncAsync(_stop.Token), _endpoints.WaitForSyncAsync(_stop.Token)).PipeTo(self, self, () => new Changed());
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void Run(Task informer) => informer.ContinueWith(
        t => { if (t.IsFaulted && !_stop.IsCancellationRequested) { Self.Tell(new Kernel.Actor.Status.Failure(t.Exception!.GetBaseException()), Self); } },
        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static InformerCallbacks<T> Callbacks<T>(IActorRef self)
        where T : class => new()
    {
        OnAdd = (_, _) => self.Tell(new Changed(), self),
        OnUpdate = (_, _) => self.Tell(new Changed(), self),
        OnDelete = (_, _) => self.Tell(new Changed(), self),
    };

    private sealed record Changed;

    private sealed record ClientReady(KubernetesClient Client);
}
