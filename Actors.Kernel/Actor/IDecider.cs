namespace Actors.Kernel.Actor;

/// <summary>Maps a failure to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    Directive Decide(Exception cause);
}
