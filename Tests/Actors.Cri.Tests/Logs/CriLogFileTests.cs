using System.Text;
using Actors.Cri.Logs;
using Actors.Cri.Tests.Support;

namespace Actors.Cri.Tests.Logs;

public sealed class CriLogFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cri-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Read_PartialRecords_JoinedPerStream()
    {
        var path = Write(
            "2026-01-01T00:00:00.1Z stdout P hel",
            "2026-01-01T00:00:00.2Z stderr F error line",
            "2026-01-01T00:00:00.3Z stdout P lo ",
            "2026-01-01T00:00:00.4Z stdout F world",
            "not a record",
            "2026-01-01T00:00:00.5Z stdout F last");

        var result = await CriLogFile.ReadAsync(path);

        Assert.Equal(["error line", "hello world", "last"], result.Lines.Select(l => l.Content));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 100, TimeSpan.Zero), result.Lines[1].Time);
        Assert.Equal(1, result.MalformedRecords);
    }

    [Fact]
    public async Task Read_CarriageReturnInsideRecord_KeptAsContent()
    {
        var path = Write("2026-01-01T00:00:00Z stdout F 10%\r20%\r100%", "2026-01-01T00:00:00Z stdout F next");

        var result = await CriLogFile.ReadAsync(path);

        Assert.Equal(["10%\r20%\r100%", "next"], result.Lines.Select(l => l.Content));
        Assert.Equal(0, result.MalformedRecords);
    }

    [Fact]
    public async Task Read_TailLines_KeepsLast()
    {
        var path = Write("2026-01-01T00:00:00Z stdout F 1", "2026-01-01T00:00:00Z stdout F 2", "2026-01-01T00:00:00Z stdout F 3");

        var result = await CriLogFile.ReadAsync(path, tailLines: 2);

        Assert.Equal(["2", "3"], result.Lines.Select(l => l.Content));
    }

    [Fact]
    public async Task Read_MissingFile_Empty()
    {
        var result = await CriLogFile.ReadAsync(Path.Combine(_dir, "absent.log"));

        Assert.Empty(result.Lines);
    }

    [Fact]
    public async Task Writer_LongLineAndUnterminatedTail_SplitIntoPartialsAndFull()
    {
        var path = Path.Combine(_dir, "c", "0.log");
        var longLine = new string('x', CriLogWriter.MaxRecordBytes * 2 + 10);
        var input = new MemoryStream(Encoding.UTF8.GetBytes(longLine + "\nshort\r\nno newline"));
        await using (var writer = new CriLogWriter(path, new ManualTimeProvider()))
        {
            await writer.PumpAsync(input, CriLogStream.Stderr);
        }

        var records = await File.ReadAllLinesAsync(path);
        var result = await CriLogFile.ReadAsync(path);

        Assert.Equal(["P", "P", "F", "F", "F"], records.Select(r => r.Split(' ')[2]));
        Assert.All(records, r => Assert.StartsWith("2026-01-01T00:00:00.000000000Z stderr ", r, StringComparison.Ordinal));
        Assert.Equal([longLine, "short", "no newline"], result.Lines.Select(l => l.Content));
        Assert.Equal(0, result.MalformedRecords);
    }

    private string Write(params string[] records)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllText(path, string.Join('\n', records) + "\n");
        return path;
    }
}
