namespace Actors.Kernel.Actor;

/// <summary>The root guardian: supervises /user and /system (stopping on failure) and stops itself after /user terminated.</summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(Context.Child("user"));
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated t && t.ActorRef.Path.Name == "user")
        {
            Context.Stop(Self);
            return true;
        }

        return false;
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreRestart(Exception reason, object? message)
    {
    }
}

/// <summary>The /user and /system guardians: parents of top-level actors.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;
}
