using System.Runtime.InteropServices;

namespace Actors.Kernel.Actor;

/// <summary>Runs <see cref="CoordinatedShutdown"/> when the process gets SIGTERM, SIGINT or SIGQUIT (for hosts).</summary>
public static class CoordinatedShutdownSignals
{
    /// <summary>
    /// Registers the handlers; each cancels the default termination and starts the shutdown with
    /// <see cref="CoordinatedShutdown.ClrExitReason"/>. Await <see cref="ActorSystem.WhenTerminated"/>
    /// in Main and exit afterwards. Dispose the result to unregister.
    /// </summary>
    public static IDisposable Register(ActorSystem system)
    {
        var regs = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            regs.Add(PosixSignalRegistration.Create(signal, ctx =>
            {
                ctx.Cancel = true;
                _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
            }));
        }

        return new Registrations(regs);
    }

    private sealed class Registrations(List<PosixSignalRegistration> regs) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in regs)
            {
                r.Dispose();
            }
        }
    }
}
