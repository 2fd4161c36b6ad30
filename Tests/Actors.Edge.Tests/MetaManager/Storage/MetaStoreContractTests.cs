using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Tests.MetaManager.Storage;

/// <summary>Behaviour every <see cref="IMetaStore"/> must have; run against each implementation.</summary>
public abstract class MetaStoreContractTests : IAsyncLifetime
{
    protected IMetaStore Store { get; private set; } = null!;

    protected abstract IMetaStore CreateStore(MetaStoreOptions options);

    public Task InitializeAsync()
    {
        Store = CreateStore(new MetaStoreOptions(MaxValueBytes: 4096));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    internal static string Pod(string name, string uid, string rv = "1", string image = "nginx") =>
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","uid":"{{{uid}}}","resourceVersion":"{{{rv}}}"},"spec":{"containers":[{"image":"{{{image}}}"}]}}""";

    [Fact]
    public async Task Upsert_NewRecord_GetReturnsItAndReportsChanged()
    {
        var record = MetaRecord.For("default", "pod", "nginx", Pod("nginx", "u1"));
        Assert.True(await Store.UpsertAsync(record));
        Assert.Equal(record, await Store.GetAsync("default/pod/nginx"));
    }

    [Fact]
    public async Task Apply_MixedChanges_EachOutcomeAsItsSingleRowMethodAndAllStored()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "same", Pod("same", "u0")));
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "keep", Pod("keep", "u-keep")));
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "drop", Pod("drop", "u-drop")));

        var results = await Store.ApplyAsync([
            new MetaChange.Upsert(MetaRecord.For("default", "pod", "new", Pod("new", "u1"))),
            new MetaChange.Upsert(MetaRecord.For("default", "pod", "same", Pod("same", "u0", rv: "9"))),
            new MetaChange.DeletePod("default", "keep", "u-other"),
            new MetaChange.DeletePod("default", "drop", "u-drop"),
            new MetaChange.Delete("default/configmap/none"),
        ]);

        Assert.Equal([true, false, false, true, false], results.Select(r => r.Changed));
        Assert.Equal([null, null, PodDeleteResult.UidMismatch, PodDeleteResult.Deleted, null], results.Select(r => r.PodResult));
        Assert.Null(results[0].Old);
        Assert.Equal("default/pod/drop", results[3].Old?.Key);
        Assert.NotNull(await Store.GetAsync("default/pod/new"));
        Assert.NotNull(await Store.GetAsync("default/pod/keep"));
        Assert.Null(await Store.GetAsync("default/pod/drop"));
    }

    [Fact]
    public async Task Apply_OneInvalidChange_NothingStored()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ApplyAsync([
            new MetaChange.Upsert(MetaRecord.For("default", "pod", "ok", Pod("ok", "u1"))),
            new MetaChange.Upsert(new MetaRecord("default/pod/big", "pod", new string('x', 5000))),
        ]));
        Assert.Null(await Store.GetAsync("default/pod/ok"));
    }

    [Fact]
    public async Task Get_MissingKey_ReturnsNull() => Assert.Null(await Store.GetAsync("default/pod/none"));

    [Fact]
    public async Task Upsert_OnlyResourceVersionAndFormattingDiffer_ReportsUnchangedButStoresNewValue()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", Pod("a", "u1", rv: "1")));
        var reordered = """{ "spec":{"containers":[{"image":"nginx"}]}, "metadata":{"uid":"u1","namespace":"default","name":"a","resourceVersion":"7","managedFields":[{"manager":"x"}]} }""";
        Assert.False(await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", reordered)));
        Assert.Equal(reordered, (await Store.GetAsync("default/pod/a"))!.Value);
    }

    [Fact]
    public async Task Upsert_SpecDiffers_ReportsChanged()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", Pod("a", "u1")));
        Assert.True(await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", Pod("a", "u1", image: "redis"))));
    }

    [Fact]
    public async Task List_ByTypeAndNamespace_ReturnsMatchingRowsInKeyOrder()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "b", Pod("b", "u2")));
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", Pod("a", "u1")));
        await Store.UpsertAsync(MetaRecord.For("kube-system", "pod", "c", Pod("c", "u3")));
        await Store.UpsertAsync(MetaRecord.For("default", "configmap", "a", "{}"));
        await Store.UpsertAsync(MetaRecord.For("defaultx", "pod", "d", Pod("d", "u4")));

        var all = await Store.ListAsync("pod");
        Assert.Equal(["default/pod/a", "default/pod/b", "defaultx/pod/d", "kube-system/pod/c"], all.Records.Select(r => r.Key));
        var inDefault = await Store.ListAsync("pod", "default");
        Assert.Equal(["default/pod/a", "default/pod/b"], inDefault.Records.Select(r => r.Key));
        Assert.Empty(inDefault.Skipped);
    }

    [Fact]
    public async Task Delete_ExistingAndMissing_ReportsWhetherRemoved()
    {
        await Store.UpsertAsync(MetaRecord.For("null", "node", "edge-1", "{}"));
        Assert.True(await Store.DeleteAsync("null/node/edge-1"));
        Assert.False(await Store.DeleteAsync("null/node/edge-1"));
        Assert.Null(await Store.GetAsync("null/node/edge-1"));
    }

    [Fact]
    public async Task DeletePod_UidMatches_RemovesPodAndPodPatch()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "pod", "a", Pod("a", "u1")));
        await Store.UpsertAsync(MetaRecord.For("default", "podpatch", "a", """{"status":{}}"""));
        Assert.Equal(PodDeleteResult.Deleted, await Store.DeletePodAsync("default", "a", "u1"));
        Assert.Null(await Store.GetAsync("default/pod/a"));
        Assert.Null(await Store.GetAsync("default/podpatch/a"));
    }

    [Fact]
    public async Task DeletePod_UidMismatch_KeepsRow()
    {
        var record = MetaRecord.For("default", "pod", "a", Pod("a", "u-new"));
        await Store.UpsertAsync(record);
        Assert.Equal(PodDeleteResult.UidMismatch, await Store.DeletePodAsync("default", "a", "u-old"));
        Assert.Equal(record, await Store.GetAsync("default/pod/a"));
        Assert.Equal(PodDeleteResult.NotFound, await Store.DeletePodAsync("default", "zzz", "u"));
    }

    [Fact]
    public async Task WriteBatch_AllValid_AppliesEverything()
    {
        await Store.UpsertAsync(MetaRecord.For("default", "secret", "old", "{}"));
        var v2 = MetaV2Record.For("", "v1", "pods", "default", "a", 12, Pod("a", "u1"));
        await Store.WriteBatchAsync([
            new MetaWrite.Upsert(MetaRecord.For("default", "secret", "s1", "{}")),
            new MetaWrite.Delete("default/secret/old"),
            new MetaWrite.UpsertV2(v2),
        ]);
        Assert.NotNull(await Store.GetAsync("default/secret/s1"));
        Assert.Null(await Store.GetAsync("default/secret/old"));
        Assert.Equal(v2, await Store.GetV2Async(v2.Key));
    }

    [Fact]
    public async Task WriteBatch_OneInvalidItem_WritesNothing()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteBatchAsync([
            new MetaWrite.Upsert(MetaRecord.For("default", "secret", "s1", "{}")),
            new MetaWrite.Upsert(MetaRecord.For("default", "secret", "s2", "not json")),
        ]));
        Assert.Contains("writes[1]", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("default/secret/s1"));
    }

    [Theory]
    [InlineData("", "pod")]
    [InlineData("default/pod", "pod")]
    [InlineData("default//a", "pod")]
    [InlineData("default/pod/a b", "pod")]
    [InlineData("default/configmap/a", "pod")]
    [InlineData("default/gizmo/a", "gizmo")]
    public async Task Upsert_BadKeyOrType_ThrowsArgumentException(string key, string type)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.UpsertAsync(new MetaRecord(key, type, "{}")));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public async Task Upsert_OversizedValue_ThrowsNamingLimit()
    {
        var big = "{\"a\":\"" + new string('x', 5000) + "\"}";
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(MetaRecord.For("default", "configmap", "big", big)));
        Assert.Contains("limit is 4096", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("default/configmap/big"));
    }

    [Fact]
    public async Task MetaV2_UpsertGetListDelete_Roundtrips()
    {
        var a = MetaV2Record.For("", "v1", "pods", "default", "a", 5, "{}");
        var b = MetaV2Record.For("", "v1", "pods", "other", "b", 6, "{}");
        var node = MetaV2Record.For("", "v1", "nodes", "", "edge-1", ulong.MaxValue >> 1, "{}");
        await Store.UpsertV2Async(a);
        await Store.UpsertV2Async(b);
        await Store.UpsertV2Async(node);
        Assert.Equal("/core/v1/nodes/null/edge-1", node.Key);
        Assert.Equal(node, await Store.GetV2Async(node.Key));
        Assert.Equal([a, b], (await Store.ListV2Async(a.GroupVersionResource)).Records);
        Assert.Equal([b], (await Store.ListV2Async(a.GroupVersionResource, "other")).Records);
        Assert.True(await Store.DeleteV2Async(a.Key));
        Assert.Null(await Store.GetV2Async(a.Key));
    }

    [Fact]
    public async Task MetaV2_KeyDisagreesWithName_ThrowsArgumentException()
    {
        var bad = MetaV2Record.For("", "v1", "pods", "default", "a", 5, "{}") with { Name = "b" };
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertV2Async(bad));
    }

    [Fact]
    public async Task List_UnknownType_ThrowsArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync("gizmo"));
}
