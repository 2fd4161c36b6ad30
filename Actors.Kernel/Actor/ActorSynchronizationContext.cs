namespace Actors.Kernel.Actor;

/// <summary>
/// Installed while a ReceiveAsync handler runs: continuations after <c>await</c> are posted back
/// as system messages, so they run on the actor (Self, Sender and implicit sender stay valid).
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) =>
        cell.Self.SendSystemMessage(new Dispatch.RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;
}
