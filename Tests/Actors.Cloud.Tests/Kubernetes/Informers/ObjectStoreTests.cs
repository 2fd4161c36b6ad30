using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Tests.Kubernetes.Informers;

public sealed class ObjectStoreTests
{
    private static Pod P(string ns, string name, string? node)
        => new() { Metadata = new ObjectMeta { Namespace = ns, Name = name }, Spec = new PodSpec { NodeName = node } };

    private static ObjectStore<Pod> NewStore() => new(
        p => KnownResources.Pods.Codec.Identify(p).Key,
        new Dictionary<string, Func<Pod, IEnumerable<string>>>
        {
            [StoreIndexers.Namespace] = StoreIndexers.ByNamespace(KnownResources.Pods.Codec),
            [StoreIndexers.NodeName] = StoreIndexers.PodNodeName,
        });

    [Fact]
    public void Upsert_PodMovesNode_IndexFollows()
    {
        var store = NewStore();
        store.Upsert(P("a", "p1", "n1"));
        store.Upsert(P("a", "p2", "n1"));

        var old = store.Upsert(P("a", "p1", "n2"));

        Assert.Equal("n1", old!.Spec!.NodeName);
        Assert.Equal(["p2"], store.ByIndex(StoreIndexers.NodeName, "n1").Select(p => p.Metadata.Name));
        Assert.Equal(["p1"], store.ByIndex(StoreIndexers.NodeName, "n2").Select(p => p.Metadata.Name));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Remove_LastObjectOfIndexValue_DropsTheValue()
    {
        var store = NewStore();
        store.Upsert(P("a", "p1", "n1"));
        store.Upsert(P("b", "p2", null));

        Assert.NotNull(store.Remove("a/p1"));
        Assert.Null(store.Remove("a/p1"));

        Assert.Empty(store.IndexValues(StoreIndexers.NodeName));
        Assert.Equal(["b"], store.IndexValues(StoreIndexers.Namespace));
        Assert.Null(store.Get("a/p1"));
    }

    [Fact]
    public void ByIndex_UnknownIndex_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewStore().ByIndex("zone", "x"));

        Assert.Contains("zone", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ConcurrentWriters_IndexesStayConsistent()
    {
        var store = NewStore();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                store.Upsert(P("ns", $"p{i % 100}", $"n{(i + w) % 7}"));
                if (i % 5 == 0)
                {
                    store.Remove($"ns/p{(i + 1) % 100}");
                }
            }
        }));
        await Task.WhenAll(writers);

        var byNode = store.IndexValues(StoreIndexers.NodeName).Sum(n => store.ByIndex(StoreIndexers.NodeName, n).Count);
        Assert.Equal(store.Count, byNode);
        Assert.All(store.List(), p => Assert.Contains(p, store.ByIndex(StoreIndexers.NodeName, p.Spec!.NodeName!)));
    }

    [Fact]
    public void Backoff_NoJitter_DoublesUpToMaxAndResets()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 2, 0, () => 0.9);

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds).ToArray();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 5, 5], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Backoff_FullJitter_ScalesByRandomAndCapsAtMax()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), 2, 1.0, () => 0.5);

        Assert.Equal([1.5, 3, 3], Enumerable.Range(0, 3).Select(_ => backoff.Next().TotalSeconds));
    }
}
