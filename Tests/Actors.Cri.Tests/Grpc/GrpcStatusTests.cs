using Actors.Cri.Grpc;

namespace Actors.Cri.Tests.Grpc;

public sealed class GrpcStatusTests
{
    [Fact]
    public void Parse_NoStatusHeader_ReturnsNull()
    {
        Assert.Null(GrpcStatus.Parse(null, "ignored"));
    }

    [Theory]
    [InlineData("0", GrpcStatusCode.Ok)]
    [InlineData("5", GrpcStatusCode.NotFound)]
    [InlineData("12", GrpcStatusCode.Unimplemented)]
    [InlineData("14", GrpcStatusCode.Unavailable)]
    [InlineData("16", GrpcStatusCode.Unauthenticated)]
    [InlineData("17", GrpcStatusCode.Unknown)]
    [InlineData("-1", GrpcStatusCode.Unknown)]
    [InlineData("abc", GrpcStatusCode.Unknown)]
    [InlineData("", GrpcStatusCode.Unknown)]
    public void Parse_StatusValue_MapsToCode(string value, GrpcStatusCode expected)
    {
        Assert.Equal(expected, GrpcStatus.Parse(value, null)!.Value.Code);
    }

    [Fact]
    public void Parse_PercentEncodedMessage_IsDecoded()
    {
        var status = GrpcStatus.Parse("5", "an error occurred when try to find container \"abc\": not found%0A")!.Value;
        Assert.Equal(GrpcStatusCode.NotFound, status.Code);
        Assert.Equal("an error occurred when try to find container \"abc\": not found\n", status.Message);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%25 done", "100% done")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("%E2%82%AC%20sign", "€ sign")]
    [InlineData("bad %zz escape", "bad %zz escape")]
    [InlineData("trailing %4", "trailing %4")]
    [InlineData("trailing %", "trailing %")]
    [InlineData("%41", "A")]
    public void PercentDecode_Input_Decoded(string input, string expected)
    {
        Assert.Equal(expected, GrpcStatus.PercentDecode(input));
    }

    [Theory]
    [InlineData(400, GrpcStatusCode.Internal)]
    [InlineData(401, GrpcStatusCode.Unauthenticated)]
    [InlineData(403, GrpcStatusCode.PermissionDenied)]
    [InlineData(404, GrpcStatusCode.Unimplemented)]
    [InlineData(429, GrpcStatusCode.Unavailable)]
    [InlineData(502, GrpcStatusCode.Unavailable)]
    [InlineData(503, GrpcStatusCode.Unavailable)]
    [InlineData(504, GrpcStatusCode.Unavailable)]
    [InlineData(500, GrpcStatusCode.Unknown)]
    public void FromHttpStatus_NonOk_MapsPerProtocol(int http, GrpcStatusCode expected)
    {
        Assert.Equal(expected, GrpcStatus.FromHttpStatus(http));
    }

    [Theory]
    [InlineData(2_000, "2000000u")]
    [InlineData(120_000, "120000m")]
    [InlineData(0.5, "500000n")]
    public void TimeoutEncode_Milliseconds_FinestUnitThatFits(double milliseconds, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Encode(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void TimeoutEncode_SubMicrosecond_Nanoseconds()
    {
        Assert.Equal("100n", GrpcTimeout.Encode(TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void TimeoutEncode_TwoDays_FitsEightDigits()
    {
        var value = GrpcTimeout.Encode(TimeSpan.FromDays(2));
        // 172 800 000 ms has nine digits, so seconds are the finest unit that fits.
        Assert.Equal("172800S", value);
    }

    [Fact]
    public void TimeoutEncode_NonPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GrpcTimeout.Encode(TimeSpan.Zero));
    }
}
