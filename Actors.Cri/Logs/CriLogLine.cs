namespace Actors.Cri.Logs;

/// <summary>
/// One record of a CRI container log file:
/// <c>&lt;RFC3339Nano time&gt; &lt;stdout|stderr&gt; &lt;F|P&gt; &lt;content&gt;</c>.
/// <see cref="IsPartial"/> (tag P) means the runtime split a long line and the next record of the
/// same stream continues it; F ends a line.
/// </summary>
/// <param name="Time">Time stamp (100 ns precision; finer digits are dropped).</param>
/// <param name="Stream">Source stream.</param>
/// <param name="IsPartial">True for a P record.</param>
/// <param name="Content">The text, without the trailing newline.</param>
public sealed record CriLogLine(DateTimeOffset Time, CriLogStream Stream, bool IsPartial, string Content);
