using Actors.Cri.Grpc;
using Actors.Cri.Runtime;

namespace Actors.Cri.Tests.Integration;

/// <summary>A runtime that is not there: every call fails fast as Unavailable, within its deadline.</summary>
public sealed class DeadSocketTests
{
    [Fact]
    public async Task Version_NoRuntimeOnSocket_UnavailableWithinDeadline()
    {
        var endpoint = "unix://" + Path.Combine(Path.GetTempPath(), $"no-runtime-{Guid.NewGuid():N}.sock");
        await using var cri = CriRuntime.Create(new CriOptions { Endpoint = endpoint, RequestTimeout = TimeSpan.FromSeconds(10) });

        var ex = await Assert.ThrowsAsync<CriException>(() => cri.Runtime.VersionAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(CriRuntimeKind.Cri, cri.Kind);
        Assert.Equal(GrpcStatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("/runtime.v1.RuntimeService/Version", ex.Method);
    }
}
