using Actors.Cri.Logs;

namespace Actors.Cri.Tests.Logs;

public sealed class CriLogFormatTests
{
    [Fact]
    public void TryParse_ContainerdRecord_AllFields()
    {
        Assert.True(CriLogFormat.TryParse("2016-10-06T00:17:09.669794202Z stdout F hello world", out var line, out _));

        Assert.Equal(new DateTimeOffset(2016, 10, 6, 0, 17, 9, TimeSpan.Zero).AddTicks(6697942), line!.Time);
        Assert.Equal(CriLogStream.Stdout, line.Stream);
        Assert.False(line.IsPartial);
        Assert.Equal("hello world", line.Content);
    }

    [Theory]
    [InlineData("2016-10-06T00:17:10.113242941Z stderr P part", CriLogStream.Stderr, true, "part")]
    [InlineData("2016-10-06T00:17:10Z stdout F ", CriLogStream.Stdout, false, "")]
    [InlineData("2016-10-06T00:17:10Z stdout F", CriLogStream.Stdout, false, "")]
    [InlineData("2016-10-06T00:17:10.1Z stdout F  two  spaces ", CriLogStream.Stdout, false, " two  spaces ")]
    [InlineData("2016-10-06T02:17:10.5+02:00 stdout F:extra tagged", CriLogStream.Stdout, false, "tagged")]
    public void TryParse_Variants_Parsed(string record, CriLogStream stream, bool partial, string content)
    {
        Assert.True(CriLogFormat.TryParse(record, out var line, out var error), error);
        Assert.Equal((stream, partial, content), (line!.Stream, line.IsPartial, line.Content));
    }

    [Fact]
    public void TryParse_Offset_NormalisedToUtc()
    {
        Assert.True(CriLogFormat.TryParse("2016-10-06T02:17:10.5+02:00 stdout F x", out var line, out _));
        Assert.Equal(new DateTimeOffset(2016, 10, 6, 0, 17, 10, 500, TimeSpan.Zero), line!.Time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2016-10-06T00:17:09Z stdout")]
    [InlineData("2016-10-06T00:17:09Z stdin F x")]
    [InlineData("2016-10-06T00:17:09Z stdout X x")]
    [InlineData("yesterday stdout F x")]
    [InlineData("2016-10-06T00:17:09 stdout F no-zone")]
    [InlineData("2016-10-06T00:17:09.Z stdout F empty-fraction")]
    public void TryParse_Malformed_FalseWithReason(string record)
    {
        Assert.False(CriLogFormat.TryParse(record, out var line, out var error));
        Assert.Null(line);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Format_Record_NineFractionDigitsAndNewline()
    {
        var time = new DateTimeOffset(2026, 11, 22, 5, 0, 1, TimeSpan.Zero).AddTicks(1234567);

        Assert.Equal("2026-11-22T05:00:01.123456700Z stderr P abc\n", CriLogFormat.Format(time, CriLogStream.Stderr, true, "abc"));
    }

    [Fact]
    public void FormatThenParse_RoundTrips()
    {
        var time = new DateTimeOffset(2026, 11, 22, 5, 0, 1, TimeSpan.Zero).AddTicks(42);
        var record = CriLogFormat.Format(time, CriLogStream.Stdout, false, "héllo").TrimEnd('\n');

        Assert.True(CriLogFormat.TryParse(record, out var line, out _));
        Assert.Equal(new CriLogLine(time, CriLogStream.Stdout, false, "héllo"), line);
    }
}
