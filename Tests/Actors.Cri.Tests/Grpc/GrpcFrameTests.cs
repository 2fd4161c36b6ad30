using Actors.Cri.Grpc;

namespace Actors.Cri.Tests.Grpc;

public sealed class GrpcFrameTests
{
    [Fact]
    public void Encode_ThreeBytes_FlagZeroAndBigEndianLength()
    {
        var frame = GrpcFrame.Encode([0x0a, 0x01, 0x41]);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a, 0x01, 0x41 }, frame);
    }

    [Fact]
    public void Encode_EmptyMessage_HeaderOnly()
    {
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, GrpcFrame.Encode([]));
    }

    [Fact]
    public void Encode_LengthAbove65535_UsesAllFourLengthBytes()
    {
        var frame = GrpcFrame.Encode(new byte[0x012345]);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x01, 0x23, 0x45 }, frame[..5]);
        Assert.Equal(5 + 0x012345, frame.Length);
    }

    [Fact]
    public void DecodeSingle_ValidFrame_ReturnsMessageSlice()
    {
        var body = new byte[] { 0x00, 0x00, 0x00, 0x00, 0x02, 0x08, 0x01 };
        Assert.Equal(new byte[] { 0x08, 0x01 }, GrpcFrame.DecodeSingle(body, 1024).ToArray());
    }

    [Fact]
    public void DecodeSingle_EmptyPayloadFrame_ReturnsEmpty()
    {
        Assert.Equal(0, GrpcFrame.DecodeSingle(new byte[] { 0, 0, 0, 0, 0 }, 1024).Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x00 }, GrpcStatusCode.Internal)]                         // truncated header
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x03, 0x01 }, GrpcStatusCode.Internal)]       // truncated message
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02 }, GrpcStatusCode.Internal)] // trailing bytes
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00, 0x01, 0x01 }, GrpcStatusCode.Internal)]       // compressed flag
    [InlineData(new byte[] { 0x02, 0x00, 0x00, 0x00, 0x01, 0x01 }, GrpcStatusCode.Internal)]       // invalid flag
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x04, 0x01, 0x01 }, GrpcStatusCode.ResourceExhausted)] // 1025 > max 1024
    [InlineData(new byte[] { 0x00, 0xff, 0xff, 0xff, 0xff }, GrpcStatusCode.ResourceExhausted)]    // 4 GiB - 1
    [InlineData(new byte[0], GrpcStatusCode.Internal)]                                               // no message
    public void DecodeSingle_MalformedBody_ThrowsTypedError(byte[] body, GrpcStatusCode expected)
    {
        var ex = Assert.Throws<CriException>(() => GrpcFrame.DecodeSingle(body, 1024));
        Assert.Equal(expected, ex.StatusCode);
    }

    [Fact]
    public void TryReadHeader_FewerThanFiveBytes_ReturnsFalse()
    {
        Assert.False(GrpcFrame.TryReadHeader(new byte[] { 0, 0, 0, 0 }, 10, out _));
    }

    [Fact]
    public void TryReadHeader_MaxSizeExactly_Accepted()
    {
        Assert.True(GrpcFrame.TryReadHeader(new byte[] { 0, 0, 0, 0x04, 0x00 }, 1024, out var length));
        Assert.Equal(1024, length);
    }
}
