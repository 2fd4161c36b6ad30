using Actors.Kernel.Actor;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Event;

/// <summary><c>Context.GetLogger()</c> as in Akka.NET, returning an ILogger whose lines carry the actor path.</summary>
public static class LoggingExtensions
{
    public static ILogger GetLogger(this IActorContext context) => ((ActorCell)context).Log;
}
