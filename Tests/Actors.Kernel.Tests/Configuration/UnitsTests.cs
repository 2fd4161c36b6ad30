using System.Numerics;
using Actors.Kernel.Configuration;
using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("1ns", 1L)]
    [InlineData("1 nano", 1L)]
    [InlineData("2 nanos", 2L)]
    [InlineData("1nanosecond", 1L)]
    [InlineData("3 nanoseconds", 3L)]
    [InlineData("1us", 1_000L)]
    [InlineData("1micro", 1_000L)]
    [InlineData("1micros", 1_000L)]
    [InlineData("1microsecond", 1_000L)]
    [InlineData("1microseconds", 1_000L)]
    [InlineData("1ms", 1_000_000L)]
    [InlineData("1milli", 1_000_000L)]
    [InlineData("1millis", 1_000_000L)]
    [InlineData("1millisecond", 1_000_000L)]
    [InlineData("1milliseconds", 1_000_000L)]
    [InlineData("1", 1_000_000L)]
    [InlineData("1s", 1_000_000_000L)]
    [InlineData("1second", 1_000_000_000L)]
    [InlineData("1 seconds", 1_000_000_000L)]
    [InlineData("1m", 60_000_000_000L)]
    [InlineData("1minute", 60_000_000_000L)]
    [InlineData("1minutes", 60_000_000_000L)]
    [InlineData("1h", 3_600_000_000_000L)]
    [InlineData("1hour", 3_600_000_000_000L)]
    [InlineData("1hours", 3_600_000_000_000L)]
    [InlineData("1d", 86_400_000_000_000L)]
    [InlineData("1day", 86_400_000_000_000L)]
    [InlineData("1days", 86_400_000_000_000L)]
    [InlineData("0.5s", 500_000_000L)]
    [InlineData("-2s", -2_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    public void Duration_EveryUnitSpelling_ConvertsToNanos(string text, long nanos)
    {
        Assert.Equal(new BigInteger(nanos), HoconUnits.ParseDurationNanos(text));
        Assert.Equal(new BigInteger(nanos), Parse("d = " + text).GetDurationNanos("d"));
    }

    [Theory]
    [InlineData("1S")]
    [InlineData("1 fortnights")]
    [InlineData("s")]
    [InlineData("1 2 s")]
    public void Duration_UnknownUnitOrShape_IsRejected(string text)
    {
        Assert.Null(HoconUnits.ParseDurationNanos(text));
        var e = Assert.Throws<ConfigurationException>(() => Parse("d = \"" + text + "\"").GetTimeSpan("d"));
        Assert.Contains("'d'", e.Message, StringComparison.Ordinal);
        Assert.Contains("duration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_Infinite_IsAkkaExtension()
    {
        var c = Parse("t = infinite, u = Infinite");
        Assert.Equal(Timeout.InfiniteTimeSpan, c.GetTimeSpan("t"));
        Assert.Equal(Timeout.InfiniteTimeSpan, c.GetTimeSpan("u"));
        Assert.Throws<ConfigurationException>(() => c.GetTimeSpan("t", allowInfinite: false));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1B", 1)]
    [InlineData("1b", 1)]
    [InlineData("1byte", 1)]
    [InlineData("2bytes", 2)]
    [InlineData("1kB", 1000)]
    [InlineData("1kilobyte", 1000)]
    [InlineData("1kilobytes", 1000)]
    [InlineData("1MB", 1000000)]
    [InlineData("1megabytes", 1000000)]
    [InlineData("1GB", 1000000000)]
    [InlineData("1gigabyte", 1000000000)]
    [InlineData("1TB", 1000000000000)]
    [InlineData("1terabytes", 1000000000000)]
    [InlineData("1PB", 1000000000000000)]
    [InlineData("1petabyte", 1000000000000000)]
    [InlineData("1EB", 1000000000000000000)]
    [InlineData("1exabytes", 1000000000000000000)]
    [InlineData("1K", 1024)]
    [InlineData("1k", 1024)]
    [InlineData("1Ki", 1024)]
    [InlineData("1KiB", 1024)]
    [InlineData("1kibibyte", 1024)]
    [InlineData("1kibibytes", 1024)]
    [InlineData("1M", 1048576)]
    [InlineData("1m", 1048576)]
    [InlineData("1Mi", 1048576)]
    [InlineData("1MiB", 1048576)]
    [InlineData("1mebibytes", 1048576)]
    [InlineData("1G", 1073741824)]
    [InlineData("1g", 1073741824)]
    [InlineData("1GiB", 1073741824)]
    [InlineData("1gibibyte", 1073741824)]
    [InlineData("1T", 1099511627776)]
    [InlineData("1t", 1099511627776)]
    [InlineData("1TiB", 1099511627776)]
    [InlineData("1tebibytes", 1099511627776)]
    [InlineData("1P", 1125899906842624)]
    [InlineData("1p", 1125899906842624)]
    [InlineData("1PiB", 1125899906842624)]
    [InlineData("1pebibyte", 1125899906842624)]
    [InlineData("1E", 1152921504606846976)]
    [InlineData("1e", 1152921504606846976)]
    [InlineData("1EiB", 1152921504606846976)]
    [InlineData("1exbibytes", 1152921504606846976)]
    [InlineData("0.5M", 524288)]
    [InlineData("1.5 KiB", 1536)]
    public void ByteSize_EveryUnitSpelling_Converts(string text, long bytes)
    {
        Assert.Equal(new BigInteger(bytes), HoconUnits.ParseBytes(text));
        Assert.Equal(bytes, Parse("s = \"" + text + "\"").GetByteSize("s"));
    }

    [Theory]
    [InlineData("1ZB", "1000000000000000000000")]
    [InlineData("1zettabytes", "1000000000000000000000")]
    [InlineData("1YB", "1000000000000000000000000")]
    [InlineData("1yottabyte", "1000000000000000000000000")]
    [InlineData("1Z", "1180591620717411303424")]
    [InlineData("1z", "1180591620717411303424")]
    [InlineData("1ZiB", "1180591620717411303424")]
    [InlineData("1zebibytes", "1180591620717411303424")]
    [InlineData("1Y", "1208925819614629174706176")]
    [InlineData("1y", "1208925819614629174706176")]
    [InlineData("1YiB", "1208925819614629174706176")]
    [InlineData("1yobibyte", "1208925819614629174706176")]
    [InlineData("0.5YB", "500000000000000000000000")]
    public void ByteSize_BeyondLong_UsesBigInteger(string text, string expected)
    {
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse("s = " + text).GetBigByteSize("s"));
        Assert.Throws<ConfigurationException>(() => Parse("s = " + text).GetByteSize("s"));
    }

    [Theory]
    [InlineData("1kb")]
    [InlineData("1KB")]
    [InlineData("1 bits")]
    public void ByteSize_WrongCaseOrUnknownUnit_IsRejected(string text) => Assert.Null(HoconUnits.ParseBytes(text));

    [Theory]
    [InlineData("3", 0, 0, 3)]
    [InlineData("1d", 0, 0, 1)]
    [InlineData("1 day", 0, 0, 1)]
    [InlineData("2days", 0, 0, 2)]
    [InlineData("1w", 0, 0, 7)]
    [InlineData("1week", 0, 0, 7)]
    [InlineData("2 weeks", 0, 0, 14)]
    [InlineData("1m", 0, 1, 0)]
    [InlineData("1mo", 0, 1, 0)]
    [InlineData("1month", 0, 1, 0)]
    [InlineData("2months", 0, 2, 0)]
    [InlineData("1y", 1, 0, 0)]
    [InlineData("1year", 1, 0, 0)]
    [InlineData("3 years", 3, 0, 0)]
    public void Period_EveryUnitSpelling_Converts(string text, int years, int months, int days) =>
        Assert.Equal(new ConfigPeriod(years, months, days), HoconUnits.ParsePeriod(text));

    [Theory]
    [InlineData("1.5d")]
    [InlineData("400000000w")]
    [InlineData("99999999999d")]
    public void Period_FractionOrOverflow_IsRejected(string text) => Assert.Null(HoconUnits.ParsePeriod(text));

    [Fact]
    public void Getters_OverflowingValues_ThrowConfigurationException()
    {
        var c = Parse("d = 99999999999999999999d, i = 99999999999, p = 400000000w");
        Assert.Throws<ConfigurationException>(() => c.GetTimeSpan("d"));
        Assert.Throws<ConfigurationException>(() => c.GetInt("i"));
        Assert.Throws<ConfigurationException>(() => c.GetPeriod("p"));
        Assert.Throws<ConfigurationException>(() => Parse("l = [1k, 1YB]").GetByteSizeList("l"));
    }
}
