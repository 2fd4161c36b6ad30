using Actors.Cloud.Modules.CloudHub;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>The session's single retry timer (one deadline queue per session) keeps per-message retry timing.</summary>
public sealed class CloudHubRetryTimingTests : Kit
{
    private static readonly CloudHubOptions Retry = new() { RetryInterval = TimeSpan.FromSeconds(5), MaxSends = 3 };

    [Fact]
    public async Task SupersededMessage_ItsOldDeadline_DoesNotResendTheNewVersionEarly()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        hub.SendPod("edge-1", "uid-1", "7");
        Assert.Equal("7", (await client.ReceiveAsync())!.Header.ResourceVersion); // deadline t+5

        Time.Advance(TimeSpan.FromSeconds(3));
        var v8 = hub.SendPod("edge-1", "uid-1", "8");
        Assert.Equal(v8.Header.MsgId, (await client.ReceiveAsync())!.Header.MsgId); // deadline t+8

        Time.Advance(TimeSpan.FromSeconds(2)); // t+5: only version 7's stale deadline
        hub.SendPod("edge-1", "uid-2", "1", "next");
        var next = await client.ReceiveAsync();
        Assert.Equal("default/pod/next", next!.Route.Resource);
        await client.AckAsync(next);

        Time.Advance(TimeSpan.FromSeconds(3)); // t+8: version 8's own deadline
        var resent = await client.ReceiveAsync();
        Assert.Equal(v8.Header.MsgId, resent!.Header.MsgId);
    }

    [Fact]
    public async Task ManyMessages_EachIsRetriedAtItsOwnDeadline_AndAckedOnesAreNot()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        var sent = Enumerable.Range(0, 200).Select(i => hub.SendPod("edge-1", "uid-" + i, "1", "p" + i)).ToList();
        for (var i = 0; i < sent.Count; i++)
        {
            var received = await client.ReceiveAsync();
            Assert.Equal(sent[i].Header.MsgId, received!.Header.MsgId);
            if (i % 2 == 0)
            {
                await client.AckAsync(received);
            }
        }

        await client.SendAsync(CloudHubSessionTests.Marker("acks-sent"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(
            m => m.Dispatch.Envelope.Header.MsgId == "acks-sent", HubHarness.Wait);

        Time.Advance(Retry.RetryInterval);
        var resent = new HashSet<string>();
        for (var i = 0; i < sent.Count / 2; i++)
        {
            resent.Add((await client.ReceiveAsync())!.Header.MsgId);
        }

        Assert.Equal(sent.Where((_, i) => i % 2 == 1).Select(m => m.Header.MsgId).ToHashSet(), resent);
    }
}
