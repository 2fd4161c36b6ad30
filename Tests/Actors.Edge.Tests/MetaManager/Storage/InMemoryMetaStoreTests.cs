using Actors.Edge.Modules.MetaManager.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Storage;

public sealed class InMemoryMetaStoreTests
{
    [Fact]
    public async Task Read_CorruptedRows_GetNamesKeyAndListSkipsThem()
    {
        var store = new InMemoryMetaStore(new MetaStoreOptions(), NullLogger<InMemoryMetaStore>.Instance);
        store.PutRaw("default/configmap/bad", "configmap", "{oops");
        store.PutRaw("default/configmap/ok", "configmap", "{}");
        var ex = await Assert.ThrowsAsync<MetaStoreCorruptionException>(() => store.GetAsync("default/configmap/bad"));
        Assert.Equal("default/configmap/bad", ex.Key);
        var list = await store.ListAsync("configmap");
        Assert.Equal(["default/configmap/ok"], list.Records.Select(r => r.Key));
        Assert.Equal(["default/configmap/bad"], list.Skipped.Select(s => s.Key));
    }

    [Fact]
    public void Options_Invalid_ThrowArgumentException() =>
        Assert.Throws<ArgumentException>(() => new InMemoryMetaStore(new MetaStoreOptions(MaxWriteAttempts: 0), NullLogger<InMemoryMetaStore>.Instance));
}
