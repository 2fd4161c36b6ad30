using System.Text;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Client;

public sealed class WatchStreamTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Read_LinesSplitAcrossChunks_DecodesWholeEventsOnly()
    {
        await using var server = await ScriptedApiServer.StartAsync((request, response, srv) => srv.ServeWatchAsync(request, response));
        using var client = server.CreateClient();
        await using var stream = await client.Resource(KnownResources.Pods).WatchAsync("a", new ListOptions { ResourceVersion = "5" });
        using var cts = new CancellationTokenSource(Deadline);
        await using var events = stream.ReadEventsAsync(cts.Token).GetAsyncEnumerator();
        var watch = await server.NextWatchAsync();
        var line = $"{{\"type\":\"ADDED\",\"object\":{K8sJson.Pod("a", "p1", "6")}}}\n";

        await watch.SendRawAsync(line[..17]);
        var pending = events.MoveNextAsync().AsTask();
        Assert.False(pending.IsCompleted);
        await watch.SendRawAsync(line[17..] + "\r\n" + $"{{\"type\":\"MODIFIED\",\"object\":{K8sJson.Pod("a", "p1", "7")}}}\n");

        Assert.True(await pending.WaitAsync(Deadline));
        Assert.Equal((WatchEventType.Added, "6"), (events.Current.Type, events.Current.ResourceVersion));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventType.Modified, "7"), (events.Current.Type, events.Current.ResourceVersion));
        watch.End();
        Assert.False(await events.MoveNextAsync());
        Assert.Contains("watch=true", watch.Request.RawQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_StreamEndsInsideAnEvent_ThrowsWatchStreamException()
    {
        await using var server = await ScriptedApiServer.StartAsync((request, response, srv) => srv.ServeWatchAsync(request, response));
        using var client = server.CreateClient();
        await using var stream = await client.Resource(KnownResources.Pods).WatchAsync("a", new ListOptions());
        var watch = await server.NextWatchAsync();

        await watch.SendRawAsync("{\"type\":\"ADDED\",\"obj");
        watch.End();

        var ex = await Assert.ThrowsAsync<WatchStreamException>(async () =>
        {
            await foreach (var _ in stream.ReadEventsAsync(CancellationToken.None).WithCancellation(new CancellationTokenSource(Deadline).Token))
            {
            }
        });
        Assert.Contains("ended inside an event", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ErrorEvent_CarriesStatus()
    {
        var decoder = new WatchEventDecoder<Pod>(KnownResources.Pods.Codec);

        var e = decoder.Decode(Encoding.UTF8.GetBytes($"{{\"type\":\"ERROR\",\"object\":{K8sJson.Status(410, "Expired", "too old")}}}"));

        Assert.Equal(WatchEventType.Error, e.Type);
        Assert.Equal(410, e.ErrorStatus!.Code);
        Assert.True(ApiErrorDecoder.FromStatus(e.ErrorStatus).IsGone);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"ADDED\"}")]
    [InlineData("{\"type\":\"EXPLODED\",\"object\":{}}")]
    [InlineData("{\"type\":\"ADDED\",\"object\":{}} trailing")]
    [InlineData("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":42}}}")]
    public void Decode_MalformedLine_ThrowsWatchStreamException(string line)
    {
        var decoder = new WatchEventDecoder<Pod>(KnownResources.Pods.Codec);

        Assert.Throws<WatchStreamException>(() => decoder.Decode(Encoding.UTF8.GetBytes(line)));
    }
}
