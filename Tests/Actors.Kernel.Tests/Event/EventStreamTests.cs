using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Actors.TestKit.TestActors;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Tests.Event;

public sealed class EventStreamTests : TestKit.TestKit
{
    private sealed record Base(int N);

    [Fact]
    public void Subscribe_ByType_ReceivesMatchingEventsOnly()
    {
        Sys.EventStream.Subscribe<string>(TestActor);
        Sys.EventStream.Publish(42);
        Sys.EventStream.Publish("yes");
        ExpectMsg("yes");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Subscribe_BaseType_ReceivesSubtypes()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(object));
        Sys.EventStream.Publish(new Base(1));
        ExpectMsg<Base>();
    }

    [Fact]
    public void Unsubscribe_StopsDelivery()
    {
        Sys.EventStream.Subscribe<string>(TestActor);
        Sys.EventStream.Unsubscribe(TestActor);
        Sys.EventStream.Publish("no");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeadLetter_IsPublishedOnStream()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Sys.DeadLetters.Tell("orphan", null);
        Assert.Equal("orphan", ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void DeadLetter_IsLoggedAsInfo()
    {
        EventFilter.Info(contains: "was not delivered").ExpectOne(() => Sys.DeadLetters.Tell("orphan", null));
    }

    [Fact]
    public void ActorLogger_Line_CarriesActorPath()
    {
        var a = Sys.ActorOf(Props.Create(() => new LoggingActor()), "logger");
        EventFilter.Info(message: "hello", source: "akka://test/user/logger").ExpectOne(() => a.Tell("hello"));
    }

    [Fact]
    public void ActorSelection_ExactPath_DeliversToActor()
    {
        var a = Sys.ActorOf(Props.Create(() => new EchoActor()), "sel");
        Sys.ActorSelection("/user/sel").Tell("x");
        ExpectMsg("x");
        Assert.Equal(a, LastSender);
    }

    [Fact]
    public void ActorSelection_Wildcard_DeliversToAllMatches()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "w1");
        Sys.ActorOf(Props.Create(() => new EchoActor()), "w2");
        Sys.ActorSelection("akka://test/user/w*").Tell("x");
        ExpectMsg("x");
        ExpectMsg("x");
    }

    [Fact]
    public async Task ActorSelection_ResolveOne_Missing_ThrowsActorNotFound()
    {
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/nope").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ActorSelection_Relative_FromContext_FindsSibling()
    {
        var b = Sys.ActorOf(Props.Create(() => new EchoActor()), "b");
        var a = Sys.ActorOf(Props.Create(() => new SelectingActor()), "a");
        a.Tell("../b");
        ExpectMsg("via-selection");
        Assert.Equal(b, LastSender);
    }

    private sealed class LoggingActor : ReceiveActor
    {
        public LoggingActor()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.LogInformation("{Text}", s));
        }
    }

    private sealed class SelectingActor : ReceiveActor
    {
        public SelectingActor() => Receive<string>(path => Context.ActorSelection(path).Tell("via-selection", Sender));
    }
}
