namespace Actors.Cri.Logs;

/// <summary>The stream a CRI log record came from.</summary>
public enum CriLogStream
{
    Stdout,
    Stderr,
}
