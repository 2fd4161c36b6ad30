using System.Text;

namespace Actors.Cri.Logs;

/// <summary>
/// Writes a container's stdout and stderr to one file in the CRI log format, as containerd does:
/// one record per line, lines longer than <see cref="MaxRecordBytes"/> split into P records
/// followed by a final F record. Both pumps share the file; each record is written whole under a
/// lock, so records never interleave. Time stamps come from the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class CriLogWriter : IAsyncDisposable
{
    /// <summary>Largest content of one record (containerd's default max container log line size).</summary>
    public const int MaxRecordBytes = 16 * 1024;

    private readonly FileStream _file;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Opens (appends to) <paramref name="path"/>, creating its directory.</summary>
    public CriLogWriter(string path, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _time = time;
    }

    /// <summary>Copies <paramref name="source"/> to the log until it ends; a last line without newline is written as F.</summary>
    public async Task PumpAsync(Stream source, CriLogStream stream, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[8192];
        var line = new MemoryStream();
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    line.Write(buffer, start, i - start);
                    await WriteRecordAsync(stream, false, line, cancellationToken);
                    start = i + 1;
                }
                else if (line.Length + (i - start + 1) >= MaxRecordBytes)
                {
                    line.Write(buffer, start, i - start + 1);
                    await WriteRecordAsync(stream, true, line, cancellationToken);
                    start = i + 1;
                }
            }

            line.Write(buffer, start, read - start);
        }

        if (line.Length > 0)
        {
            await WriteRecordAsync(stream, false, line, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _lock.Dispose();
    }

    private async Task WriteRecordAsync(CriLogStream stream, bool partial, MemoryStream line, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length).TrimEnd('\r');
        line.SetLength(0);
        var record = Encoding.UTF8.GetBytes(CriLogFormat.Format(_time.GetUtcNow(), stream, partial, content));
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await _file.WriteAsync(record, cancellationToken);
            await _file.FlushAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }
}
