using System.Collections.Immutable;

namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// Events of one persistence id that are written all-or-nothing (Akka's <c>AtomicWrite</c>; one
/// <c>Persist</c> gives one event, one <c>PersistAll</c> gives several). Sequence numbers must be
/// consecutive and ascending.
/// </summary>
public sealed record AtomicWrite
{
    public AtomicWrite(IPersistentRepresentation single)
        : this(ImmutableArray.Create(single))
    {
    }

    public AtomicWrite(ImmutableArray<IPersistentRepresentation> payload)
    {
        if (payload.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An AtomicWrite needs at least one event.", nameof(payload));
        }

        var pid = payload[0].PersistenceId;
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i].PersistenceId != pid)
            {
                throw new ArgumentException(
                    $"All events of an AtomicWrite must share one persistence id; got '{pid}' and '{payload[i].PersistenceId}'.",
                    nameof(payload));
            }

            if (i > 0 && payload[i].SequenceNr != payload[i - 1].SequenceNr + 1)
            {
                throw new ArgumentException(
                    $"Sequence numbers of an AtomicWrite must be consecutive; got {payload[i - 1].SequenceNr} then {payload[i].SequenceNr}.",
                    nameof(payload));
            }
        }

        Payload = payload;
    }

    /// <summary>The events, in ascending sequence-number order.</summary>
    public ImmutableArray<IPersistentRepresentation> Payload { get; }

    public string PersistenceId => Payload[0].PersistenceId;

    public long LowestSequenceNr => Payload[0].SequenceNr;

    public long HighestSequenceNr => Payload[^1].SequenceNr;

    public int Size => Payload.Length;
}
