using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Actor;

public sealed class AsyncTests : TestKit.TestKit
{
    [Fact]
    public void RunTask_UntypedActor_ImplicitSenderAfterAwaitIsSelf()
    {
        var a = Sys.ActorOf(Props.Create(() => new Runner()));
        a.Tell("go");
        ExpectMsg("done");
        Assert.Equal(a, LastSender);
    }

    [Fact]
    public void RunTask_MessagesDuringTask_WaitUntilItCompletes()
    {
        var a = Sys.ActorOf(Props.Create(() => new Runner()));
        a.Tell("go");
        a.Tell("next");
        ExpectMsg("done");
        ExpectMsg("next");
    }

    private sealed class Runner : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "go")
            {
                var replyTo = Sender;
                RunTask(async () =>
                {
                    await Task.Yield();
                    await Task.Run(() => { });
                    replyTo.Tell("done");
                });
            }
            else
            {
                Sender.Tell(message);
            }
        }
    }
}
