namespace Actors.Kernel.Actor;

/// <summary>Builds deciders, e.g. <c>Decider.From(Directive.Restart, Directive.Stop.When&lt;IOException&gt;())</c>.</summary>
public static class Decider
{
    /// <summary>Returns the first pair whose exception type matches the cause, else the default.</summary>
    public static IDecider From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs) =>
        new DeployableDecider(defaultDirective, pairs);

    public static IDecider From(Func<Exception, Directive> decide) => new LocalOnlyDecider(decide);

    /// <summary>Pairs a directive with an exception type for <see cref="From(Directive, KeyValuePair{Type, Directive}[])"/>.</summary>
    public static KeyValuePair<Type, Directive> When<TException>(this Directive directive)
        where TException : Exception => new(typeof(TException), directive);
}
