using System.Diagnostics;
using System.Globalization;
using System.Net;
using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.CloudHub.Server;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Kernel.Actor;
using Actors.Messages.CloudHub;
using Microsoft.Extensions.Logging;

namespace Actors.Bench.CloudHub;

/// <summary>
/// <c>Actors.Bench cloudhub [--nodes 10000] [--messages 200000] [--window 2000] [--hold 35] [--size 300]</c>.
/// One in-process CloudHub (actor + Kestrel server, plain ws, SQLite ACK store); the simulated edges run in a child
/// process (this executable re-invoked). Phases: (1) baseline, a plain Kestrel WebSocket echo server: memory per
/// held connection and round trips/s with the same window and frame size; (2) CloudHub: N nodes connected and held
/// with keepalives (memory per node), then M downstream messages that need an ACK, at most W in flight, across all
/// nodes: ACKed messages/s and cloud→edge→ACK latency percentiles.
/// </summary>
public static class CloudHubBench
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var a = BenchArgs.Parse(args);
        if (a.Child is { } child)
        {
            return child switch
            {
                "edges" => EdgeChild.RunAsync(a.Port, a.Nodes).GetAwaiter().GetResult(),
                "echo" => EchoChild.RunAsync(a.Port, a.Nodes, a.Messages, a.Window, a.Size).GetAwaiter().GetResult(),
                _ => throw new ArgumentException("unknown child mode " + child),
            };
        }

        Console.WriteLine(FormattableString.Invariant(
            $"cloudhub bench: nodes={a.Nodes} messages={a.Messages} window={a.Window} hold={a.HoldSeconds}s, {Environment.ProcessorCount} cores"));
        var frameBytes = DownstreamLoad.FrameBytes(a.Size);
        MicroCosts.Run(a.Size, 20_000);
        RunEchoAsync(a, frameBytes).GetAwaiter().GetResult();
        RunCloudHubAsync(a).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunEchoAsync(BenchArgs a, int frameBytes)
    {
        await using var echo = await EchoServer.StartAsync().ConfigureAwait(false);
        var before = MemorySample.Take();
        using var child = ChildProcess.Start(["echo", "--port", Str(echo.Port), "--nodes", Str(a.Nodes),
            "--messages", Str(a.Messages), "--window", Str(a.Window), "--size", Str(frameBytes)]);
        var clock = Stopwatch.StartNew();
        await child.ExpectAsync("CONNECTED", TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        var connectSeconds = clock.Elapsed.TotalSeconds;
        var held = MemorySample.Take();
        var cpu = CpuSample.Take(child);
        child.Say("GO");
        var parts = (await child.ExpectAsync("ECHO", TimeSpan.FromMinutes(10)).ConfigureAwait(false)).Split(' ');
        var used = cpu.Since(child, a.Messages);
        var seconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
        Console.WriteLine(FormattableString.Invariant(
            $"baseline kestrel-echo: {a.Nodes} connections in {connectSeconds:F1}s; per connection: heap {held.HeapPerNode(before, a.Nodes):F1} KB, working set {held.WorkingSetPerNode(before, a.Nodes):F1} KB"));
        Console.WriteLine(FormattableString.Invariant(
            $"baseline kestrel-echo: {a.Messages / seconds:F0} round trips/s ({frameBytes}-byte frames, window {a.Window}); p50 {parts[2]} ms, p99 {parts[3]} ms; {used}"));
    }

    private static async Task RunCloudHubAsync(BenchArgs a)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        using var system = ActorSystem.Create("bench", new ActorSystemSettings { LoggerFactory = loggers });
        var dir = Directory.CreateTempSubdirectory("cloudhub-bench-").FullName;
        using var window = new SemaphoreSlim(a.Window);
        using var sqlite = new SqliteAckStore(Path.Combine(dir, "cloudhub.db"));
        var store = new MeasuringAckStore(sqlite, window, a.Messages);
        var options = new CloudHubOptions { ListenAddress = IPAddress.Loopback, Port = 0, AllowInsecure = true, NodeLimit = a.Nodes + 100 };
        var sink = system.ActorOf(Props.Create(() => new SinkActor()), "sink");
        var hub = system.ActorOf(CloudHubActor.Props(sink, options, store), "cloudhub");
        await using var server = new CloudHubServer(hub, options, null, null, loggers);
        await server.StartAsync().ConfigureAwait(false);
        var before = MemorySample.Take();
        using var child = ChildProcess.Start(["edges", "--port", Str(server.BoundPort), "--nodes", Str(a.Nodes)]);
        var clock = Stopwatch.StartNew();
        await child.ExpectAsync("CONNECTED", TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        var connected = await ConnectedAsync(hub).ConfigureAwait(false);
        Console.WriteLine(FormattableString.Invariant($"cloudhub: {connected} of {a.Nodes} nodes connected in {clock.Elapsed.TotalSeconds:F1}s"));
        await Task.Delay(TimeSpan.FromSeconds(a.HoldSeconds)).ConfigureAwait(false); // longer than the 30 s keepalive timeout
        var afterHold = await ConnectedAsync(hub).ConfigureAwait(false);
        var held = MemorySample.Take();
        Console.WriteLine(FormattableString.Invariant(
            $"cloudhub: {afterHold} nodes still connected after {a.HoldSeconds}s of keepalives; per node: heap {held.HeapPerNode(before, a.Nodes):F1} KB, working set {held.WorkingSetPerNode(before, a.Nodes):F1} KB"));

        var load = new DownstreamLoad(a.Size);
        var cpu = CpuSample.Take(child);
        var pump = Stopwatch.StartNew();
        for (var i = 0; i < a.Messages; i++)
        {
            await window.WaitAsync().ConfigureAwait(false);
            var node = "edge-" + Str(i % a.Nodes);
            var key = "m-" + Str(i);
            store.MarkSent(node, key);
            hub.Tell(new DownstreamMessage(node, load.Envelope(node, key)), ActorRefs.NoSender);
        }

        var deadline = Stopwatch.StartNew();
        while (store.Acked < a.Messages && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        var seconds = pump.Elapsed.TotalSeconds;
        var used = cpu.Since(child, a.Messages);
        Console.WriteLine(FormattableString.Invariant(
            $"cloudhub: {store.Acked} of {a.Messages} messages ACKed in {seconds:F2}s = {store.Acked / seconds:F0} msg/s (window {a.Window}); cloud->edge->ACK p50 {store.PercentileMs(50):F3} ms, p99 {store.PercentileMs(99):F3} ms, max {store.PercentileMs(100):F3} ms; {used}"));
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<int> ConnectedAsync(IActorRef hub) =>
        (await hub.Ask<ConnectedNodes>(GetConnectedNodes.Instance, TimeSpan.FromSeconds(60)).ConfigureAwait(false)).NodeIds.Count;

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class SinkActor : ReceiveActor
    {
        public SinkActor() => ReceiveAny(_ => { });
    }
}
