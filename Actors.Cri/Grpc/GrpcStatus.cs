using System.Globalization;
using System.Text;

namespace Actors.Cri.Grpc;

/// <summary>
/// A call's final status, parsed from the <c>grpc-status</c> and <c>grpc-message</c> metadata
/// (from trailers, or from the headers of a "trailers-only" response). Pure helpers, no I/O.
/// </summary>
/// <param name="Code">The status code.</param>
/// <param name="Message">The percent-decoded message (empty when absent).</param>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Message)
{
    /// <summary>Header name of the status code.</summary>
    public const string StatusHeader = "grpc-status";

    /// <summary>Header name of the status message.</summary>
    public const string MessageHeader = "grpc-message";

    /// <summary>
    /// Parses raw metadata values. A missing status is null (the caller decides: absent from the
    /// trailers of a finished call is an error). A non-numeric or out-of-range value is Unknown.
    /// </summary>
    public static GrpcStatus? Parse(string? statusValue, string? messageValue)
    {
        if (statusValue is null)
        {
            return null;
        }

        var message = messageValue is null ? string.Empty : PercentDecode(messageValue);
        if (!int.TryParse(statusValue.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || code > (int)GrpcStatusCode.Unauthenticated)
        {
            var detail = $"invalid grpc-status '{statusValue}'" + (message.Length > 0 ? ": " + message : string.Empty);
            return new GrpcStatus(GrpcStatusCode.Unknown, detail);
        }

        return new GrpcStatus((GrpcStatusCode)code, message);
    }

    /// <summary>
    /// Maps a non-200 HTTP status to a gRPC status code (the table of the gRPC HTTP/2 protocol
    /// document: 400 Internal, 401 Unauthenticated, 403 PermissionDenied, 404 Unimplemented,
    /// 429/502/503/504 Unavailable, anything else Unknown).
    /// </summary>
    public static GrpcStatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => GrpcStatusCode.Internal,
        401 => GrpcStatusCode.Unauthenticated,
        403 => GrpcStatusCode.PermissionDenied,
        404 => GrpcStatusCode.Unimplemented,
        429 or 502 or 503 or 504 => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };

    /// <summary>
    /// Decodes the percent-encoding of <c>grpc-message</c> (<c>%XX</c> = one UTF-8 byte).
    /// A malformed escape is kept literally rather than failing, as the protocol asks.
    /// </summary>
    public static string PercentDecode(string value)
    {
        if (value.IndexOf('%', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        var literalStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[literalStart..i]));
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
                literalStart = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(value[literalStart..]));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
