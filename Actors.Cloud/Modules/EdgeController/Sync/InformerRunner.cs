using Actors.Cloud.Kubernetes.Informers;
using Actors.Kernel.Actor;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// Runs an informer for an actor: its events are told to the actor in order, and a run loop that ends with an error
/// is told as <see cref="InformerFailed"/> (the actor throws, its supervisor restarts it, and it relists).
/// </summary>
public static class InformerRunner
{
    public static void Run<T>(SharedInformer<T> informer, IActorRef target, CancellationToken token)
        where T : class
    {
        var subscription = informer.Subscribe();
        _ = PumpAsync(subscription, target, token);
        _ = informer.RunAsync(token).ContinueWith(
            t =>
            {
                if (t.IsFaulted && !token.IsCancellationRequested)
                {
                    target.Tell(new InformerFailed(typeof(T).Name, t.Exception!.GetBaseException()), ActorRefs.NoSender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static async Task PumpAsync<T>(InformerSubscription<T> subscription, IActorRef target, CancellationToken token)
        where T : class
    {
        using (subscription)
        {
            try
            {
                await foreach (var informerEvent in subscription.Events.ReadAllAsync(token).ConfigureAwait(false))
                {
                    target.Tell(informerEvent, ActorRefs.NoSender);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped with the actor.
            }
        }
    }
}
