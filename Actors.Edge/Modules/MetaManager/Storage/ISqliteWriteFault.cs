namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Test seam: called inside each write transaction before it commits; may throw to simulate a failure.</summary>
internal interface ISqliteWriteFault
{
    void BeforeCommit(int attempt);
}
