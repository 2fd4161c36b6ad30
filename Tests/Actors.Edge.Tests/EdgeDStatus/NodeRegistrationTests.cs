using System.Collections.Concurrent;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeDStatus;

/// <summary>EdgeD registers its node through MetaManager and retries soon when the cloud is not reachable yet.</summary>
public sealed class NodeRegistrationTests : TestKit.TestKit
{
    [Fact]
    public async Task Registration_FirstAttemptRefused_RetriedBeforeNextStatusReport()
    {
        var root = Directory.CreateTempSubdirectory("edged-register-").FullName;
        try
        {
            var meta = new RefusingMetaManager(refusals: 2);
            var options = new CriOptions { Runtime = CriRuntimeKind.Process, ProcessRootDirectory = Path.Combine(root, "process") };
            var settings = new EdgedSettings("edge-register-node", Path.Combine(root, "pods"), Path.Combine(root, "logs"), t => CriRuntime.Create(options, t))
            {
                NodeStatusPeriod = TimeSpan.FromHours(1),
            };
            var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
            ModuleHost.Start(Sys, [new EdgedModule(settings), meta], new ModuleHostOptions(correlation));

            // With a one-hour status period, a third attempt within the deadline can only come from the retry backoff.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await meta.Accepted.Task.WaitAsync(deadline.Token);
            Assert.Equal(3, meta.Attempts.Count);
            Assert.All(meta.Attempts, r => Assert.Equal("null/node/edge-register-node", r));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A MetaManager that answers the first <c>refusals</c> node registrations with an error, then accepts.</summary>
    private sealed class RefusingMetaManager(int refusals) : IModule
    {
        public ConcurrentQueue<string> Attempts { get; } = new();

        public int Refusals => refusals;

        public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => ModuleNames.MetaManager;

        public string Group => Groups.Meta;

        public bool Enabled => true;

        public Props CreateProps(ModuleContext context) => Props.Create(() => new Actor(context, this));

        private sealed class Actor(ModuleContext context, RefusingMetaManager owner) : ActorBase
        {
            protected override bool Receive(object message)
            {
                if (message is not BusMessage { Envelope: { Route.Operation: Operations.Insert } request } || !request.Route.Resource.StartsWith("null/node/", StringComparison.Ordinal))
                {
                    return message is BusMessage;
                }

                owner.Attempts.Enqueue(request.Route.Resource);
                var header = MessageHeader.New(context.Time);
                var answer = owner.Attempts.Count <= owner.Refusals
                    ? MessageEnvelope.ErrorTo(request, header, "cloud unreachable")
                    : MessageEnvelope.ResponseTo(request, header, MessageContent.FromString("OK"));
                context.Bus.SendResponse(new BusMessage(answer));
                if (owner.Attempts.Count > owner.Refusals)
                {
                    owner.Accepted.TrySetResult();
                }

                return true;
            }
        }
    }
}
