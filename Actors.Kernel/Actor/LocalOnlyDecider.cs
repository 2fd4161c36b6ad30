namespace Actors.Kernel.Actor;

/// <summary>A decider backed by a delegate.</summary>
public sealed class LocalOnlyDecider(Func<Exception, Directive> decide) : IDecider
{
    public Directive Decide(Exception cause) => decide(cause);
}
