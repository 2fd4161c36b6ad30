using System.Collections.Concurrent;

namespace Actors.Kernel.Actor;

/// <summary>
/// Per-system extensions (Akka's <c>ActorSystem.RegisterExtension</c>/<c>GetExtension</c>, simplified): one
/// instance of each type per actor system, created on first use, so system-wide services need no static state.
/// </summary>
public sealed partial class ActorSystem
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();

    /// <summary>Returns this system's instance of <typeparamref name="T"/>, creating it once with <paramref name="factory"/>.</summary>
    public T GetOrAddExtension<T>(Func<ActorSystem, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var lazy = _extensions.GetOrAdd(typeof(T), _ => new Lazy<object>(() => factory(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    /// <summary>This system's instance of <typeparamref name="T"/>, or null when none was created.</summary>
    public T? GetExtension<T>()
        where T : class =>
        _extensions.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated ? (T)lazy.Value : null;
}
