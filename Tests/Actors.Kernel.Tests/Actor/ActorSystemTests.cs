using Actors.Kernel.Actor;
using Actors.TestKit.TestActors;

namespace Actors.Kernel.Tests.Actor;

public sealed class ActorSystemTests : TestKit.TestKit
{
    [Fact]
    public void ActorOf_TopLevel_PathIsUnderUser()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props(), "a");
        Assert.Equal("akka://test/user/a", a.Path.ToString());
        Assert.NotEqual(0, a.Path.Uid);
    }

    [Fact]
    public void ActorOf_Child_PathNestsUnderParent()
    {
        var parent = Sys.ActorOf(Reporter.Props(TestActor), "a");
        parent.Tell(new CreateChild(BlackHoleActor.Props(), "b"));
        var child = ExpectMsg<IActorRef>();
        Assert.Equal("akka://test/user/a/b", child.Path.ToString());
    }

    [Fact]
    public void ActorOf_DuplicateName_Throws()
    {
        Sys.ActorOf(BlackHoleActor.Props(), "dup");
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(BlackHoleActor.Props(), "dup"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$x")]
    [InlineData("a b")]
    [InlineData("a/b")]
    public void ActorOf_InvalidName_Throws(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(BlackHoleActor.Props(), name));

    [Fact]
    public void ActorOf_NoName_GetsDollarName()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidSystemName_Throws() =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));

    [Fact]
    public void Create_InvalidSettings_NamesHoconKey()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ActorSystem.Create("x", new ActorSystemSettings { DispatcherThroughput = 0 }));
        Assert.Contains("akka.actor.default-dispatcher.throughput", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_OutsideKernel_ThrowsActorInitializationException() =>
        Assert.Throws<ActorInitializationException>(() => new BlackHoleActor());

    [Fact]
    public async Task Terminate_StopsActorsAndCompletes()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("PreStart");
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        ExpectMsg("PostStop");
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Tell_EchoActor_RepliesToImplicitSender()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        echo.Tell("hello");
        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }
}
