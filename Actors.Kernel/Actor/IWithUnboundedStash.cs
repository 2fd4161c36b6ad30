namespace Actors.Kernel.Actor;

/// <summary>Marks an actor that uses a stash; the kernel sets <see cref="Stash"/> after construction.
/// Stashed messages are unstashed automatically on restart and stop.</summary>
public interface IWithUnboundedStash
{
    IStash Stash { get; set; }
}
