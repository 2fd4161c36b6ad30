using System.Collections.Concurrent;
using System.Net.Sockets;
using Actors.Cri.Grpc;
using Actors.Cri.Tests.Support;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Runtime.V1;

namespace Actors.Cri.Tests.Grpc;

public sealed class GrpcUnaryClientTests
{
    private const string Version = "/runtime.v1.RuntimeService/Version";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Call_ServerRepliesWithTrailers_DecodesResponseAndSendsGrpcHeaders()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await TestGrpcServer.StartAsync(async ctx =>
        {
            seen.Enqueue($"{ctx.Request.Protocol} {ctx.Request.Path} {ctx.Request.ContentType} te={ctx.Request.Headers.TE} timeout={ctx.Request.Headers["grpc-timeout"]}");
            var request = VersionRequest.Parser.ParseFrom((await ReadBodyAsync(ctx)).Span);
            await ReplyAsync(ctx, new VersionResponse { RuntimeName = "echo-" + request.Version });
        });
        using var client = NewClient(server);

        var response = await client.CallAsync(Version, new VersionRequest { Version = "v1" }, VersionResponse.Parser, TimeSpan.FromSeconds(20), default).WaitAsync(Guard);

        Assert.Equal("echo-v1", response.RuntimeName);
        Assert.Equal("HTTP/2 /runtime.v1.RuntimeService/Version application/grpc te=trailers timeout=20000000u", Assert.Single(seen));
    }

    [Fact]
    public async Task Call_TrailersOnlyError_ThrowsTypedExceptionWithDecodedMessage()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx =>
        {
            ctx.Response.ContentType = "application/grpc";
            ctx.Response.Headers["grpc-status"] = "5";
            ctx.Response.Headers["grpc-message"] = "container %22abc%22 not found";
            return Task.CompletedTask;
        });
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.NotFound, ex);
        Assert.Equal("container \"abc\" not found", ex.Detail);
        Assert.Equal(Version, ex.Method);
    }

    [Fact]
    public async Task Call_ErrorStatusInTrailers_ThrowsEvenWithABody()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx => ReplyAsync(ctx, new VersionResponse(), status: "12", message: "unknown service"));
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.Unimplemented, ex);
        Assert.Equal("unknown service", ex.Detail);
    }

    [Fact]
    public async Task Call_NoGrpcStatus_ThrowsInternal()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx => ReplyAsync(ctx, new VersionResponse(), status: null));
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.Internal, ex);
    }

    [Fact]
    public async Task Call_Http503_MapsToUnavailable()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.Unavailable, ex);
    }

    [Fact]
    public async Task Call_ServerNeverAnswers_DeadlineExceeded()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestGrpcServer.StartAsync(async ctx =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() =>
            client.CallAsync(Version, new VersionRequest(), VersionResponse.Parser, TimeSpan.FromMilliseconds(300), default).WaitAsync(Guard));

        AssertStatus(GrpcStatusCode.DeadlineExceeded, ex);
        if (started.Task.IsCompleted)
        {
            // The client reset the stream: the server saw the call end. (On a loaded machine the deadline can pass
            // before the request reached the handler at all; then there is no server-side call to end.)
            await aborted.Task.WaitAsync(Guard);
        }
    }

    [Fact]
    public async Task Call_CallerCancels_OperationCanceledNotDeadline()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        using var client = NewClient(server);
        using var cts = new CancellationTokenSource();

        var call = client.CallAsync(Version, new VersionRequest(), VersionResponse.Parser, TimeSpan.FromMinutes(5), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
    }

    [Fact]
    public async Task Call_ResponseLargerThanMax_ResourceExhausted()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx => ReplyAsync(ctx, new VersionResponse { RuntimeName = new string('x', 4096) }));
        using var client = NewClient(server, new GrpcClientOptions { MaxReceiveMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.ResourceExhausted, ex);
    }

    [Fact]
    public async Task Call_RequestLargerThanMax_ResourceExhaustedWithoutSending()
    {
        var calls = 0;
        await using var server = await TestGrpcServer.StartAsync(ctx =>
        {
            Interlocked.Increment(ref calls);
            return ReplyAsync(ctx, new VersionResponse());
        });
        using var client = NewClient(server, new GrpcClientOptions { MaxSendMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<CriException>(() =>
            client.CallAsync(Version, new VersionRequest { Version = new string('v', 2048) }, VersionResponse.Parser, Guard, default));

        AssertStatus(GrpcStatusCode.ResourceExhausted, ex);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Call_MalformedProtobuf_Internal()
    {
        await using var server = await TestGrpcServer.StartAsync(ctx => ReplyRawAsync(ctx, GrpcFrame.Encode([0x0a, 0x10, 0x41]), "0"));
        using var client = NewClient(server);

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.Internal, ex);
    }

    [Fact]
    public async Task Call_SeveralCalls_ReuseOneConnection()
    {
        var connections = new ConcurrentDictionary<string, int>();
        await using var server = await TestGrpcServer.StartAsync(ctx =>
        {
            connections.AddOrUpdate(ctx.Connection.Id, 1, (_, n) => n + 1);
            return ReplyAsync(ctx, new VersionResponse { RuntimeName = "x" });
        });
        using var client = NewClient(server);

        for (var i = 0; i < 5; i++)
        {
            await CallVersionAsync(client);
        }

        Assert.Equal(5, Assert.Single(connections).Value);
    }

    [Fact]
    public async Task Call_NoSocketFile_Unavailable()
    {
        using var client = new GrpcUnaryClient(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.sock"), new GrpcClientOptions());

        var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));

        AssertStatus(GrpcStatusCode.Unavailable, ex);
    }

    [Fact]
    public async Task Call_SocketFileWithoutListener_Unavailable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dead-{Guid.NewGuid():N}.sock");
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(path)); // bound, never listening: connect is refused
        }

        try
        {
            using var client = new GrpcUnaryClient(path, new GrpcClientOptions());
            var ex = await Assert.ThrowsAsync<CriException>(() => CallVersionAsync(client));
            AssertStatus(GrpcStatusCode.Unavailable, ex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertStatus(GrpcStatusCode expected, CriException ex) =>
        Assert.True(ex.StatusCode == expected, $"expected {expected}, got {ex}");

    private static GrpcUnaryClient NewClient(TestGrpcServer server, GrpcClientOptions? options = null) =>
        new(server.SocketPath, options ?? new GrpcClientOptions());

    private static Task<VersionResponse> CallVersionAsync(GrpcUnaryClient client) =>
        client.CallAsync(Version, new VersionRequest(), VersionResponse.Parser, TimeSpan.FromSeconds(20), default).WaitAsync(Guard);

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer);
        return GrpcFrame.DecodeSingle(buffer.ToArray(), 1 << 20);
    }

    private static Task ReplyAsync(HttpContext ctx, IMessage response, string? status = "0", string? message = null) =>
        ReplyRawAsync(ctx, GrpcFrame.Encode(response.ToByteArray()), status, message);

    private static async Task ReplyRawAsync(HttpContext ctx, byte[] body, string? status, string? message = null)
    {
        ctx.Response.ContentType = "application/grpc";
        await ctx.Response.Body.WriteAsync(body);
        if (status is not null)
        {
            ctx.Response.AppendTrailer("grpc-status", status);
        }

        if (message is not null)
        {
            ctx.Response.AppendTrailer("grpc-message", message);
        }
    }
}
