namespace Actors.Kernel.Tests.Modules;

public sealed class ModuleBusSyncTests : ModuleTestBase
{
    [Fact]
    public async Task SendSync_ModuleAnswers_CompletesWithTheResponse()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor));
        var request = BusMsg.Request("ask");
        var response = (BusMsg)await Completed(bus.SendSync("a", request));
        Assert.Equal(request.Id, response.ParentId);
        Assert.Equal("a:ask", response.Body);
    }

    [Fact]
    public async Task SendSync_NoAnswerBeforeTimeout_TimeoutAndLateResponseDropped()
    {
        var bus = StartBus(new TestModule("silent", "g", TestActor) { Answer = false });
        ExpectMsg<Started>();
        var request = BusMsg.Request("ask");
        var reply = bus.SendSync("silent", request, TimeSpan.FromSeconds(5));
        ExpectMsg<Got>(g => g.Message == request);
        Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(reply.IsCompleted);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => Completed(reply));
        var late = new BusMsg(Guid.NewGuid().ToString(), request.Id, "late");
        EventFilter.Warning(contains: "Dropped response").ExpectOne(() => bus.SendResponse(late));
    }

    [Fact]
    public async Task SendSync_NoTimeoutGiven_DefaultsToThirtySeconds()
    {
        var bus = StartBus(new TestModule("silent", "g", TestActor) { Answer = false });
        ExpectMsg<Started>();
        var request = BusMsg.Request("ask");
        var reply = bus.SendSync("silent", request);
        ExpectMsg<Got>(g => g.Message == request);
        Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(reply.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => Completed(reply));
    }

    [Fact]
    public async Task SendToGroupSync_AllMembersAnswer_AllResponsesReturned()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor), new TestModule("b", "g", TestActor));
        var request = BusMsg.Request("ask");
        var result = await Completed(bus.SendToGroupSync("g", request));
        Assert.False(result.TimedOut);
        Assert.Equal(2, result.Expected);
        var bodies = result.Responses.Cast<BusMsg>().Select(r => r.Body).Order(StringComparer.Ordinal);
        Assert.Equal(["a:ask", "b:ask"], bodies);
    }

    [Fact]
    public async Task SendToGroupSync_OneMemberSilent_TimesOutWithPartialAnswers()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor), new TestModule("b", "g", TestActor) { Answer = false });
        var request = BusMsg.Request("ask");
        var reply = bus.SendToGroupSync("g", request, TimeSpan.FromSeconds(3));
        ExpectMsgAllOf<object>(new Started("a", 1), new Started("b", 1), new Got("a", 1, request), new Got("b", 1, request));

        // "a" answers before it reports, so the bus holds its answer before this marker reaches "b".
        var marker = BusMsg.Request("marker");
        bus.Send("b", marker);
        ExpectMsg(new Got("b", 1, marker));
        Time.Advance(TimeSpan.FromSeconds(3));
        var result = await Completed(reply);
        Assert.True(result.TimedOut);
        Assert.Equal(2, result.Expected);
        Assert.Equal("a:ask", Assert.Single(result.Responses.Cast<BusMsg>()).Body);
    }

    [Fact]
    public async Task SendSync_ManyConcurrentCallers_EachGetsItsOwnAnswer()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor));
        var requests = Enumerable.Range(0, 200).Select(i => BusMsg.Request("ask" + i)).ToList();
        var calls = requests.Select(r => Task.Run(() => bus.SendSync("a", r))).ToList();
        var answers = await Completed(Task.WhenAll(calls));
        for (var i = 0; i < requests.Count; i++)
        {
            var answer = (BusMsg)answers[i];
            Assert.Equal(requests[i].Id, answer.ParentId);
            Assert.Equal("a:" + requests[i].Body, answer.Body);
        }
    }

    [Fact]
    public async Task SendSync_MessageWithoutId_FailsAtOnce()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor));
        await Assert.ThrowsAsync<ArgumentException>(() => Completed(bus.SendSync("a", new BusMsg(string.Empty, string.Empty, "ask"))));
    }

    [Fact]
    public async Task SendToGroupSync_UnknownGroup_FailsWithDeliveryException()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor));
        await Assert.ThrowsAsync<Kernel.Modules.ModuleDeliveryException>(() => Completed(bus.SendToGroupSync("nogroup", BusMsg.Request("ask"))));
    }

    [Fact]
    public async Task SendSync_SameIdWhilePending_SecondRefusedFirstStillAnswered()
    {
        var bus = StartBus(new TestModule("silent", "g", TestActor) { Answer = false });
        ExpectMsg<Started>();
        var request = BusMsg.Request("ask");
        var first = bus.SendSync("silent", request);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Completed(bus.SendSync("silent", request)));
        bus.SendResponse(new BusMsg("r", request.Id, "manual"));
        Assert.Equal("manual", ((BusMsg)await Completed(first)).Body);
    }
}
