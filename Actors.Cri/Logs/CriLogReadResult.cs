namespace Actors.Cri.Logs;

/// <summary>Lines read from a CRI log file, and how many records could not be parsed.</summary>
public sealed record CriLogReadResult(IReadOnlyList<CriLogLine> Lines, int MalformedRecords);
