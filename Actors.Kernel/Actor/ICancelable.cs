namespace Actors.Kernel.Actor;

/// <summary>A handle to cancel a scheduled operation.</summary>
public interface ICancelable
{
    void Cancel();

    bool IsCancellationRequested { get; }
}
