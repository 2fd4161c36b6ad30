using System.Text;

namespace Actors.Cri.Logs;

/// <summary>Reads a CRI log file written by a runtime (reading is runtime-independent).</summary>
public static class CriLogFile
{
    /// <summary>
    /// Reads every record of <paramref name="path"/>. Partial (P) records are joined with the
    /// following records of the same stream into one line, as <c>kubectl logs</c> shows them.
    /// Malformed records are skipped and counted in <see cref="CriLogReadResult.MalformedRecords"/>.
    /// <paramref name="tailLines"/>, when given, keeps only the last lines. A missing file is an
    /// empty log (the container has not written anything yet).
    /// </summary>
    public static async Task<CriLogReadResult> ReadAsync(string path, int? tailLines = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return new CriLogReadResult([], 0);
        }

        var lines = new List<CriLogLine>();
        var pending = new Dictionary<CriLogStream, (DateTimeOffset Time, StringBuilder Text)>();
        var malformed = 0;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await foreach (var record in ReadRecordsAsync(reader, cancellationToken))
        {
            if (!CriLogFormat.TryParse(record, out var line, out _) || line is null)
            {
                malformed++;
                continue;
            }

            if (pending.Remove(line.Stream, out var head))
            {
                head.Text.Append(line.Content);
                line = line with { Time = head.Time, Content = head.Text.ToString() };
            }

            if (line.IsPartial)
            {
                pending[line.Stream] = (line.Time, new StringBuilder(line.Content));
                continue;
            }

            lines.Add(line);
        }

        // A P record at the very end: the line is still being written; show what there is.
        lines.AddRange(pending.Select(p => new CriLogLine(p.Value.Time, p.Key, true, p.Value.Text.ToString())));
        var kept = tailLines is { } tail && tail >= 0 && tail < lines.Count ? lines[^tail..] : lines;
        return new CriLogReadResult(kept, malformed);
    }

    // Records end at '\n' only: a '\r' inside a line is content (StreamReader.ReadLine would split there).
    private static async IAsyncEnumerable<string> ReadRecordsAsync(StreamReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[8192];
        var current = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    current.Append(buffer, start, i - start);
                    yield return current.ToString();
                    current.Clear();
                    start = i + 1;
                }
            }

            current.Append(buffer, start, read - start);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
