using System.Collections.Concurrent;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Informers;

/// <summary>
/// A scripted API server for pods plus a running pod informer. Lists are answered from
/// <see cref="Lists"/> in order; watch requests become <see cref="ScriptedWatch"/>es the test drives,
/// unless <see cref="WatchResponses"/> holds a canned error response for them.
/// </summary>
internal sealed class InformerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    private InformerHarness(ScriptedApiServer server, KubernetesClient client)
    {
        Server = server;
        Client = client;
    }

    public ScriptedApiServer Server { get; }

    public KubernetesClient Client { get; }

    public SharedInformer<Pod> Informer { get; private set; } = null!;

    public ConcurrentQueue<string> Lists { get; } = new();

    /// <summary>(status code, body) answers for the next watch requests, before scripted watches are used.</summary>
    public ConcurrentQueue<(int Code, string Body)> WatchResponses { get; } = new();

    public ConcurrentQueue<Exception> Errors { get; } = new();

    public static async Task<InformerHarness> StartAsync(InformerOptions? options = null, TimeProvider? time = null)
    {
        InformerHarness? harness = null;
        var server = await ScriptedApiServer.StartAsync((request, response, srv) =>
        {
            if (request.QueryValue("watch") == "true")
            {
                return harness!.WatchResponses.TryDequeue(out var canned)
                    ? ScriptedApiServer.WriteJsonAsync(response, canned.Code, canned.Body)
                    : srv.ServeWatchAsync(request, response);
            }
            return harness!.Lists.TryDequeue(out var list)
                ? ScriptedApiServer.WriteJsonAsync(response, 200, list)
                : ScriptedApiServer.WriteStatusAsync(response, 500, "InternalError", "no scripted list left");
        });
        harness = new InformerHarness(server, server.CreateClient(time: time));
        var informerOptions = options ?? new InformerOptions { InitialBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero };
        harness.Informer = new SharedInformer<Pod>(
            harness.Client.Resource(KnownResources.Pods),
            informerOptions,
            new Dictionary<string, Func<Pod, IEnumerable<string>>>
            {
                [StoreIndexers.Namespace] = StoreIndexers.ByNamespace(KnownResources.Pods.Codec),
                [StoreIndexers.NodeName] = StoreIndexers.PodNodeName,
            },
            time,
            random: () => 0.5);
        harness.Informer.OnError = harness.Errors.Enqueue;
        return harness;
    }

    public void Run() => _run = Informer.RunAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Server.DisposeAsync();
        await _run.WaitAsync(Deadline);
        Client.Dispose();
        _stop.Dispose();
    }
}

internal static class SubscriptionExtensions
{
    public static async Task<InformerEvent<T>> NextAsync<T>(this InformerSubscription<T> subscription)
        where T : class
    {
        using var cts = new CancellationTokenSource(InformerHarness.Deadline);
        return await subscription.Events.ReadAsync(cts.Token);
    }

    public static async Task<TEvent> NextAsync<T, TEvent>(this InformerSubscription<T> subscription)
        where T : class
        where TEvent : InformerEvent<T>
        => Assert.IsType<TEvent>(await subscription.NextAsync());
}
