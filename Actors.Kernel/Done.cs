namespace Actors.Kernel;

/// <summary>"Completed, no value" (Akka's <c>Done</c>), e.g. the result of coordinated-shutdown tasks.</summary>
public sealed class Done
{
    private Done()
    {
    }

    public static Done Instance { get; } = new();
}
