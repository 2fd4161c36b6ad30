using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Tests.MetaManager.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Durability;

/// <summary>A real edgecore child process writing acknowledged objects, killed with SIGKILL mid-stream.</summary>
public sealed class SigkillDurabilityTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Sigkill_MidStream_EveryAcknowledgedObjectIsStored()
    {
        List<string> acked;
        using (var child = HostProcess.Start("edgecore.dll", ["metamanager-crashtest", _db.Path, "200000"]))
        {
            await child.WaitForLineAsync(l => l == "ACK default/configmap/c-500", TimeSpan.FromSeconds(60));
            child.Signal("KILL");
            await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
            acked = [.. child.StdOut.Split('\n').Where(l => l.StartsWith("ACK ", StringComparison.Ordinal)).Select(l => l[4..])];
            Assert.DoesNotContain("DONE", child.StdOut, StringComparison.Ordinal);
        }

        Assert.True(acked.Count >= 501, $"only {acked.Count} acknowledgements seen");
        await using var store = new SqliteMetaStore(_db.Path, new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance);
        var stored = (await store.ListAsync("configmap", "default")).Records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var lost = acked.Where(k => !stored.Contains(k)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acked.Count} acknowledged objects are missing after SIGKILL, e.g. {string.Join(", ", lost.Take(5))}");
    }
}
