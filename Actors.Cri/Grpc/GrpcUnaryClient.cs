using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Actors.Cri.Grpc;

/// <summary>
/// A unary gRPC client over HTTP/2 cleartext with prior knowledge (h2c), on top of
/// <see cref="HttpClient"/>. One instance per endpoint; it is thread-safe and reuses its
/// connection for every call. Each call has a deadline: sent as <c>grpc-timeout</c> and enforced
/// here by cancellation, so a silent server cannot hang the caller. Every failure surfaces as a
/// <see cref="CriException"/> with a gRPC status code, except cancellation requested by the
/// caller's own token, which stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GrpcUnaryClient : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpClient _http;
    private readonly GrpcClientOptions _options;

    /// <summary>Creates a client for a server on the unix socket <paramref name="socketPath"/>.</summary>
    public GrpcUnaryClient(string socketPath, GrpcClientOptions options)
        : this(UnixSocketHttpHandler.Create(socketPath, options.ConnectTimeout), new Uri("http://localhost"), options)
    {
    }

    /// <summary>Creates a client over any handler (e.g. TCP for tests), addressing <paramref name="baseAddress"/>.</summary>
    public GrpcUnaryClient(HttpMessageHandler handler, Uri baseAddress, GrpcClientOptions options)
    {
        _options = options;
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>
    /// Calls <paramref name="method"/> (e.g. <c>/runtime.v1.RuntimeService/Version</c>) and
    /// returns the decoded response. <paramref name="timeout"/> defaults to the options' deadline.
    /// </summary>
    public async Task<TResponse> CallAsync<TResponse>(
        string method, IMessage request, MessageParser<TResponse> parser, TimeSpan? timeout, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        var deadline = timeout ?? _options.DefaultTimeout;
        var payload = EncodeRequest(method, request);
        using var deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadlineCts.CancelAfter(deadline);
        try
        {
            var body = await SendAsync(method, payload, deadline, deadlineCts.Token);
            return parser.ParseFrom(body.Span);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline fired, or (without it) the handler gave up connecting.
            throw deadlineCts.IsCancellationRequested
                ? new CriException(GrpcStatusCode.DeadlineExceeded, $"deadline of {deadline} exceeded", ex) { Method = method }
                : new CriException(GrpcStatusCode.Unavailable, "connection attempt timed out", ex) { Method = method };
        }
        catch (CriException ex) when (ex.Method is null)
        {
            throw new CriException(ex.StatusCode, ex.Detail, ex.InnerException) { Method = method };
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new CriException(GrpcStatusCode.Internal, "malformed response message: " + ex.Message, ex) { Method = method };
        }
        catch (HttpRequestException ex)
        {
            throw new CriException(TransportFailureCode(ex), "transport failure: " + ex.Message, ex) { Method = method };
        }
        catch (IOException ex)
        {
            throw new CriException(GrpcStatusCode.Unavailable, "connection failure: " + ex.Message, ex) { Method = method };
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private byte[] EncodeRequest(string method, IMessage request)
    {
        var size = request.CalculateSize();
        if (size > _options.MaxSendMessageSize)
        {
            throw new CriException(GrpcStatusCode.ResourceExhausted, $"request message larger than max ({size} vs. {_options.MaxSendMessageSize})") { Method = method };
        }

        return GrpcFrame.Encode(request.ToByteArray());
    }

    private async Task<ReadOnlyMemory<byte>> SendAsync(string method, byte[] payload, TimeSpan deadline, CancellationToken cancellationToken)
    {
        // HttpClient's default version only applies to its helper methods: set h2c on the message.
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = GrpcContentType;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation(GrpcTimeout.Header, GrpcTimeout.Encode(deadline));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new CriException(GrpcStatus.FromHttpStatus((int)response.StatusCode), $"HTTP status {(int)response.StatusCode}");
        }

        // "Trailers-only": an error with no body puts grpc-status in the headers.
        var early = ReadStatus(response.Headers);
        if (early is { } headerStatus)
        {
            ThrowIfError(headerStatus);
            throw new CriException(GrpcStatusCode.Internal, "the response carried no message");
        }

        CheckContentType(response.Content.Headers.ContentType);
        var body = await ResponseBodyReader.ReadAsync(response.Content, _options.MaxReceiveMessageSize, cancellationToken);
        var status = ReadStatus(response.TrailingHeaders)
            ?? throw new CriException(GrpcStatusCode.Internal, "the response ended without grpc-status");
        ThrowIfError(status);
        return GrpcFrame.DecodeSingle(body, _options.MaxReceiveMessageSize);
    }

    private static GrpcStatus? ReadStatus(HttpHeaders headers) =>
        GrpcStatus.Parse(FirstValue(headers, GrpcStatus.StatusHeader), FirstValue(headers, GrpcStatus.MessageHeader));

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static void ThrowIfError(GrpcStatus status)
    {
        if (status.Code != GrpcStatusCode.Ok)
        {
            throw new CriException(status.Code, status.Message);
        }
    }

    private static void CheckContentType(MediaTypeHeaderValue? contentType)
    {
        var mediaType = contentType?.MediaType;
        if (mediaType is null || !mediaType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw new CriException(GrpcStatusCode.Unknown, $"unexpected response content-type '{mediaType}'");
        }
    }

    // HTTP/2 stream resets: CANCEL (0x8) is a cancellation, REFUSED_STREAM (0x7) is safe to
    // retry (Unavailable), other protocol errors are Internal. Anything else (refused or missing
    // socket, reset connection) means the server cannot be reached: Unavailable.
    private static GrpcStatusCode TransportFailureCode(HttpRequestException ex) => ex.InnerException switch
    {
        HttpProtocolException { ErrorCode: 0x8 } => GrpcStatusCode.Cancelled,
        HttpProtocolException { ErrorCode: 0x7 } => GrpcStatusCode.Unavailable,
        HttpProtocolException => GrpcStatusCode.Internal,
        _ => GrpcStatusCode.Unavailable,
    };
}
