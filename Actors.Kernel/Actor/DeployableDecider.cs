namespace Actors.Kernel.Actor;

/// <summary>A decider made of (exception type, directive) pairs tried in order, with a default.</summary>
public sealed class DeployableDecider(Directive defaultDirective, IReadOnlyList<KeyValuePair<Type, Directive>> pairs) : IDecider
{
    public Directive DefaultDirective { get; } = defaultDirective;

    public IReadOnlyList<KeyValuePair<Type, Directive>> Pairs { get; } = pairs;

    public Directive Decide(Exception cause)
    {
        foreach (var (type, directive) in Pairs)
        {
            if (type.IsInstanceOfType(cause))
            {
                return directive;
            }
        }

        return DefaultDirective;
    }
}
